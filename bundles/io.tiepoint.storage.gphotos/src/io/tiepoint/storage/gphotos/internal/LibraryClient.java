/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * The Library API calls of the provider: albums this app created, found by title ({@code albums.list}, 50 a page)
 * or created ({@code albums.create}, asked again only after another look, so that a lost answer never makes a
 * second album); the checksums of an album's media items ({@code mediaItems:search}, 100 a page, the SHA-1 in
 * each description); and {@code mediaItems:batchCreate}.
 */
public final class LibraryClient {

	/** The description of a media item: the image's SHA-1, by which a later run finds it. */
	static final Pattern SHA1 = Pattern.compile("sha1=([0-9a-fA-F]{40})");

	private final PhotosHttp http;
	private final URI api;

	LibraryClient(PhotosHttp http, URI endpoint) {
		this.http = http;
		this.api = URI.create(endpoint + "/v1/");
	}

	/**
	 * @param sha1 an image's SHA-1
	 * @param name its file name
	 * @return the description its media item carries
	 */
	static String description(String sha1, String name) {
		return "tiepoint sha1=" + sha1.toLowerCase(java.util.Locale.ROOT) + " " + name;
	}

	/**
	 * @param monitor cancellation
	 * @return the titles and ids of the albums this app created, in the server's order
	 * @throws StorageException when they cannot be listed
	 */
	public List<Map.Entry<String, String>> albums(IProgressMonitor monitor) throws StorageException {
		List<Map.Entry<String, String>> out = new ArrayList<>();
		String page = null;
		do {
			String q = "albums?pageSize=50&excludeNonAppCreatedData=true" + (page == null ? ""
					: "&pageToken="
							+ URLEncoder.encode(page, StandardCharsets.UTF_8));
			JsonNode r = ok("listing the albums", http.send("listing the albums", () -> HttpRequest.newBuilder(at(q))
					.timeout(Duration.ofMinutes(1)).GET(), PhotosHttp.Repeat.SAFE, monitor));
			for (JsonNode a : r.path("albums")) {
				out.add(Map.entry(a.path("title").asText(""), a.path("id").asText("")));
			}
			page = r.path("nextPageToken").asText(null);
		} while (page != null && !page.isEmpty());
		return out;
	}

	/**
	 * @param title   an album title
	 * @param monitor cancellation
	 * @return the id of the first album of that title this app created
	 * @throws StorageException when the albums cannot be listed
	 */
	Optional<String> findAlbum(String title, IProgressMonitor monitor) throws StorageException {
		return albums(monitor).stream().filter(e -> e.getKey().equals(title)).map(Map.Entry::getValue).findFirst();
	}

	/** @return the id of the album of that title this app created, created when there is none */
	String album(String title, IProgressMonitor monitor) throws StorageException {
		Optional<String> found = findAlbum(title, monitor);
		if (found.isPresent()) {
			return found.get();
		}
		String what = "creating the album '" + title + "'";
		ObjectNode body = AccessTokens.JSON.createObjectNode();
		body.putObject("album").put("title", title);
		for (int attempt = 1;; attempt++) {
			try {
				return ok(what, http.send(what, () -> json(at("albums"), body), PhotosHttp.Repeat.UNSAFE,
						monitor)).path("id").asText();
			} catch (StorageException e) {
				if (e.kind() != Kind.TRANSIENT || attempt >= 3) {
					throw e;
				}
				found = findAlbum(title, monitor); // the creation may have happened: look before creating again
				if (found.isPresent()) {
					return found.get();
				}
			}
		}
	}

	/**
	 * @param albumId an album of this app
	 * @param monitor cancellation
	 * @return the SHA-1 (lower case) of each media item of the album whose description has one, and its id
	 * @throws StorageException when the album cannot be searched
	 */
	Map<String, String> checksums(String albumId, IProgressMonitor monitor) throws StorageException {
		Map<String, String> out = new HashMap<>();
		String page = null;
		do {
			ObjectNode q = AccessTokens.JSON.createObjectNode().put("albumId", albumId).put("pageSize", 100);
			if (page != null) {
				q.put("pageToken", page);
			}
			JsonNode r = ok("listing the album's media items", http.send("listing the album's media items",
					() -> json(at("mediaItems:search"), q), PhotosHttp.Repeat.SAFE, monitor));
			for (JsonNode item : r.path("mediaItems")) {
				Matcher m = SHA1.matcher(item.path("description").asText(""));
				if (m.find()) {
					out.putIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), item.path("id").asText());
				}
			}
			page = r.path("nextPageToken").asText(null);
		} while (page != null && !page.isEmpty());
		return out;
	}

	/**
	 * {@code mediaItems:batchCreate} into an album.
	 *
	 * @param albumId the album
	 * @param items   each new item: description, upload token, file name
	 * @param monitor cancellation
	 * @return the answer's {@code newMediaItemResults}
	 * @throws StorageException when the call failed as a whole
	 */
	JsonNode batchCreate(String albumId, List<String[]> items, IProgressMonitor monitor) throws StorageException {
		ObjectNode body = AccessTokens.JSON.createObjectNode().put("albumId", albumId);
		ArrayNode news = body.putArray("newMediaItems");
		for (String[] i : items) {
			ObjectNode n = news.addObject().put("description", i[0]);
			n.putObject("simpleMediaItem").put("uploadToken", i[1]).put("fileName", i[2]);
		}
		String what = "creating " + items.size() + " media item(s)";
		HttpResponse<byte[]> r = http.send(what, () -> json(at("mediaItems:batchCreate"), body),
				PhotosHttp.Repeat.UNSAFE, monitor);
		if (r.statusCode() != 200 && r.statusCode() != 207) {
			throw PhotosHttp.failure(what, r);
		}
		return PhotosHttp.json(r.body()).path("newMediaItemResults");
	}

	/** @return the API's URI of a path ({@code mediaItems:search} would be a scheme to {@link URI#resolve}) */
	private URI at(String path) {
		return URI.create(api + path);
	}

	private static HttpRequest.Builder json(URI uri, JsonNode body) {
		try {
			return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(AccessTokens.JSON.writeValueAsBytes(body)));
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode ok(String what, HttpResponse<byte[]> r) throws StorageException {
		if (r.statusCode() != 200) {
			throw PhotosHttp.failure(what, r);
		}
		return PhotosHttp.json(r.body());
	}
}
