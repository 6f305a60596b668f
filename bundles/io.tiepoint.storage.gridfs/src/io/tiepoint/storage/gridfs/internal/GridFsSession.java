/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.exif.Digests;

/**
 * A session with one resource service: {@link OffsetResumable}, {@link ExistsByChecksum} and
 * {@link RangedDownload}. The resume token is the UUrl; the client never trusts a local offset, it
 * always resumes from the server's {@code UploadLength}.
 */
public final class GridFsSession implements StorageSession, OffsetResumable, ExistsByChecksum, RangedDownload {

	private static final int STEP = 255 * 1024;
	private static final int MAX_ROUNDS = 8;
	private final ResourceClient client;
	private final String directory;
	private final long busyWait;

	/**
	 * @param client   the HTTP side
	 * @param prefix   the target's prefix: the directory files go to
	 * @param busyWait ms to wait on AllowUpload 0 for this client's own broken upload
	 */
	public GridFsSession(ResourceClient client, String prefix, long busyWait) {
		this.client = client;
		this.directory = prefix;
		this.busyWait = busyWait;
	}

	@Override
	public <T> Optional<T> feature(Class<T> capability) {
		return capability.isInstance(this) && capability != StorageSession.class ? Optional.of(capability.cast(this))
				: Optional.empty();
	}

	@Override
	public void close() {
		// HttpClient releases its connections when unreachable
	}

	// ---- upload

	@Override
	public StoredObject upload(StorageObject object, String resumeToken, TransferListener listener,
			IProgressMonitor monitor) throws StorageException {
		TransferListener l = listener == null ? TransferListener.NONE : listener;
		String what = object.name();
		checkCanceled(monitor, what);
		String md5 = object.md5() != null ? object.md5().toLowerCase(java.util.Locale.ROOT) : md5(object, monitor);
		String key = object.key() != null ? object.key() : object.name();
		int slash = key.lastIndexOf('/');
		String filename = key.substring(slash + 1);
		String dir = join(directory, slash > 0 ? key.substring(0, slash) : "");
		String imageUid = object.url() == null ? null : uidOf(client.endpoint().resolve(object.url()));
		String claim = imageUid != null ? imageUid : resumeToken == null ? null : uidOf(URI.create(resumeToken));
		long size = object.size();
		long deadline = System.currentTimeMillis() + busyWait;
		for (int round = 0;; round++) {
			JsonNode data = uploadState(md5, filename, dir, claim, size, what);
			int allow = data.path("AllowUpload").asInt(-1);
			if (allow == 2) {
				long stored = data.path("FileLenth").asLong(-1);
				if (stored != size) {
					throw new StorageException(Kind.INTEGRITY, what + ": the service holds " + stored
							+ " bytes for md5 " + md5 + ", the local file has " + size);
				}
				l.committed(size);
				return new StoredObject(data.path("FileID").asText(), size, object.sha1(), md5);
			}
			if (allow == 0) {
				if (claim != null && System.currentTimeMillis() < deadline) {
					sleep(200, monitor, what);
					continue;
				}
				throw new StorageException(Kind.BUSY, what + ": another client is uploading the same content ("
						+ data.path("UploadLength").asLong() + " of " + data.path("FileLenth").asLong()
						+ " bytes); ask again later");
			}
			if (allow != 1 || round >= MAX_ROUNDS) {
				throw new StorageException(Kind.PERMANENT, what + ": unexpected upload state " + allow + " after "
						+ round + " rounds");
			}
			String uurl = data.path("UUrl").asText("");
			URI target;
			try {
				target = URI.create(uurl);
			} catch (IllegalArgumentException e) {
				throw new StorageException(Kind.PERMANENT, what + ": malformed UUrl from the service", e);
			}
			client.checkAllowed(target, what);
			l.resumeToken(uurl);
			if (imageUid == null) {
				claim = uidOf(target);
			}
			long offset = data.path("UploadLength").asLong(0);
			if (offset < 0 || offset > size) {
				throw new StorageException(Kind.INTEGRITY, what + ": the service holds " + offset
						+ " bytes, more than the local file's " + size);
			}
			l.committed(offset);
			try {
				post(target, object, offset, monitor, what);
			} catch (StorageException e) {
				if (e.kind() == Kind.TRANSIENT && e.getMessage().endsWith("(code 416)")) {
					continue; // the server's offset moved: ask again
				}
				// the service commits whole chunks as they arrive but acknowledges only at the end: ask it
				// what it kept, so that the caller's journal holds the offset a resume will start from
				committedAfterFailure(md5, filename, dir, claim, size, offset, l, what);
				throw e;
			}
			l.committed(size);
		}
	}

