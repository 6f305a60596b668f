/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.exif.Digests;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The direct flow against one bucket: single PUT (Content-MD5 when the MD5 is known), multipart upload
 * resumed from the destination's own list of parts, look-up by SHA-1 metadata, ranged download. Every
 * upload is verified afterwards with HeadObject (size and {@code x-amz-meta-sha1}).
 */
public final class S3Direct implements SinglePut, MultipartPut, ExistsByChecksum, RangedDownload {

	/** User metadata holding the object's SHA-1 ({@code x-amz-meta-sha1}). */
	public static final String META_SHA1 = "sha1";
	/** User metadata holding the object's MD5 when known ({@code x-amz-meta-md5}). */
	public static final String META_MD5 = "md5";
	private static final int BUFFER = 64 * 1024;
	private final S3Config config;
	private final S3Client s3;
	private final Supplier<PresignedPut> presigned;

	/** @param presigned sends an object that carries a presigned URL (made when first asked for) */
	S3Direct(S3Config config, S3Client s3, Supplier<PresignedPut> presigned) {
		this.config = config;
		this.s3 = s3;
		this.presigned = presigned;
	}

	@Override
	public long threshold() {
		return config.threshold();
	}

	// --- SinglePut

	@Override
	public StoredObject put(StorageObject object, TransferListener listener, IProgressMonitor monitor)
			throws StorageException {
		if (object.url() != null) {
			return presigned.get().put(object, listener, monitor);
		}
		IProgressMonitor m = monitor(monitor);
		TransferListener l = listener == null ? TransferListener.NONE : listener;
		String key = config.fullKey(object.key());
		String what = "S3 PUT of " + object.name() + " (" + key + ")";
		checkCanceled(m, what);
		long size = object.size();
		PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(config.bucket()).key(key)
				.contentType(object.contentType()).contentLength(size).metadata(metadata(object));
		if (object.md5() != null) {
			request.contentMD5(base64OfHex(object.md5(), what));
		}
		String md5;
		// with Content-MD5 the store checks the bytes itself (BadDigest): no second MD5 of them on the way
		try (Sources src = new Sources(object.content(), 0, size, m, object.md5() == null)) {
			PutObjectResponse r;
			try {
				r = s3.putObject(request.build(), RequestBody.fromContentProvider(src, size, object.contentType()));
			} catch (SdkException e) {
				throw writeFailed(e, what, m);
			}
			md5 = object.md5() == null ? src.md5IfComplete() : src.complete() ? object.md5() : null;
			checkEtag(r.eTag(), md5, what);
		}
		if (object.md5() != null && md5 != null && !object.md5().equalsIgnoreCase(md5)) {
			throw new StorageException(Kind.INTEGRITY, what + ": the content changed (MD5 " + md5 + ", expected "
					+ object.md5() + ")");
		}
		StoredObject stored = verify(object, key, what, m);
		l.committed(size);
		return stored;
	}

	// --- MultipartPut

