/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * Files only their owner may read: directories made {@code rwx------}, files {@code rw-------}, even
 * where they already existed with wider modes (a data directory made by hand with mode 755), and
 * properties files replaced atomically through a private temporary file.
 */
public final class PrivateFiles {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private PrivateFiles() {
	}

	/** @return a new 32-character secret from {@link SecureRandom} */
	public static String newSecret() {
		char[] c = new char[32];
		for (int i = 0; i < c.length; i++) {
			c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(c);
	}

	/**
	 * Creates a directory (and its parents) or narrows an existing one to {@code rwx------}.
	 *
	 * @param dir the directory
	 * @return it
	 * @throws IOException when it cannot be created or its mode set
	 */
	public static Path directory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			create(dir, "rwx------", true);
		}
		restrict(dir, "rwx------");
		return dir;
	}

	/**
	 * Creates an empty file readable only by its owner, or narrows an existing one to {@code rw-------}.
	 *
	 * @param file the file
	 * @return it
	 * @throws IOException when it cannot be created or its mode set
	 */
	public static Path file(Path file) throws IOException {
		if (!Files.exists(file)) {
			create(file, "rw-------", false);
		}
		restrict(file, "rw-------");
		return file;
	}

	private static void create(Path path, String mode, boolean directory) throws IOException {
		FileAttribute<?> attribute = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
		try {
			if (directory) {
				Files.createDirectories(path, attribute);
			} else {
				Files.createFile(path, attribute);
			}
		} catch (UnsupportedOperationException e) {
			if (directory) {
				Files.createDirectories(path);
			} else {
				Files.createFile(path);
			}
		} catch (java.nio.file.FileAlreadyExistsException e) {
			// made meanwhile: narrowed by the caller
		}
	}

	private static void restrict(Path path, String mode) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: nothing to narrow
		}
	}

	/**
	 * @param file a properties file (UTF-8)
	 * @return its properties
	 * @throws IOException when it cannot be read
	 */
	static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return p;
	}

	/**
	 * Writes properties through a private temporary file moved into place.
	 *
	 * @param file    target
	 * @param p       the properties
	 * @param comment first line
	 * @param replace whether an existing file is replaced (else a {@link java.nio.file.FileAlreadyExistsException})
	 * @throws IOException when it cannot be written
	 */
	static void store(Path file, Properties p, String comment, boolean replace) throws IOException {
		Path tmp = file(file.resolveSibling(file.getFileName() + "." + newSecret().substring(0, 8) + ".tmp"));
		try {
			Writer w = new StringWriter();
			p.store(w, comment);
			Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
			if (!replace) {
				Files.move(tmp, file);
				return;
			}
			try {
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