	/** GetUploadState, declaring the file's length (FileLenth): the service refuses a file over its limit at once. */
	private JsonNode uploadState(String md5, String filename, String dir, String claim, long size, String what)
			throws StorageException {
		return client.call("GetUploadState", ResourceClient.params("md5", md5, "filename", filename, "directory", dir,
				"uid", claim, "FileLenth", String.valueOf(size)), what).path("data");
	}

	private void committedAfterFailure(String md5, String filename, String dir, String claim, long size, long before,
			TransferListener l, String what) {
		try {
			long kept = uploadState(md5, filename, dir, claim, size, what).path("UploadLength").asLong(-1);
			if (kept > before) {
				l.committed(kept);
			}
		} catch (StorageException | RuntimeException e) {
			// the service cannot be asked now (the same fault, most likely): the resume will ask it
		}
	}

	private void post(URI target, StorageObject object, long offset, IProgressMonitor monitor, String what)
			throws StorageException {
		long length = object.size() - offset;
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
				HttpRequest.BodyPublishers.ofInputStream(() -> {
					try {
						return new Canceling(object.content().open(offset), monitor);
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}), length);
		HttpRequest request = HttpRequest.newBuilder(target).timeout(client.timeout()).header("Range", String.valueOf(offset))
				.header("Content-Type", object.contentType()).POST(body).build();
		HttpResponse<byte[]> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofByteArray(), what);
		} catch (StorageException e) {
			checkCanceled(monitor, what);
			if (e.getCause() instanceof IOException io && io.getCause() instanceof UncheckedIOException u) {
				throw new StorageException(Kind.PERMANENT, what + ": the local file cannot be read ("
						+ u.getCause().getMessage() + ")", u.getCause());
			}
			throw e;
		}
		JsonNode answer = ResourceClient.parse(response.body(), response.statusCode(), what);
		int code = answer.path("code").asInt(response.statusCode());
		if (response.statusCode() != 200 || code != 200) {
			throw ResourceClient.failure(code, answer.path("message").asText(""), what);
		}
	}

	/** Reads the local file, checking cancellation between chunks. */
	private static final class Canceling extends InputStream {
		private final InputStream in;
		private final IProgressMonitor monitor;
		private long sinceCheck;

		Canceling(InputStream in, IProgressMonitor monitor) {
			this.in = in;
			this.monitor = monitor;
		}

		@Override
		public int read() throws IOException {
			byte[] b = new byte[1];
			return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (sinceCheck >= STEP) {
				sinceCheck = 0;
				if (monitor != null && monitor.isCanceled()) {
					throw new IOException("canceled");
				}
			}
			int n = in.read(b, off, (int) Math.min(len, STEP - sinceCheck));
			if (n > 0) {
				sinceCheck += n;
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}

	// ---- lookup

	@Override
	public Optional<StoredObject> find(StorageObject object, IProgressMonitor monitor) throws StorageException {
		checkCanceled(monitor, object.name());
		String md5 = object.md5() != null ? object.md5().toLowerCase(java.util.Locale.ROOT) : md5(object, monitor);
		JsonNode data;
		try {
			data = client.call("GetUploadState", ResourceClient.params("md5", md5), object.name()).path("data");
		} catch (StorageException e) {
			if (e.kind() == Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		}
		if (data.path("AllowUpload").asInt() != 2 || data.path("FileLenth").asLong(-1) != object.size()) {
			return Optional.empty();
		}
		return Optional.of(new StoredObject(data.path("FileID").asText(), object.size(), object.sha1(), md5));
	}

	// ---- download

	@Override
	public StoredObject download(String key, Path to, IProgressMonitor monitor) throws StorageException {
		String what = "file " + key + " (to " + to.getFileName() + ")";
		checkCanceled(monitor, what);
		JsonNode info = client.call("GetFileInfo", ResourceClient.params("fileid", key), what).path("data");
		long size = info.path("Size").asLong(-1);
		String expected = info.path("MD5").asText("");
		String url = client.call("GetDownloadUrl", ResourceClient.params("FID", key), what).path("data").asText("");
		URI source;
		try {
			source = URI.create(url);
		} catch (IllegalArgumentException e) {
			throw new StorageException(Kind.PERMANENT, what + ": malformed download URL from the service", e);
		}
		client.checkAllowed(source, what);
		try {
			long have = Files.exists(to) ? Files.size(to) : 0;
			if (have > size) {
				Files.delete(to);
				have = 0;
			}
			if (have < size) {
				fetch(source, to, have, monitor, what);
			}
			if (Files.size(to) != size) {
				throw new StorageException(Kind.TRANSIENT, what + ": got " + Files.size(to) + " of " + size + " bytes");
			}
			MessageDigest md5 = digest("MD5");
			MessageDigest sha1 = digest("SHA-1");
			try (InputStream in = Files.newInputStream(to)) {
				byte[] buf = new byte[1 << 16];
				for (int n; (n = in.read(buf)) > 0;) {
					md5.update(buf, 0, n);
					sha1.update(buf, 0, n);
				}
			}
			String got = HexFormat.of().formatHex(md5.digest());
			if (!got.equals(expected)) {
				Files.deleteIfExists(to);
				throw new StorageException(Kind.INTEGRITY, what + ": the download has md5 " + got + ", the service's is "
						+ expected + "; the local file was deleted");
			}
			return new StoredObject(key, size, HexFormat.of().formatHex(sha1.digest()), got);
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, what + ": the local file cannot be written (" + e.getMessage() + ")", e);
		}
	}

	private void fetch(URI source, Path to, long have, IProgressMonitor monitor, String what)
			throws StorageException, IOException {
		HttpRequest request = client.authorize(HttpRequest.newBuilder(source).timeout(client.timeout()))
				.header("Range", "bytes=" + have + "-").GET().build();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream(), what);
		int status = response.statusCode();
		boolean append;
		if (status == 206) {
			String range = response.headers().firstValue("Content-Range").orElse("");
			if (!range.startsWith("bytes " + have + "-")) {
				response.body().close();
				throw new StorageException(Kind.TRANSIENT, what + ": the service answered the range " + range
						+ " for a request from " + have);
			}
			append = true;
		} else if (status == 200) {
			append = false;
		} else {
			throw ResourceClient.failure(response.body(), status, what);
		}
		try (InputStream in = response.body();
				OutputStream out = append
						? Files.newOutputStream(to, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
						: Files.newOutputStream(to)) {
			byte[] buf = new byte[1 << 16];
			long sinceCheck = 0;
			for (int n; (n = in.read(buf)) > 0;) {
				out.write(buf, 0, n);
				sinceCheck += n;
				if (sinceCheck >= STEP) {
					sinceCheck = 0;
					checkCanceled(monitor, what);
				}
			}
		} catch (IOException e) {
			throw new StorageException(Kind.TRANSIENT, what + ": the download broke off (" + e.getMessage()
					+ "); the partial file stays for a ranged resume", e);
		}
	}

	// ---- helpers

	private static String join(String a, String b) {
		String s = (a == null ? "" : a) + "/" + (b == null ? "" : b);
		s = s.replaceAll("/+", "/");
		if (s.length() > 1 && s.endsWith("/")) {
			s = s.substring(0, s.length() - 1);
		}
		return s.startsWith("/") ? s : "/" + s;
	}

	private static String uidOf(URI uri) {
		String q = uri.getRawQuery();
		if (q == null) {
			return null;
		}
		for (String p : q.split("&")) {
			if (p.startsWith("uid=")) {
				return java.net.URLDecoder.decode(p.substring(4), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String md5(StorageObject object, IProgressMonitor monitor) throws StorageException {
		MessageDigest md5 = digest("MD5");
		try (InputStream in = object.content().open(0)) {
			byte[] buf = new byte[1 << 16];
			long since = 0;
			for (int n; (n = in.read(buf)) > 0;) {
				md5.update(buf, 0, n);
				if ((since += n) >= STEP) {
					since = 0;
					checkCanceled(monitor, object.name());
				}
			}
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, object.name() + ": cannot be read (" + e.getMessage() + ")", e);
		}
		return HexFormat.of().formatHex(md5.digest());
	}

	private static MessageDigest digest(String algorithm) {
		return Digests.create(algorithm);
	}

	private static void checkCanceled(IProgressMonitor monitor, String what) throws StorageException {
		if (monitor != null && monitor.isCanceled()) {
			throw new StorageException(Kind.CANCELED, what + ": canceled");
		}
	}

	private static void sleep(long ms, IProgressMonitor monitor, String what) throws StorageException {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StorageException(Kind.CANCELED, what + ": interrupted");
		}
		checkCanceled(monitor, what);
	}
}
