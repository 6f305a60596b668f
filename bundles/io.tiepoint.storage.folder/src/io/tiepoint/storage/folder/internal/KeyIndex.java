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
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StoredObject;

/** Where each key went: one small properties file per key (named by the key's SHA-256), written atomically. */
final class KeyIndex {
	private final Path dir;

	KeyIndex(Path dir) {
		this.dir = dir;
	}

	void write(String key, StoredObject stored) throws IOException {
		Files.createDirectories(dir);
		Properties p = new Properties();
		p.setProperty("key", key);
		p.setProperty("path", stored.key());
		p.setProperty("size", Long.toString(stored.size()));
		p.setProperty("sha1", stored.sha1());
		if (stored.md5() != null) {
			p.setProperty("md5", stored.md5());
		}
		Path tmp = Files.createTempFile(dir, "key-", ".tmp");
		try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
			p.store(w, null);
		}
		Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	Optional<StoredObject> read(String key) throws StorageException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(file(key), StandardCharsets.UTF_8)) {
			p.load(r);
		} catch (NoSuchFileException e) {
			return Optional.empty();
		} catch (IOException | IllegalArgumentException e) {
			throw new StorageException(Kind.TRANSIENT, key + ": cannot read its entry in " + dir + ": " + e, e);
		}
		if (!key.equals(p.getProperty("key")) || p.getProperty("path") == null || p.getProperty("sha1") == null
				|| !p.getProperty("size", "").matches("[0-9]{1,18}")) {
			return Optional.empty(); // another key's entry (a hash collision), or one cut short: not this key's
		}
		return Optional.of(new StoredObject(p.getProperty("path"), Long.parseLong(p.getProperty("size")),
				p.getProperty("sha1"), p.getProperty("md5")));
	}

	private Path file(String key) {
		try {
			byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return dir.resolve(HexFormat.of().formatHex(h) + ".properties");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
