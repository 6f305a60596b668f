/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.folder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * The files of one folder: {@code YYYY/MM/DD/SHA[0..2]/SHA-NAME} (the day stored, UTC, and the SHA-1), temporary
 * files in {@code .tiepoint/tmp}, and the key index in {@code .tiepoint/keys} ({@link KeyIndex}).
 */
final class FolderStore {
	private static final int BUFFER = 64 * 1024;

	private final Path root;
	private final KeyIndex index;

	FolderStore(Path root) {
		this.root = root;
		this.index = new KeyIndex(root.resolve(".tiepoint/keys"));
	}

	StoredObject put(StorageObject object, TransferListener listener, IProgressMonitor monitor) throws StorageException {
		checkCanceled(object, monitor);
		String key = object.key() == null ? object.name() : object.key();
		Path tmp;
		try {
			Files.createDirectories(root.resolve(".tiepoint/tmp"));
			tmp = Files.createTempFile(root.resolve(".tiepoint/tmp"), "put-", ".part");
		} catch (IOException e) {
			throw new StorageException(Kind.TRANSIENT, object.name() + ": cannot write in " + root + ": " + e, e);
		}
		boolean done = false;
		try {
			MessageDigest sha1 = digest("SHA-1");
			MessageDigest md5 = digest("MD5");
			long length = copy(object, tmp, sha1, md5, monitor);
			String sha = HexFormat.of().formatHex(sha1.digest());
			String md = HexFormat.of().formatHex(md5.digest());
			if (length != object.size()) {
				throw new StorageException(Kind.INTEGRITY, object.name() + ": " + length + " bytes read, " + object.size()
						+ " expected");
			}
			if (!sha.equalsIgnoreCase(object.sha1()) || object.md5() != null && !md.equalsIgnoreCase(object.md5())) {
				throw new StorageException(Kind.INTEGRITY, object.name() + ": the bytes read do not match its checksum"
						+ " (SHA-1 " + sha + ", expected " + object.sha1() + ")");
			}
			String rel = relativePath(sha, key);
			Path target = root.resolve(rel);
			Files.createDirectories(target.getParent());
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			done = true;
			StoredObject stored = new StoredObject(rel, length, object.sha1(), object.md5() == null ? md : object.md5());
			index.write(key, stored);
			listener.committed(length);
			return stored;
		} catch (IOException e) {
			throw new StorageException(Kind.TRANSIENT, object.name() + ": copying to " + root + " failed: " + e, e);
		} finally {
			if (!done) {
				deleteQuietly(tmp);
			}
		}
	}

	Optional<StoredObject> find(StorageObject object, IProgressMonitor monitor) throws StorageException {
		checkCanceled(object, monitor);
		String key = object.key() == null ? object.name() : object.key();
		Optional<StoredObject> entry = index.read(key);
		if (entry.isEmpty() || !entry.get().sha1().equalsIgnoreCase(object.sha1())) {
			return Optional.empty();
		}
		Path file = root.resolve(entry.get().key());
		try {
			// what is on the share is checked, not what the index says: a file changed or cut there is not found
			if (!Files.isRegularFile(file) || Files.size(file) != object.size()) {
				return Optional.empty();
			}
			MessageDigest sha1 = digest("SHA-1");
			try (InputStream in = Files.newInputStream(file)) {
				byte[] buf = new byte[BUFFER];
				for (int r; (r = in.read(buf)) > 0;) {
					sha1.update(buf, 0, r);
				}
			}
			return HexFormat.of().formatHex(sha1.digest()).equalsIgnoreCase(object.sha1()) ? entry : Optional.empty();
		} catch (IOException e) {
			throw new StorageException(Kind.TRANSIENT, object.name() + ": cannot read " + file + ": " + e, e);
		}
	}

	StoredObject download(String key, Path to, IProgressMonitor monitor) throws StorageException {
		Optional<StoredObject> entry = index.read(key);
		Path file = root.resolve(entry.map(StoredObject::key).orElse(key)).normalize();
		if (!file.startsWith(root) || !Files.isRegularFile(file)) {
			throw new StorageException(Kind.NOT_FOUND, key + ": not in " + root);
		}
		try {
			long offset = Files.exists(to) ? Files.size(to) : 0;
			try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
					FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
							StandardOpenOption.APPEND)) {
				long size = in.size();
				for (long pos = offset; pos < size;) {
					if (monitor.isCanceled()) {
						throw new StorageException(Kind.CANCELED, key + ": download canceled");
					}
					pos += in.transferTo(pos, Math.min(BUFFER * 16L, size - pos), out);
				}
				return new StoredObject(key, size, entry.map(StoredObject::sha1).orElse(null),
						entry.map(StoredObject::md5).orElse(null));
			}
		} catch (IOException e) {
			throw new StorageException(Kind.TRANSIENT, key + ": reading " + file + " failed: " + e, e);
		}
	}

	private long copy(StorageObject object, Path tmp, MessageDigest sha1, MessageDigest md5, IProgressMonitor monitor)
			throws IOException, StorageException {
		long n = 0;
		try (InputStream in = object.content().open(0);
				FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
				OutputStream out = Channels.newOutputStream(channel)) {
			byte[] buf = new byte[BUFFER];
			for (int r; (r = in.read(buf)) > 0;) {
				checkCanceled(object, monitor);
				out.write(buf, 0, r);
				sha1.update(buf, 0, r);
				md5.update(buf, 0, r);
				n += r;
			}
			out.flush();
			channel.force(true); // on the disk (or the share) before it is reported stored
		}
		return n;
	}

	/** @return {@code YYYY/MM/DD/ab/abcdef...-NAME}: the day (UTC), the SHA-1, the key's file name */
	static String relativePath(String sha1, String key) {
		LocalDate day = LocalDate.now(ZoneOffset.UTC);
		String name = key.substring(key.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
		String sha = sha1.toLowerCase(Locale.ROOT);
		return String.format(Locale.ROOT, "%04d/%02d/%02d/%s/%s-%s", day.getYear(), day.getMonthValue(),
				day.getDayOfMonth(), sha.substring(0, 2), sha, name.isEmpty() ? "image" : name);
	}

	private static void checkCanceled(StorageObject object, IProgressMonitor monitor) throws StorageException {
		if (monitor != null && monitor.isCanceled()) {
			throw new StorageException(Kind.CANCELED, object.name() + ": canceled");
		}
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(algorithm + " is part of every JDK", e);
		}
	}

	private static void deleteQuietly(Path p) {
		try {
			Files.deleteIfExists(p);
		} catch (IOException e) {
			// a stray temporary file under .tiepoint/tmp; the next put does not read it
		}
	}
}
