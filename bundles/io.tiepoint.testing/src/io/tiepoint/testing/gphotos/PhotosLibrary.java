/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.gphotos;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Albums and media items of the {@link PhotosServer}, with Google's rules: {@code albums.create} and
 * {@code mediaItems:batchCreate} need the append-only scope; {@code albums.list} and {@code mediaItems:search} a
 * read scope and, with the app-created one, see only what the app created; media items go only into albums the
 * app created; {@code batchCreate} takes 1 to 50 items and answers each (its upload token single-use, not
 * expired, bytes that are a photo or video, a description of at most 1,000 characters), 200 when all were made,
 * 207 otherwise; list pages of at most 50 albums and searches of at most 100 items.
 */
public final class PhotosLibrary {

	/** Where creating and reading is allowed. */
	static final String[] APPEND = { PhotosServer.SCOPE_APPEND, PhotosServer.SCOPE_FULL };
	static final String[] READ = { PhotosServer.SCOPE_READ_APP_CREATED, PhotosServer.SCOPE_READONLY,
			PhotosServer.SCOPE_FULL };

	/**
	 * An album.
	 *
	 * @param id     its id
	 * @param title  its title
	 * @param client the app that created it
	 */
	public record Album(String id, String title, String client) {
	}

	/**
	 * A media item.
	 *
	 * @param id          its id
	 * @param albumId     its album, or null
	 * @param description the description given at its creation
	 * @param filename    its file name
	 * @param mediaType   the media type declared at the upload
	 * @param bytes       what was uploaded
	 * @param client      the app that created it
	 */
	public record MediaItem(String id, String albumId, String description, String filename, String mediaType,
			byte[] bytes, String client) {
	}

	private final PhotosServer server;
	private final List<Album> albums = new CopyOnWriteArrayList<>();
	private final List<MediaItem> items = new CopyOnWriteArrayList<>();
	private final AtomicInteger failItems = new AtomicInteger();
	private volatile int failCode = 13;
	private volatile boolean anyBytes;

	PhotosLibrary(PhotosServer server) {
		this.server = server;
	}

	/** @return every album */
	public List<Album> albums() {
		return List.copyOf(albums);
	}

	/**
	 * @param title an album title
	 * @return the first album of that title
	 */
	public Optional<Album> album(String title) {
		return albums.stream().filter(a -> a.title.equals(title)).findFirst();
	}

	/** @return every media item */
	public List<MediaItem> items() {
		return List.copyOf(items);
	}

	/**
	 * @param albumTitle an album's title
	 * @return the media items of the first album of that title
	 */
	public List<MediaItem> items(String albumTitle) {
		String id = album(albumTitle).map(Album::id).orElse("");
		return items.stream().filter(i -> id.equals(i.albumId)).toList();
	}

	/**
	 * Creates an album as an app would.
	 *
	 * @param client the app's client id
	 * @param title  the title
	 * @return the album
	 */
	public Album createAlbum(String client, String title) {
		Album a = new Album("AL" + PhotosAuth.random(18), title, client);
		albums.add(a);
		return a;
	}

	/**
	 * The next {@code n} new media items of batchCreate calls fail with a status of that code (13 INTERNAL and
	 * 14 UNAVAILABLE are worth another try; 3 INVALID_ARGUMENT is not).
	 *
	 * @param n    how many
	 * @param code the google.rpc code
	 * @return this
	 */
	public PhotosLibrary failItems(int n, int code) {
		failCode = code;
		failItems.set(n);
		return this;
	}

	/** @param any true: media items are made of any bytes (the conformance suite sends random ones) */
	public PhotosLibrary acceptAnyBytes(boolean any) {
		anyBytes = any;
		return this;
	}

	// ------------------------------------------------------------------ endpoints