	@Override
	public StoredObject upload(StorageObject object, String resumeToken, TransferListener listener,
			IProgressMonitor monitor) throws StorageException {
		IProgressMonitor m = monitor(monitor);
		TransferListener l = listener == null ? TransferListener.NONE : listener;
		String key = config.fullKey(object.key());
		String what = "S3 multipart upload of " + object.name() + " (" + key + ")";
		if (object.url() != null) {
			throw new StorageException(Kind.PERMANENT, what + ": the object has a presigned URL; send it with SinglePut");
		}
		checkCanceled(m, what);
		long size = object.size();
		long part = config.partSizeFor(size);
		int parts = (int) Math.max(1, (size + part - 1) / part);
		TreeMap<Integer, String> done = new TreeMap<>();
		String uploadId = resumeToken;
		if (uploadId == null || uploadId.isBlank()) {
			try {
				uploadId = s3.createMultipartUpload(r -> r.bucket(config.bucket()).key(key)
						.contentType(object.contentType()).metadata(metadata(object))).uploadId();
			} catch (SdkException e) {
				throw map(e, what, m);
			}
			l.resumeToken(uploadId);
		} else {
			for (Part p : listParts(key, uploadId, what, m)) {
				Integer n = p.partNumber();
				if (n != null && n >= 1 && n <= parts && p.size() != null && p.size() == partLength(n, part, size)
						&& unquote(p.eTag()) != null && !unquote(p.eTag()).isEmpty()) {
					done.put(n, p.eTag());
				}
			}
		}
		l.committed(committed(done, parts, part, size));
		final String id = uploadId;
		for (int n = 1; n <= parts; n++) {
			if (done.containsKey(n)) {
				continue;
			}
			checkCanceled(m, what);
			long off = (n - 1) * part;
			long len = partLength(n, part, size);
			final int number = n;
			String partWhat = what + ", part " + n + " of " + parts;
			try (Sources src = new Sources(object.content(), off, len, m, true)) {
				UploadPartResponse r;
				try {
					r = s3.uploadPart(b -> b.bucket(config.bucket()).key(key).uploadId(id).partNumber(number)
							.contentLength(len), RequestBody.fromContentProvider(src, len, object.contentType()));
				} catch (SdkException e) {
					throw writeFailed(e, partWhat, m);
				}
				checkEtag(r.eTag(), src.md5IfComplete(), partWhat);
				done.put(n, r.eTag());
			}
			l.committed(committed(done, parts, part, size));
		}
		checkCanceled(m, what);
		List<CompletedPart> completed = new ArrayList<>();
		done.forEach((n, etag) -> completed.add(CompletedPart.builder().partNumber(n).eTag(etag).build()));
		CompleteMultipartUploadResponse r;
		try {
			r = s3.completeMultipartUpload(b -> b.bucket(config.bucket()).key(key).uploadId(id)
					.multipartUpload(u -> u.parts(completed)));
		} catch (SdkException e) {
			throw map(e, what, m);
		}
		String expected = compositeEtag(done);
		String etag = unquote(r.eTag());
		if (expected != null && etag != null && etag.matches("[0-9a-fA-F]{32}-\\d+") && !etag.equalsIgnoreCase(expected)) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store assembled ETag " + etag + ", expected "
					+ expected);
		}
		return verify(object, key, what, m);
	}

	private List<Part> listParts(String key, String uploadId, String what, IProgressMonitor m) throws StorageException {
		List<Part> all = new ArrayList<>();
		Integer marker = null;
		while (true) {
			checkCanceled(m, what);
			final Integer from = marker;
			ListPartsResponse r;
			try {
				r = s3.listParts(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId)
						.maxParts(config.listPageSize()).partNumberMarker(from));
			} catch (SdkException e) {
				StorageException se = map(e, what + ": listing the parts of upload " + uploadId, m);
				if (se.kind() == Kind.NOT_FOUND) {
					StorageException nf = new StorageException(Kind.NOT_FOUND, what + ": upload " + uploadId
							+ " is no longer known to the store; start again");
					nf.initCause(se);
					throw nf;
				}
				throw se;
			}
			all.addAll(r.parts());
			if (!Boolean.TRUE.equals(r.isTruncated()) || r.nextPartNumberMarker() == null
					|| r.parts().isEmpty() || r.nextPartNumberMarker().equals(from)) {
				return all;
			}
			marker = r.nextPartNumberMarker();
		}
	}

	private static long partLength(int n, long part, long size) {
		return Math.max(0, Math.min(part, size - (n - 1) * part));
	}

	/** @return the bytes of the parts 1..k that are all done */
	private static long committed(Map<Integer, String> done, int parts, long part, long size) {
		long c = 0;
		for (int n = 1; n <= parts && done.containsKey(n); n++) {
			c += partLength(n, part, size);
		}
		return c;
	}

	/** @return S3's ETag of a multipart object made of these parts, or null when one is not an MD5 */
	private static String compositeEtag(Map<Integer, String> done) {
		MessageDigest md5 = md5();
		for (String e : done.values()) {
			String hex = unquote(e);
			if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
				return null;
			}
			md5.update(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
		}
		return HexFormat.of().formatHex(md5.digest()) + "-" + done.size();
	}

	// --- ExistsByChecksum

	@Override
	public Optional<StoredObject> find(StorageObject object, IProgressMonitor monitor) throws StorageException {
		IProgressMonitor m = monitor(monitor);
		String key = config.fullKey(object.key());
		String what = "S3 look-up of " + object.name() + " (" + key + ")";
		checkCanceled(m, what);
		HeadObjectResponse head;
		try {
			head = s3.headObject(b -> b.bucket(config.bucket()).key(key));
		} catch (SdkException e) {
			StorageException se = map(e, what, m);
			if (se.kind() == Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw se;
		}
		String sha1 = head.metadata().get(META_SHA1);
		String md5 = head.metadata().get(META_MD5);
		String etag = unquote(head.eTag());
		boolean sizeMatches = head.contentLength() != null && head.contentLength() == object.size();
		boolean match;
		if (sha1 != null) {
			match = sha1.equalsIgnoreCase(object.sha1()) && sizeMatches;
		} else {
			// stored by someone else: a plain ETag is the MD5 of a single PUT
			match = object.md5() != null && sizeMatches && etag != null && etag.equalsIgnoreCase(object.md5());
		}
		return match ? Optional.of(new StoredObject(object.key(), head.contentLength(),
				sha1 == null ? null : sha1.toLowerCase(Locale.ROOT), md5 != null ? md5 : plainMd5(etag)))
				: Optional.empty();
	}

	// --- RangedDownload

	@Override
	public StoredObject download(String key, Path to, IProgressMonitor monitor) throws StorageException {
		IProgressMonitor m = monitor(monitor);
		String full = config.fullKey(key);
		String what = "S3 download of " + full + " to " + to.getFileName();
		checkCanceled(m, what);
		HeadObjectResponse head;
		try {
			head = s3.headObject(b -> b.bucket(config.bucket()).key(full));
		} catch (SdkException e) {
			throw map(e, what, m);
		}
		long size = head.contentLength();
		String sha1 = head.metadata().get(META_SHA1);
		String md5 = head.metadata().get(META_MD5) != null ? head.metadata().get(META_MD5) : plainMd5(unquote(head.eTag()));
		try {
			long have = Files.isRegularFile(to) ? Files.size(to) : 0;
			if (have > size) {
				Files.delete(to);
				have = 0;
			}
			if (have < size) {
				GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(config.bucket()).key(full);
				if (have > 0) {
					get.range("bytes=" + have + "-");
				}
				if (head.eTag() != null) {
					get.ifMatch(head.eTag());
				}
				try (ResponseInputStream<GetObjectResponse> in = s3.getObject(get.build());
						OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE,
								StandardOpenOption.APPEND)) {
					copy(in, out, m, what);
				} catch (SdkException e) {
					throw map(e, what, m);
				}
			}
			long got = Files.size(to);
			if (got != size) {
				throw new StorageException(Kind.INTEGRITY, what + ": got " + got + " bytes, the store holds " + size);
			}
			if (sha1 != null) {
				String local = sha1Of(to, m, what);
				if (!local.equalsIgnoreCase(sha1)) {
					Files.deleteIfExists(to);
					throw new StorageException(Kind.INTEGRITY, what + ": SHA-1 " + local + " differs from the stored "
							+ sha1 + "; the local file was removed");
				}
			}
		} catch (IOException e) {
			if (m.isCanceled()) {
				throw new StorageException(Kind.CANCELED, what + " canceled");
			}
			throw new StorageException(Kind.PERMANENT, what + ": cannot write the local file: " + e.getMessage(), e);
		}
		return new StoredObject(key, size, sha1, md5);
	}

	private static void copy(InputStream in, OutputStream out, IProgressMonitor m, String what)
			throws IOException, StorageException {
		byte[] buf = new byte[BUFFER];
		int n;
		while (true) {
			checkCanceled(m, what);
			try {
				n = in.read(buf);
			} catch (IOException e) {
				throw S3Errors.ofTransport(e, what, m);
			}
			if (n < 0) {
				return;
			}
			out.write(buf, 0, n);
		}
	}

	private static String sha1Of(Path file, IProgressMonitor m, String what) throws IOException, StorageException {
		MessageDigest sha1 = Digests.sha1();
		byte[] buf = new byte[BUFFER];
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buf)) >= 0) {
				checkCanceled(m, what);
				sha1.update(buf, 0, n);
			}
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	// --- shared

	private StoredObject verify(StorageObject object, String key, String what, IProgressMonitor m)
			throws StorageException {
		HeadObjectResponse head;
		try {
			head = s3.headObject(b -> b.bucket(config.bucket()).key(key));
		} catch (SdkException e) {
			StorageException se = map(e, what + ": verifying", m);
			if (se.kind() == Kind.NOT_FOUND) {
				throw new StorageException(Kind.INTEGRITY, what + ": the store does not show the object after the upload",
						se);
			}
			throw se;
		}
		long size = head.contentLength() == null ? -1 : head.contentLength();
		String sha1 = head.metadata().get(META_SHA1);
		if (size != object.size()) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store holds " + size + " bytes, " + object.size()
					+ " were sent");
		}
		if (sha1 == null || !sha1.equalsIgnoreCase(object.sha1())) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store's SHA-1 metadata is " + sha1 + ", expected "
					+ object.sha1());
		}
		String md5 = head.metadata().get(META_MD5);
		return new StoredObject(object.key(), size, sha1.toLowerCase(Locale.ROOT),
				md5 != null ? md5 : plainMd5(unquote(head.eTag())));
	}

	private static Map<String, String> metadata(StorageObject object) {
		Map<String, String> meta = new LinkedHashMap<>();
		meta.put(META_SHA1, object.sha1().toLowerCase(Locale.ROOT));
		if (object.md5() != null) {
			meta.put(META_MD5, object.md5().toLowerCase(Locale.ROOT));
		}
		return meta;
	}

	private static void checkEtag(String etag, String md5, String what) throws StorageException {
		if (md5 == null) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store answered before the whole content was sent");
		}
		String e = unquote(etag);
		if (e != null && e.matches("[0-9a-fA-F]{32}") && !e.equalsIgnoreCase(md5)) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store holds ETag " + e + " but the MD5 sent is "
					+ md5);
		}
	}

	/**
	 * A write's failure: a store that refuses the request (wrong secret, unknown key) may answer 403 and close
	 * the connection before it reads the body, and the client then sees a broken write, not the answer. So a
	 * write that broke is followed by a request without a body, whose answer says whether the credentials are
	 * refused (then {@code UNAUTHORIZED}, not retried), the bucket does not exist ({@code PERMANENT}) or the
	 * transport failed (transient, as mapped).
	 */
	private StorageException writeFailed(SdkException e, String what, IProgressMonitor m) {
		StorageException mapped = map(e, what, m);
		if (mapped.kind() != Kind.TRANSIENT || e instanceof S3Exception || m.isCanceled()) {
			return mapped;
		}
		try {
			s3.listObjectsV2(b -> b.bucket(config.bucket()).maxKeys(1));
		} catch (S3Exception refused) {
			var d = refused.awsErrorDetails();
			String code = d == null ? null : d.errorCode();
			if ("SignatureDoesNotMatch".equals(code) || "InvalidAccessKeyId".equals(code) || "InvalidToken".equals(code)) {
				StorageException se = new StorageException(Kind.UNAUTHORIZED, what + ": the store refuses the"
						+ " credentials (" + code + ")");
				se.initCause(e);
				return se;
			}
			if ("NoSuchBucket".equals(code)) { // the store answered the write early: there is no such bucket
				StorageException se = S3Errors.ofStatus(refused.statusCode(), code, d.errorMessage(), what, false);
				se.initCause(e);
				return se;
			}
		} catch (SdkException other) {
			// the transport: as mapped
		}
		return mapped;
	}

	static StorageException map(SdkException e, String what, IProgressMonitor m) {
		if (m.isCanceled()) {
			return S3Errors.ofTransport(e, what, m);
		}
		if (e instanceof S3Exception s3e) {
			var d = s3e.awsErrorDetails();
			StorageException se = S3Errors.ofStatus(s3e.statusCode(), d == null ? null : d.errorCode(),
					d == null ? null : d.errorMessage(), what, false);
			se.initCause(e);
			return se;
		}
		return S3Errors.ofTransport(e, what, m);
	}

	private static void checkCanceled(IProgressMonitor m, String what) throws StorageException {
		if (m.isCanceled()) {
			throw new StorageException(Kind.CANCELED, what + " canceled");
		}
	}

	private static IProgressMonitor monitor(IProgressMonitor m) {
		return m == null ? new NullProgressMonitor() : m;
	}

	private static String base64OfHex(String hex, String what) throws StorageException {
		try {
			return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
		} catch (IllegalArgumentException e) {
			throw new StorageException(Kind.PERMANENT, what + ": the MD5 is not hex: " + hex);
		}
	}

	private static String plainMd5(String etag) {
		return etag != null && etag.matches("[0-9a-fA-F]{32}") ? etag.toLowerCase(Locale.ROOT) : null;
	}

	private static MessageDigest md5() {
		return Digests.md5();
	}

	/** @return an ETag without its quotes, or null */
	static String unquote(String etag) {
		if (etag == null) {
			return null;
		}
		String e = etag.trim();
		if (e.startsWith("W/")) {
			e = e.substring(2);
		}
		return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
	}
}
