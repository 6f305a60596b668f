/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.PartSummary;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.UploadPartRequest;

import io.tiepoint.core.storage.ContentWindow;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.exif.Digests;

/**
 * Sends objects to OSS: one PutObject, or a multipart upload resumed from the parts OSS lists for its upload id
 * (the resume token, kept in the journal), never from a local record. Every request carries the Content-MD5 of
 * what it sends, so OSS refuses bytes that differ ({@code BadDigest}), and every ETag is compared with it; the SDK
 * compares the CRC64 OSS computed. The object's SHA-1 (and MD5) ride as {@code x-oss-meta-sha1} ({@code -md5}). In
 * the direct flow the stored object is then read back with HeadObject (size, SHA-1); the platform's STS may only
 * write, and the platform verifies what it holds.
 */
final class OssTransfer implements SinglePut, MultipartPut {

	/** User metadata holding the object's SHA-1. */
	static final String META_SHA1 = "sha1";
	static final String META_MD5 = "md5";
	private final OssClients clients;
	private final OssCalls calls;
	private final OssLookup lookup;

	OssTransfer(OssClients clients, OssLookup lookup) {
		this.clients = clients;
		this.calls = new OssCalls(clients);
		this.lookup = lookup;
	}

	@Override
	public long threshold() {
		return clients.config().threshold();
	}

	@Override
	public StoredObject put(StorageObject object, TransferListener listener, IProgressMonitor monitor)
			throws StorageException {
		IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
		TransferListener l = listener == null ? TransferListener.NONE : listener;
		String bucket = clients.bucket(object);
		String key = clients.key(object);
		String what = "OSS PutObject of " + object.name() + " (" + key + ")";
		long size = object.size();
		String md5 = object.md5() != null && object.md5().matches("[0-9a-fA-F]{32}")
				? Base64.getEncoder().encodeToString(HexFormat.of().parseHex(object.md5()))
				: ContentWindow.md5Base64(object.content(), 0, size, m, what);
		String etag = calls.run(object, l, what, m, oss -> {
			try (ContentWindow w = new ContentWindow(object.content(), 0, size, m, false)) {
				return oss.putObject(new PutObjectRequest(bucket, key, w, metadata(object, size, md5))).getETag();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
		checkEtag(etag, md5, what);
		StoredObject stored = clients.platform() ? new StoredObject(object.key(), size, null, hex(md5))
				: lookup.verify(object, what, m);
		l.committed(size);
		return stored;
	}

	@Override
	public StoredObject upload(StorageObject object, String resumeToken, TransferListener listener,
			IProgressMonitor monitor) throws StorageException {
		IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
		TransferListener l = listener == null ? TransferListener.NONE : listener;
		String bucket = clients.bucket(object);
		String key = clients.key(object);
		String what = "OSS multipart upload of " + object.name() + " (" + key + ")";
		long size = object.size();
		long part = clients.config().partSizeFor(size);
		int parts = (int) Math.max(1, (size + part - 1) / part);
		TreeMap<Integer, String> done = new TreeMap<>();
		String id = resumeToken;
		if (id == null || id.isBlank()) {
			id = calls.run(object, l, what, m, oss -> oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(
					bucket, key, metadata(object, -1, null))).getUploadId());
			l.resumeToken(id);
		} else {
			for (PartSummary p : listParts(object, l, bucket, key, id, what, m)) {
				int n = p.getPartNumber();
				if (n >= 1 && n <= parts && p.getSize() == length(n, part, size) && p.getETag() != null) {
					done.put(n, p.getETag());
				}
			}
		}
		l.committed(committed(done, parts, part, size));
		String uploadId = id;
		for (int n = 1; n <= parts; n++) {
			if (done.containsKey(n)) {
				continue;
			}
			int number = n;
			long off = (n - 1) * part;
			long len = length(n, part, size);
			String partWhat = what + ", part " + n + " of " + parts;
			// a part is read once, into memory: its Content-MD5 goes first, and a retry sends it again from there
			byte[] bytes = ContentWindow.read(object.content(), off, len, m, partWhat);
			String md5 = Base64.getEncoder().encodeToString(Digests.md5().digest(bytes));
			String etag = calls.run(object, l, partWhat, m, oss -> {
				UploadPartRequest r = new UploadPartRequest(bucket, key, uploadId, number, new ByteArrayInputStream(bytes), len);
				r.setMd5Digest(md5);
				return oss.uploadPart(r).getETag();
			});
			checkEtag(etag, md5, partWhat);
			done.put(n, etag);
			l.committed(committed(done, parts, part, size));
		}
		List<PartETag> tags = new ArrayList<>();
		done.forEach((n, etag) -> tags.add(new PartETag(n, etag)));
		calls.run(object, l, what, m, oss -> oss.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, key,
				uploadId, tags)));
		return clients.platform() ? new StoredObject(object.key(), size, null, object.md5())
				: lookup.verify(object, what, m);
	}

	private List<PartSummary> listParts(StorageObject object, TransferListener l, String bucket, String key, String id,
			String what, IProgressMonitor m) throws StorageException {
		List<PartSummary> all = new ArrayList<>();
		Integer marker = null;
		while (true) {
			Integer from = marker;
			PartListing page;
			try {
				page = calls.run(object, l, what + ": listing the parts of upload " + id, m, oss -> {
					ListPartsRequest r = new ListPartsRequest(bucket, key, id);
					r.setPartNumberMarker(from);
					return oss.listParts(r);
				});
			} catch (StorageException e) {
				if (e.kind() == Kind.NOT_FOUND) {
					throw new StorageException(Kind.NOT_FOUND, what + ": upload " + id
							+ " is no longer known to the store; start again", e);
				}
				throw e;
			}
			all.addAll(page.getParts());
			if (!page.isTruncated() || page.getNextPartNumberMarker() == null || page.getParts().isEmpty()
					|| page.getNextPartNumberMarker().equals(from)) {
				return all;
			}
			marker = page.getNextPartNumberMarker();
		}
	}

	private static ObjectMetadata metadata(StorageObject object, long size, String md5) {
		ObjectMetadata meta = new ObjectMetadata();
		if (size >= 0) {
			meta.setContentLength(size);
		}
		if (md5 != null) {
			meta.setContentMD5(md5);
		}
		meta.setContentType(object.contentType());
		meta.addUserMetadata(META_SHA1, object.sha1().toLowerCase(Locale.ROOT));
		if (object.md5() != null) {
			meta.addUserMetadata(META_MD5, object.md5().toLowerCase(Locale.ROOT));
		}
		return meta;
	}

	private static long length(int n, long part, long size) {
		return Math.max(0, Math.min(part, size - (n - 1) * part));
	}

	private static long committed(TreeMap<Integer, String> done, int parts, long part, long size) {
		long c = 0;
		for (int n = 1; n <= parts && done.containsKey(n); n++) {
			c += length(n, part, size);
		}
		return c;
	}

	private static void checkEtag(String etag, String md5Base64, String what) throws StorageException {
		String e = etag == null ? "" : etag.replace("\"", "").trim();
		String expected = hex(md5Base64);
		if (e.matches("[0-9a-fA-F]{32}") && !e.equalsIgnoreCase(expected)) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store holds ETag " + e + " but the MD5 sent is "
					+ expected);
		}
	}

	private static String hex(String md5Base64) {
		return HexFormat.of().formatHex(Base64.getDecoder().decode(md5Base64));
	}
}