	void albums(Http h, PhotosAuth.Grant g) throws IOException, HttpError {
		if ("POST".equals(h.method)) {
			String title = h.json().path("album").path("title").asText("");
			if (title.isBlank() || title.length() > 500) {
				throw HttpError.invalid("album.title must be 1 to 500 characters");
			}
			h.json(200, json(createAlbum(g.client(), title)));
			return;
		}
		int size = page(h.query.get("pageSize"), 20, 50);
		boolean appOnly = "true".equals(h.query.get("excludeNonAppCreatedData")) || !g.scopes().contains(
				PhotosServer.SCOPE_READONLY) && !g.scopes().contains(PhotosServer.SCOPE_FULL);
		List<Album> visible = albums.stream().filter(a -> !appOnly || a.client.equals(g.client())).toList();
		int from = start(h.query.get("pageToken"), visible.size());
		ObjectNode out = Http.object();
		ArrayNode list = out.putArray("albums");
		visible.subList(from, Math.min(visible.size(), from + size)).forEach(a -> list.add(json(a)));
		if (from + size < visible.size()) {
			out.put("nextPageToken", "p" + (from + size));
		}
		h.json(200, out);
	}

	void search(Http h, PhotosAuth.Grant g) throws IOException, HttpError {
		JsonNode q = h.json();
		if (q.has("filters") && q.has("albumId")) {
			throw HttpError.invalid("filters cannot be set together with albumId");
		}
		String albumId = q.path("albumId").asText(null);
		Album album = albumId == null ? null : visible(albumId, g);
		int size = page(q.path("pageSize").isMissingNode() ? null : q.path("pageSize").asText(), 25, 100);
		List<MediaItem> found = items.stream().filter(i -> (album == null || album.id.equals(i.albumId))
				&& (i.client.equals(g.client()) || !appCreatedOnly(g))).toList();
		int from = start(q.path("pageToken").asText(null), found.size());
		ObjectNode out = Http.object();
		ArrayNode list = out.putArray("mediaItems");
		found.subList(from, Math.min(found.size(), from + size)).forEach(i -> list.add(json(i)));
		if (from + size < found.size()) {
			out.put("nextPageToken", "p" + (from + size));
		}
		h.json(200, out);
	}

	void batchCreate(Http h, PhotosAuth.Grant g) throws IOException, HttpError {
		JsonNode q = h.json();
		JsonNode news = q.path("newMediaItems");
		if (!news.isArray() || news.isEmpty() || news.size() > 50) {
			throw HttpError.invalid("newMediaItems: 1 to 50 items per call, not " + news.size());
		}
		String albumId = q.path("albumId").asText(null);
		if (albumId != null) {
			Album a = visible(albumId, g);
			if (!a.client.equals(g.client())) {
				throw HttpError.invalid("No permission to add media items to this album.");
			}
		}
		ObjectNode out = Http.object();
		ArrayNode results = out.putArray("newMediaItemResults");
		boolean all = true;
		for (JsonNode n : news) {
			String token = n.path("simpleMediaItem").path("uploadToken").asText(null);
			ObjectNode r = results.addObject();
			if (token != null) {
				r.put("uploadToken", token);
			}
			String failure = failure(n, token, g);
			if (failure != null) {
				all = false;
				int code = failure.startsWith("injected") ? failCode : failure.startsWith("NOT_FOUND") ? 5 : 3;
				r.putObject("status").put("code", code).put("message", failure);
				continue;
			}
			PhotosUploads.Upload u = server.uploads().take(token, g);
			if (u == null) {
				all = false;
				r.putObject("status").put("code", 5).put("message",
						"NOT_FOUND: the upload token is unknown, used already, expired or another app's");
				continue;
			}
			if (!anyBytes && !media(u.bytes())) {
				all = false;
				r.putObject("status").put("code", 3).put("message", "Failed: the bytes are not a photo or video");
				continue;
			}
			MediaItem item = new MediaItem("MI" + PhotosAuth.random(18), albumId, n.path("description").asText(""),
					n.path("simpleMediaItem").path("fileName").asText("unnamed"), u.mediaType(), u.bytes(), g.client());
			items.add(item);
			r.putObject("status").put("message", "Success");
			r.set("mediaItem", json(item));
		}
		if (server.faults().answerLost(PhotosServer.Call.BATCH_CREATE)) {
			server.note("batchCreate " + news.size() + " -> done, answer lost (injected)");
			throw new PhotosUploads.Cut();
		}
		server.note("batchCreate " + news.size() + " -> " + (all ? 200 : 207));
		h.json(all ? 200 : 207, out);
	}

