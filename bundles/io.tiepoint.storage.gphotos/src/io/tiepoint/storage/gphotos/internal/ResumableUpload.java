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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * The resumable upload protocol of seed 004. {@code start}: POST, empty body, {@code Content-Length: 0},
 * {@code X-Goog-Upload-Command: start}, {@code X-Goog-Upload-Content-Type}, {@code X-Goog-Upload-Protocol:
 * resumable}, {@code X-Goog-Upload-Raw-Size}; the answer's {@code X-Goog-Upload-URL} is the session (reported as
 * the resume token {@code session:URL}) and {@code X-Goog-Upload-Chunk-Granularity} the alignment. A file up to the
 * chunk size goes in one {@code upload, finalize}; a larger one in chunks of the chunk size (a multiple of the
 * granularity) at serial {@code X-Goog-Upload-Offset}s, the last one {@code upload, finalize}. After an interruption
 * or an answer other than 200, {@code query} says the session's {@code X-Goog-Upload-Status} and
 * {@code X-Goog-Upload-Size-Received}: the upload goes on from there; a status other than {@code active} means the
 * session is over, and a new one is started. The final answer's body is the upload token, reported as the resume
 * token {@code token:TOKEN}: the handle a media item is made of ({@link PhotosSession#commit}). Resumed with a
 * {@code session:} token, the upload asks {@code query} first and continues the same session; with a {@code token:}
 * one it sends nothing.
 */
final class ResumableUpload implements OffsetResumable {

	static final String SESSION = "session:";
	static final String TOKEN = "token:";
	/** Failed requests in a row before the engine's own retry takes over. */
	private static final int FAILURES = 4;
	/** Sessions started in one call at most. */
	private static final int SESSIONS = 3;
	private static final int CANCEL_STEP = 256 * 1024;

	private final PhotosHttp http;
	private final URI uploads;
	private final long chunkSize;

	/** The state of one upload: the session, what it holds, how chunks align. */
	private static final class State {
		URI url;
		long offset;
		long granule = PhotosConfig.GRANULE;
	}

	ResumableUpload(PhotosHttp http, URI endpoint, long chunkSize) {
		this.http = http;
		this.uploads = URI.create(endpoint + "/v1/uploads");
		this.chunkSize = chunkSize;
	}

	@Override
	public StoredObject upload(StorageObject object, String resumeToken, TransferListener listener,
			IProgressMonitor monitor) throws StorageException {
		TransferListener l = listener == null ? TransferListener.NONE : listener;
		String what = object.name();
		PhotosHttp.canceled(monitor, what);
		long size = object.size();
		if (resumeToken != null && resumeToken.startsWith(TOKEN)) {
			l.resumeToken(resumeToken); // every byte arrived: the token is what is left to commit
			l.committed(size);
			return new StoredObject(object.key(), size, null, null);
		}
		State s = new State();
		if (resumeToken != null && resumeToken.startsWith(SESSION)) {
			s.url = URI.create(resumeToken.substring(SESSION.length()));
			resync(s, what, monitor, l);
		}
		int failures = 0;
		int sessions = 0;
		StorageException last = null;
		while (true) {
			PhotosHttp.canceled(monitor, what);
			if (s.url == null) {
				if (++sessions > SESSIONS) {
					throw last != null ? last
							: new StorageException(Kind.TRANSIENT, what + ": " + SESSIONS
									+ " upload sessions ended before the file was complete");
				}
				start(object, s, monitor);
				l.resumeToken(SESSION + s.url);
			}
			long chunk = Math.max(s.granule, chunkSize / s.granule * s.granule);
			boolean isLast = size - s.offset <= chunk;
			long length = isLast ? size - s.offset : chunk;
			String step = what + ": " + (isLast ? "upload, finalize" : "upload") + " of " + length + " bytes at " + s.offset;
			HttpResponse<byte[]> r = null;
			try {
				r = http.send(step, () -> chunk(s.url, object, s.offset, length, isLast, monitor), PhotosHttp.Repeat.UNSAFE,
						monitor);
			} catch (StorageException e) {
				if (e.kind() != Kind.TRANSIENT) {
					throw e;
				}
				last = e;
			}
			if (r != null && r.statusCode() == 200) {
				if (isLast) {
					String token = new String(r.body(), StandardCharsets.US_ASCII).strip();
					if (token.isEmpty()) {
						throw new StorageException(Kind.TRANSIENT, step + ": the final answer carries no upload token");
					}
					l.resumeToken(TOKEN + token);
					l.committed(size);
					return new StoredObject(object.key(), size, null, null);
				}
				s.offset += length;
				l.committed(s.offset);
				failures = 0;
				continue;
			}
			if (r != null) {
				last = PhotosHttp.failure(step, r);
				if (r.statusCode() == 403) {
					throw last;
				}
			}
			if (++failures > FAILURES) {
				throw last;
			}
			// an interruption or an answer other than 200: ask the session what it holds, go on from there
			if (!PhotosHttp.sleep(PhotosHttp.backoff(failures), monitor)) {
				throw new StorageException(Kind.CANCELED, what + ": canceled");
			}
			resync(s, what, monitor, l);
		}
	}

	/** {@code start}: a new session, its URL and granularity. */
	private void start(StorageObject object, State s, IProgressMonitor monitor) throws StorageException {
		String what = object.name() + ": start of an upload session";
		HttpResponse<byte[]> r = http.send(what, () -> HttpRequest.newBuilder(uploads).timeout(Duration.ofMinutes(2))
				.header("X-Goog-Upload-Command", "start").header("X-Goog-Upload-Content-Type", object.contentType())
				.header("X-Goog-Upload-Protocol", "resumable").header("X-Goog-Upload-Raw-Size",
						String.valueOf(object.size()))
				.POST(HttpRequest.BodyPublishers.noBody()), PhotosHttp.Repeat.SAFE, monitor);
		if (r.statusCode() != 200) {
			throw PhotosHttp.failure(what, r);
		}
		String url = r.headers().firstValue("X-Goog-Upload-URL").orElseThrow(() -> new StorageException(Kind.TRANSIENT,
				what + ": the answer has no X-Goog-Upload-URL"));
		try {
			s.url = uploads.resolve(url);
			s.granule = Long.parseLong(r.headers().firstValue("X-Goog-Upload-Chunk-Granularity").orElse(
					String.valueOf(PhotosConfig.GRANULE)).strip());
		} catch (IllegalArgumentException e) {
			throw new StorageException(Kind.TRANSIENT, what + ": a malformed X-Goog-Upload-URL or granularity", e);
		}
		if (s.granule <= 0) {
			throw new StorageException(Kind.TRANSIENT, what + ": granularity " + s.granule);
		}
		s.offset = 0;
	}

	/**
	 * {@code query}: the session's status and what it holds. An active session goes on from
	 * {@code X-Goog-Upload-Size-Received}; any other status, or a session the server does not know, ends it.
	 */
	private void resync(State s, String what, IProgressMonitor monitor, TransferListener l) throws StorageException {
		String step = what + ": query of the upload session";
		URI url = s.url;
		HttpResponse<byte[]> r = http.send(step, () -> HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(1))
				.header("X-Goog-Upload-Command", "query").POST(HttpRequest.BodyPublishers.noBody()), PhotosHttp.Repeat.SAFE,
				monitor);
		String status = r.headers().firstValue("X-Goog-Upload-Status").orElse("");
		if (r.statusCode() == 200 && "active".equals(status)) {
			try {
				s.offset = Long.parseLong(r.headers().firstValue("X-Goog-Upload-Size-Received").orElse("0").strip());
			} catch (NumberFormatException e) {
				throw new StorageException(Kind.TRANSIENT, step + ": a malformed X-Goog-Upload-Size-Received", e);
			}
			l.committed(s.offset);
			return;
		}
		if (r.statusCode() == 200 || r.statusCode() == 404 || r.statusCode() == 400 && !status.isEmpty()) {
			s.url = null; // final, cancelled or unknown: the session is over
			s.offset = 0;
			return;
		}
		throw PhotosHttp.failure(step, r);
	}

	/** One chunk request: its bytes streamed from the file at the offset, cancellation checked as they go. */
	private static HttpRequest.Builder chunk(URI url, StorageObject object, long offset, long length, boolean last,
			IProgressMonitor monitor) {
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers
				.ofInputStream(() -> {
					try {
						return new Slice(object.content().open(offset), length, monitor);
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}), length);
		return HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).header("X-Goog-Upload-Command",
				last ? "upload, finalize" : "upload").header("X-Goog-Upload-Offset", String.valueOf(offset)).POST(body);
	}

	/** At most {@code length} bytes of a stream; fails once the monitor is canceled. */
	private static final class Slice extends FilterInputStream {
		private long left;
		private long sinceCheck = CANCEL_STEP; // the first read checks
		private final IProgressMonitor monitor;

		Slice(InputStream in, long length, IProgressMonitor monitor) {
			super(in);
			this.left = length;
			this.monitor = monitor;
		}

		@Override
		public int read() throws IOException {
			byte[] b = new byte[1];
			return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (left <= 0) {
				return -1;
			}
			if (sinceCheck >= CANCEL_STEP) {
				sinceCheck = 0;
				if (monitor != null && monitor.isCanceled()) {
					throw new IOException("canceled");
				}
			}
			int n = super.read(b, off, (int) Math.min(len, Math.min(left, CANCEL_STEP - sinceCheck)));
			if (n > 0) {
				left -= n;
				sinceCheck += n;
			}
			return n;
		}
	}
}
