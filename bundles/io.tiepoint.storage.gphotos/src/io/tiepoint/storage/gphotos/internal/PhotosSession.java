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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;

/**
 * A session with one album of Google Photos: {@link OffsetResumable} (the resumable uploads of seed 004, whose last
 * resume token is the upload token), {@link BatchCommit} (upload tokens become media items of the album, 50 a
 * {@code batchCreate}, each item's status read) and {@link ExistsByChecksum} (the album's media items are listed
 * once a session, their descriptions carry the images' SHA-1; the items this session creates are added, and the
 * list is read again after a commit that may have done more than it said). The album is found by its title among
 * those this app created, or created at the first commit.
 */
public final class PhotosSession implements StorageSession, ExistsByChecksum, BatchCommit {

	/** Google's limit of new media items per batchCreate. */
	static final int BATCH = 50;

	private final String title;
	private final AccessTokens tokens;
	private final LibraryClient library;
	private final ResumableUpload upload;
	private String albumId;
	/** SHA-1 -> media item id; null until listed, or when it must be listed again. */
	private Map<String, String> index;

	/**
	 * @param config the settings
	 * @param title  the album's title
	 */
	public PhotosSession(PhotosConfig config, String title) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
				.followRedirects(HttpClient.Redirect.NEVER).build();
		this.title = title;
		this.tokens = new AccessTokens(client, config);
		PhotosHttp http = new PhotosHttp(client, tokens);
		this.library = new LibraryClient(http, config.endpoint());
		this.upload = new ResumableUpload(http, config.endpoint(), config.chunkSize());
	}

	@Override
	public <T> Optional<T> feature(Class<T> capability) {
		if (capability == OffsetResumable.class) {
			return Optional.of(capability.cast(upload));
		}
		return capability == ExistsByChecksum.class || capability == BatchCommit.class ? Optional.of(capability.cast(this))
				: Optional.empty();
	}

	/**
	 * @param monitor cancellation
	 * @return the titles of the albums this app created, in the server's order (the workbench's album picker)
	 * @throws StorageException when they cannot be listed
	 */
	public List<String> albumTitles(IProgressMonitor monitor) throws StorageException {
		return library.albums(monitor).stream().map(Map.Entry::getKey).toList();
	}

	/** @return the access tokens (how many were fetched) */
	public AccessTokens tokens() {
		return tokens;
	}

	@Override
	public Optional<StoredObject> find(StorageObject object, IProgressMonitor monitor) throws StorageException {
		String id;
		synchronized (this) {
			if (index == null) {
				Optional<String> album = albumId != null ? Optional.of(albumId) : library.findAlbum(title, monitor);
				// no album yet: nothing in it, and what this session commits is added as it goes
				index = album.isEmpty() ? new HashMap<>() : library.checksums(album.get(), monitor);
				albumId = album.orElse(null);
			}
			id = index.get(object.sha1().toLowerCase(Locale.ROOT));
		}
		return id == null ? Optional.empty() : Optional.of(new StoredObject(id, object.size(), object.sha1(), null));
	}

	@Override
	public int batchSize() {
		return BATCH;
	}

	@Override
	public List<Outcome> commit(List<Pending> batch, IProgressMonitor monitor) throws StorageException {
		if (batch.isEmpty() || batch.size() > BATCH) {
			throw new StorageException(Kind.PERMANENT, "'" + title + "': a batchCreate takes 1 to " + BATCH
					+ " media items, not " + batch.size());
		}
		String album = album(monitor);
		List<String[]> items = new ArrayList<>();
		for (Pending p : batch) {
			String handle = p.handle();
			items.add(new String[] { LibraryClient.description(p.object().sha1(), p.object().name()),
					handle.startsWith(ResumableUpload.TOKEN) ? handle.substring(ResumableUpload.TOKEN.length()) : "",
					p.object().key() });
		}
		JsonNode results;
		try {
			results = library.batchCreate(album, items, monitor);
		} catch (StorageException e) {
			stale(); // the answer may be lost with the items made: look again before anything is sent again
			throw e;
		}
		Map<String, JsonNode> byToken = new HashMap<>();
		results.forEach(r -> byToken.putIfAbsent(r.path("uploadToken").asText(""), r));
		List<Outcome> out = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			String token = items.get(i)[1];
			JsonNode r = token.isEmpty() ? null : byToken.getOrDefault(token, results.get(i));
			out.add(outcome(batch.get(i), token, r));
		}
		return out;
	}

	private Outcome outcome(Pending p, String token, JsonNode r) {
		String what = p.object().name();
		if (token.isEmpty()) {
			return Outcome.failed(new StorageException(Kind.NOT_FOUND, what + ": its upload did not finish (no upload"
					+ " token): send it again"));
		}
		if (r == null || r.isMissingNode()) {
			stale();
			return Outcome.failed(new StorageException(Kind.TRANSIENT, what + ": batchCreate said nothing of it"));
		}
		String id = r.path("mediaItem").path("id").asText("");
		int code = r.path("status").path("code").asInt(0);
		if (code == 0 && !id.isEmpty()) {
			synchronized (this) {
				if (index != null) {
					index.put(p.object().sha1().toLowerCase(Locale.ROOT), id);
				}
			}
			return Outcome.of(new StoredObject(id, p.object().size(), p.object().sha1(), null));
		}
		String message = what + ": batchCreate refused it: " + r.path("status").path("message").asText("status " + code);
		Kind kind = switch (code) {
		case 5 -> Kind.NOT_FOUND; // the upload token is unknown, used or expired: look, then send again
		case 4, 8, 10, 13, 14 -> Kind.TRANSIENT;
		case 7, 16 -> Kind.UNAUTHORIZED;
		default -> Kind.PERMANENT;
		};
		if (kind == Kind.NOT_FOUND) {
			stale(); // used by a commit whose answer was lost? the album says
		}
		return Outcome.failed(new StorageException(kind, message));
	}

	private synchronized String album(IProgressMonitor monitor) throws StorageException {
		if (albumId == null) {
			albumId = library.album(title, monitor);
		}
		return albumId;
	}

	private synchronized void stale() {
		index = null;
	}

	@Override
	public void close() {
		// java.net.http releases its connections when unreachable
	}

	@Override
	public String toString() {
		return "PhotosSession[album=" + title + "]";
	}
}
