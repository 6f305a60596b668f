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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The resumable uploads of seed 004 on the {@link PhotosServer}, checked as Google checks them. {@code start}:
 * an empty body with {@code Content-Length: 0}, {@code X-Goog-Upload-Protocol: resumable}, a media type in
 * {@code X-Goog-Upload-Content-Type} and the size in {@code X-Goog-Upload-Raw-Size}; the answer has the session's
 * {@code X-Goog-Upload-URL} and {@code X-Goog-Upload-Chunk-Granularity: 262144}. On the session URL:
 * {@code upload} chunks at the offset the server holds ({@code X-Goog-Upload-Offset}), each a multiple of the
 * granularity except the last, which is {@code upload, finalize} and must end at the declared size (else 400);
 * {@code query} answers {@code X-Goog-Upload-Status} and {@code X-Goog-Upload-Size-Received}. A finalized or
 * cancelled session refuses further chunks (400, its status in the header). The final answer's body is an upload
 * token: single-use, bound to the app and user, expiring after a day (or {@link #tokenLifetime(Duration)}). A
 * request whose body breaks off (a client gone, or {@link PhotosFaults#cutAfter(long)}) keeps the chunk's bytes
 * up to the last whole granule.
 */
public final class PhotosUploads {

	/** The chunk granularity the server answers. */
	public static final int GRANULARITY = 262144;
	private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");

	private static final class Session {
		final String id;
		final PhotosAuth.Grant grant;
		final long size;
		final String mediaType;
		final ByteArrayOutputStream data = new ByteArrayOutputStream();
		final AtomicLong came = new AtomicLong();
		volatile String status = "active";

		Session(String id, PhotosAuth.Grant grant, long size, String mediaType) {
			this.id = id;
			this.grant = grant;
			this.size = size;
			this.mediaType = mediaType;
		}
	}

	/** The bytes behind an upload token, until a media item is made of them. */
	record Upload(byte[] bytes, String mediaType, PhotosAuth.Grant grant, Instant expires) {
	}

	private final PhotosServer server;
	private final Map<String, Session> sessions = new ConcurrentHashMap<>();
	private final Map<String, Upload> tokens = new ConcurrentHashMap<>();
	private final AtomicLong received = new AtomicLong();
	private volatile Duration tokenLifetime = Duration.ofDays(1);

	PhotosUploads(PhotosServer server) {
		this.server = server;
	}

	/** @param d how long upload tokens minted from now on are good for (a day by default) */
	public PhotosUploads tokenLifetime(Duration d) {
		tokenLifetime = d;
		return this;
	}

	/** Every upload token not yet used has expired. */
	public void expireTokens() {
		tokens.replaceAll((k, u) -> new Upload(u.bytes, u.mediaType, u.grant, Instant.EPOCH));
	}

	/** Every active session is cancelled (its status is no longer {@code active}: the client must start anew). */
	public void cancelSessions() {
		sessions.values().forEach(s -> {
			synchronized (s) {
				s.status = "active".equals(s.status) ? "cancelled" : s.status;
			}
		});
	}

	/** @return how many sessions were started */
	public int sessions() {
		return sessions.size();
	}

	/**
	 * @param rawSize a declared file size
	 * @return how many sessions were started for files of that size
	 */
	public int sessions(long rawSize) {
		return (int) sessions.values().stream().filter(s -> s.size == rawSize).count();
	}

	/**
	 * @param rawSize a declared file size
	 * @return the bytes the sessions of files of that size hold now (an active one's; a final one's whole size)
	 */
	public long held(long rawSize) {
		// not under the session's lock, which a chunk holds while its body arrives
		return sessions.values().stream().filter(s -> s.size == rawSize).mapToLong(s -> "final".equals(s.status) ? s.size
				: s.data.size()).max().orElse(0);
	}

	/**
	 * @param rawSize a declared file size
	 * @return the body bytes the upload requests of sessions of that size brought, every attempt counted
	 */
	public long received(long rawSize) {
		return sessions.values().stream().filter(s -> s.size == rawSize).mapToLong(s -> s.came.get()).sum();
	}

	/** @return the body bytes upload requests brought, every attempt counted (kept or not) */
	public long bytesReceived() {
		return received.get();
	}

	void counted(long n) {
		received.addAndGet(n);
	}

	/** @return upload tokens minted and not used yet */
	public int unusedTokens() {
		return tokens.size();
	}

	/**
	 * Takes an upload token for a media item: once only, by the app and user it was minted for, before it expires.
	 *
	 * @return the upload, or null when the token is unknown, used, expired or another app's
	 */
	Upload take(String token, PhotosAuth.Grant grant) {
		Upload u = token == null ? null : tokens.get(token);
		if (u == null || !u.grant.client().equals(grant.client()) || !u.grant.user().equals(grant.user())) {
			return null;
		}
		tokens.remove(token);
		return u.expires.isAfter(Instant.now()) ? u : null;
	}

	void handle(Http h, PhotosAuth.Grant grant) throws IOException, HttpError {
		if (!"POST".equals(h.method)) {
			throw new HttpError(405, "INVALID_ARGUMENT", "uploads take POST");
		}
		String command = h.header("X-Goog-Upload-Command");
		if (command == null) {
			throw HttpError.invalid("X-Goog-Upload-Command is missing");
		}
		command = command.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*,\\s*", ", ");
		String id = h.query.get("upload_id");
		if (id == null) {
			if (!"start".equals(command)) {
				throw HttpError.invalid("X-Goog-Upload-Command: " + command + " needs a session URL (start one first)");
			}
			start(h, grant);
			return;
		}
		Session s = sessions.get(id);
		if (s == null) {
			throw HttpError.notFound("no upload session " + id);
		}
		if (!s.grant.client().equals(grant.client()) || !s.grant.user().equals(grant.user())) {
			throw HttpError.denied("the upload session belongs to another app or user");
		}
		synchronized (s) {
			switch (command) {
			case "query" -> answer(h, s, 200, "query");
			case "upload", "upload, finalize", "finalize" -> chunk(h, s, command);
			default -> throw HttpError.invalid("unknown X-Goog-Upload-Command: " + command);
			}
		}
	}

	private void start(Http h, PhotosAuth.Grant grant) throws IOException, HttpError {
		long declared = h.contentLength();
		if (declared != 0 || h.body().length != 0) {
			throw HttpError.invalid("start: the body must be empty with Content-Length: 0 (got " + declared + ")");
		}
		if (!"resumable".equals(h.header("X-Goog-Upload-Protocol"))) {
			throw HttpError.invalid("start: X-Goog-Upload-Protocol must be resumable, not " + h.header("X-Goog-Upload-Protocol"));
		}
		String type = h.header("X-Goog-Upload-Content-Type");
		if (type == null || !MEDIA_TYPE.matcher(type.strip()).matches()) {
			throw HttpError.invalid("start: X-Goog-Upload-Content-Type must be the file's media type, not " + type);
		}
		long size;
		try {
			size = Long.parseLong(String.valueOf(h.header("X-Goog-Upload-Raw-Size")).strip());
		} catch (NumberFormatException e) {
			size = -1;
		}
		if (size <= 0) {
			throw HttpError.invalid("start: X-Goog-Upload-Raw-Size must be the number of bytes, not "
					+ h.header("X-Goog-Upload-Raw-Size"));
		}
		Session s = new Session(PhotosAuth.random(18), grant, size, type.strip());
		sessions.put(s.id, s);
		server.note("start raw-size=" + size + " type=" + s.mediaType + " -> session");
		h.header("X-Goog-Upload-URL", server.uri() + "/v1/uploads?upload_id=" + s.id + "&upload_protocol=resumable");
		h.header("X-Goog-Upload-Chunk-Granularity", String.valueOf(GRANULARITY));
		h.header("X-Goog-Upload-Status", "active");
		h.send(200, new byte[0]);
	}

	private void chunk(Http h, Session s, String command) throws IOException, HttpError {
		boolean finalize = command.endsWith("finalize");
		long length = h.contentLength();
		if (!"active".equals(s.status)) {
			throw HttpError.invalid("the upload session is " + s.status + ": start a new one")
					.header("X-Goog-Upload-Status", s.status);
		}
		if (length < 0) {
			throw HttpError.invalid(command + ": Content-Length is required");
		}
		if ("finalize".equals(command) && length != 0) {
			throw HttpError.invalid("finalize carries no bytes: use upload, finalize");
		}
		long offset;
		try {
			offset = Long.parseLong(String.valueOf(h.header("X-Goog-Upload-Offset")).strip());
		} catch (NumberFormatException e) {
			throw HttpError.invalid(command + ": X-Goog-Upload-Offset is required");
		}
		long held = s.data.size();
		boolean restartWhole = finalize && offset == 0 && length == s.size && held != 0;
		if (offset != held && !restartWhole) {
			throw HttpError.invalid(command + " at offset " + offset + ": the session holds " + held + " bytes; chunks"
					+ " go at the offset the server reports").header("X-Goog-Upload-Status", "active")
					.header("X-Goog-Upload-Size-Received", String.valueOf(held));
		}
		if (!finalize && (length == 0 || length % GRANULARITY != 0)) {
			throw HttpError.invalid("upload: a chunk that does not finalize must be a multiple of " + GRANULARITY
					+ " bytes, not " + length);
		}
		if (offset + length > s.size || finalize && offset + length != s.size) {
			throw HttpError.invalid(command + ": " + length + " bytes at " + offset + " do not " + (finalize ? "end at"
					: "fit in") + " the declared size " + s.size);
		}
		if (restartWhole) {
			s.data.reset();
		}
		byte[] chunk = read(h, length, s);
		if (chunk.length < length) {
			int keep = chunk.length / GRANULARITY * GRANULARITY; // what arrived, to the last whole granule
			s.data.write(chunk, 0, Math.min(keep, (int) (s.size - offset)));
			server.note(command + " offset=" + offset + " length=" + length + " -> cut after " + chunk.length
					+ " bytes, holds " + s.data.size());
			throw new Cut();
		}
		s.data.write(chunk, 0, chunk.length);
		server.note(command + " offset=" + offset + " length=" + length + " -> holds " + s.data.size());
		if (!finalize) {
			answer(h, s, 200, null);
			return;
		}
		s.status = "final";
		String token = "CAIS" + PhotosAuth.random(30);
		tokens.put(token, new Upload(s.data.toByteArray(), s.mediaType, s.grant, Instant.now().plus(tokenLifetime)));
		s.data.reset();
		h.header("X-Goog-Upload-Status", "final");
		h.header("Content-Type", "text/plain");
		h.send(200, token.getBytes(StandardCharsets.US_ASCII));
	}

	/** Reads up to the declared length; fewer bytes when the client's body breaks off or a cut is due. */
	private byte[] read(Http h, long length, Session s) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length, 1 << 20));
		byte[] buf = new byte[64 * 1024];
		InputStream in = h.exchange.getRequestBody();
		try {
			while (out.size() < length) {
				int allowed = server.faults().allowance((int) Math.min(buf.length, length - out.size()));
				if (allowed == 0) {
					break;
				}
				int n = in.read(buf, 0, allowed);
				if (n < 0) {
					break;
				}
				out.write(buf, 0, n);
				received.addAndGet(n);
				s.came.addAndGet(n);
				server.faults().arrived(n);
			}
		} catch (IOException e) {
			// the client went away mid-body: keep what arrived
		}
		return out.toByteArray();
	}

	private void answer(Http h, Session s, int code, String what) throws IOException {
		long held = "final".equals(s.status) ? s.size : s.data.size();
		if (what != null) {
			server.note(what + " -> " + s.status + " " + held);
		}
		h.header("X-Goog-Upload-Status", s.status);
		h.header("X-Goog-Upload-Size-Received", String.valueOf(held));
		h.send(code, new byte[0]);
	}

	/** The connection is dropped without an answer. */
	static final class Cut extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Cut() {
			super("cut (injected)", null, false, false);
		}
	}
}