	/** @return why this new item is refused before its token is looked at, or null */
	private String failure(JsonNode n, String token, PhotosAuth.Grant g) {
		if (token == null || token.isBlank()) {
			return "INVALID_ARGUMENT: simpleMediaItem.uploadToken is required";
		}
		if (n.path("description").asText("").length() > 1000) {
			return "INVALID_ARGUMENT: the description is longer than 1000 characters";
		}
		if (n.path("simpleMediaItem").path("fileName").asText("").length() > 255) {
			return "INVALID_ARGUMENT: the file name is longer than 255 characters";
		}
		if (failItems.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
			return "injected failure of this item";
		}
		return null;
	}

	private Album visible(String id, PhotosAuth.Grant g) throws HttpError {
		return albums.stream().filter(a -> a.id.equals(id) && (a.client.equals(g.client()) || !appCreatedOnly(g)))
				.findFirst().orElseThrow(() -> HttpError.invalid("album " + id + " not found (or not created by this"
						+ " app)"));
	}

	private static boolean appCreatedOnly(PhotosAuth.Grant g) {
		return !g.scopes().contains(PhotosServer.SCOPE_READONLY) && !g.scopes().contains(PhotosServer.SCOPE_FULL);
	}

	/** JPEG, PNG, TIFF, GIF, HEIC/MP4 (ftyp), WebP: what Photos takes. */
	private static boolean media(byte[] b) {
		return b.length > 12 && (b[0] == (byte) 0xff && b[1] == (byte) 0xd8 || b[0] == (byte) 0x89 && b[1] == 'P'
				|| b[0] == 'I' && b[1] == 'I' || b[0] == 'M' && b[1] == 'M' || b[0] == 'G' && b[1] == 'I'
				|| b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p' || b[8] == 'W' && b[9] == 'E');
	}

	private static int page(String value, int def, int max) throws HttpError {
		if (value == null || value.isBlank()) {
			return def;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n >= 1 && n <= max) {
				return n;
			}
		} catch (NumberFormatException e) {
			// below
		}
		throw HttpError.invalid("pageSize must be 1 to " + max + ", not " + value);
	}

	private static int start(String token, int size) throws HttpError {
		if (token == null || token.isBlank()) {
			return 0;
		}
		try {
			int n = Integer.parseInt(token.substring(1));
			if (token.charAt(0) == 'p' && n >= 0 && n <= size) {
				return n;
			}
		} catch (NumberFormatException e) {
			// below
		}
		throw HttpError.invalid("invalid pageToken");
	}

	private ObjectNode json(Album a) {
		return Http.object().put("id", a.id).put("title", a.title).put("productUrl", server.uri() + "/album/" + a.id)
				.put("isWriteable", true).put("mediaItemsCount", String.valueOf(items.stream()
						.filter(i -> a.id.equals(i.albumId)).count()));
	}

	private ObjectNode json(MediaItem i) {
		ObjectNode o = Http.object().put("id", i.id).put("description", i.description)
				.put("productUrl", server.uri() + "/photo/" + i.id).put("baseUrl", server.uri() + "/media/" + i.id)
				.put("mimeType", i.mediaType).put("filename", i.filename);
		o.putObject("mediaMetadata").put("creationTime", "2026-05-21T09:42:00Z");
		return o;
	}
}
