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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;

import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.exif.Digests;

/**
 * Reads what the direct flow's bucket holds: HeadObject for an object's size and {@code x-oss-meta-sha1}
 * (exists-by-checksum, and the check after every upload) and a ranged GetObject that resumes a partial local file.
 */
final class OssLookup implements ExistsByChecksum, RangedDownload {

	private final OssClients clients;
	private final OssCalls calls;

	OssLookup(OssClients clients) {
		this.clients = clients;
		this.calls = new OssCalls(clients);
	}

	@Override
	public Optional<StoredObject> find(StorageObject object, IProgressMonitor monitor) throws StorageException {
		IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
		String what = "OSS look-up of " + object.name() + " (" + clients.key(object) + ")";
		ObjectMetadata head = head(object, what, m).orElse(null);
		if (head == null) {
			return Optional.empty();
		}
		String sha1 = head.getUserMetadata().get(OssTransfer.META_SHA1);
		return sha1 != null && sha1.equalsIgnoreCase(object.sha1()) && head.getContentLength() == object.size()
				? Optional.of(stored(object.key(), head))
				: Optional.empty();
	}

	/**
	 * @return what the bucket holds after an upload, when its size and SHA-1 are the object's
	 * @throws StorageException {@code INTEGRITY} when they are not
	 */
	StoredObject verify(StorageObject object, String what, IProgressMonitor m) throws StorageException {
		ObjectMetadata head = head(object, what + ": verifying", m).orElseThrow(() -> new StorageException(
				Kind.INTEGRITY, what + ": the store does not show the object after the upload"));
		String sha1 = head.getUserMetadata().get(OssTransfer.META_SHA1);
		if (head.getContentLength() != object.size() || sha1 == null || !sha1.equalsIgnoreCase(object.sha1())) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store holds " + head.getContentLength()
					+ " bytes with SHA-1 " + sha1 + ", " + object.size() + " bytes with SHA-1 " + object.sha1() + " were sent");
		}
		return stored(object.key(), head);
	}

	private Optional<ObjectMetadata> head(StorageObject object, String what, IProgressMonitor m) throws StorageException {
		String bucket = clients.bucket(object);
		String key = clients.key(object);
		try {
			return Optional.of(calls.run(object, TransferListener.NONE, what, m, oss -> oss.getObjectMetadata(bucket, key)));
		} catch (StorageException e) {
			if (e.kind() == Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		}
	}

	@Override
	public StoredObject download(String key, Path to, IProgressMonitor monitor) throws StorageException {
		IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
		StorageObject object = new StorageObject(key, key, EMPTY, "", null, null, null, null);
		String what = "OSS download of " + clients.key(object) + " to " + to.getFileName();
		ObjectMetadata head = head(object, what, m).orElseThrow(() -> new StorageException(Kind.NOT_FOUND, what
				+ ": no such object"));
		long size = head.getContentLength();
		String sha1 = head.getUserMetadata().get(OssTransfer.META_SHA1);
		try {
			long have = Files.isRegularFile(to) ? Files.size(to) : 0;
			if (have > size) {
				Files.delete(to);
				have = 0;
			}
			long from = have;
			if (from < size) {
				calls.run(object, TransferListener.NONE, what, m, oss -> {
					GetObjectRequest get = new GetObjectRequest(clients.bucket(object), clients.key(object));
					get.setRange(from, -1);
					try (OSSObject o = oss.getObject(get);
							InputStream in = o.getObjectContent();
							OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
						in.transferTo(out);
					} catch (IOException e) {
						throw new IllegalStateException(e);
					}
					return null;
				});
			}
			if (Files.size(to) != size) {
				throw new StorageException(Kind.INTEGRITY, what + ": got " + Files.size(to) + " bytes, the store holds " + size);
			}
			if (sha1 != null && !sha1.equalsIgnoreCase(sha1Of(to))) {
				Files.deleteIfExists(to);
				throw new StorageException(Kind.INTEGRITY, what + ": the SHA-1 differs from the stored " + sha1
						+ "; the local file was removed");
			}
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, what + ": cannot write the local file: " + e.getMessage(), e);
		}
		return stored(key, head);
	}

	private static StoredObject stored(String key, ObjectMetadata head) {
		String sha1 = head.getUserMetadata().get(OssTransfer.META_SHA1);
		String md5 = head.getUserMetadata().get(OssTransfer.META_MD5);
		return new StoredObject(key, head.getContentLength(), sha1 == null ? null : sha1.toLowerCase(Locale.ROOT), md5);
	}

	private static String sha1Of(Path file) throws IOException {
		MessageDigest sha1 = Digests.sha1();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buf = new byte[64 * 1024];
			for (int n; (n = in.read(buf)) >= 0;) {
				sha1.update(buf, 0, n);
			}
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	/** The content of a key that is only looked up. */
	private static final Content EMPTY = new Content() {
		@Override
		public long length() {
			return 0;
		}

		@Override
		public InputStream open(long offset) {
			return InputStream.nullInputStream();
		}
	};
}
