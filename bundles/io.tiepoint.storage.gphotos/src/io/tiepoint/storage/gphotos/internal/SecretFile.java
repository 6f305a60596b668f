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

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The command line's secret store: a properties file only its owner can read or write (mode 600, in a folder of
 * mode 700), by default {@code $XDG_CONFIG_HOME/tiepoint/secrets.properties}, else
 * {@code ~/.config/tiepoint/secrets.properties} (the system property {@code tiepoint.secrets} names another file:
 * tests, packagers). Keys are setting keys ({@code gphotos.refresh.token}); values are never shown. A file
 * others can read is refused, not used. Written atomically (a temporary file of mode 600, then a rename).
 */
public final class SecretFile {

	/** The system property naming another file. */
	public static final String PROPERTY = "tiepoint.secrets";
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Path file;

	/** @param file the store's file */
	public SecretFile(Path file) {
		this.file = file;
	}

	/**
	 * @param env the process environment
	 * @return the user's store
	 */
	public static SecretFile user(Map<String, String> env) {
		String p = System.getProperty(PROPERTY);
		if (p != null && !p.isBlank()) {
			return new SecretFile(Path.of(p));
		}
		String xdg = env.get("XDG_CONFIG_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
		return new SecretFile(base.resolve("tiepoint").resolve("secrets.properties"));
	}

	/** @return the file */
	public Path file() {
		return file;
	}

	/**
	 * @param key a setting key
	 * @return its value, when the file has one
	 * @throws IOException when the file cannot be read, or others may read it ({@link #check()})
	 */
	public Optional<String> get(String key) throws IOException {
		return Optional.ofNullable(load().getProperty(key)).filter(v -> !v.isBlank());
	}

	/**
	 * Stores a value (null removes it), keeping the others.
	 *
	 * @param key   a setting key
	 * @param value the secret
	 * @throws IOException when the file cannot be written (the message names the file, never the value)
	 */
	public synchronized void put(String key, String value) throws IOException {
		Properties p = Files.exists(file) ? load() : new Properties();
		if (value == null) {
			p.remove(key);
		} else {
			p.setProperty(key, value);
		}
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		if (posix()) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		Path tmp = Files.createTempFile(dir, ".secrets", ".tmp", posix()
				? new java.nio.file.attribute.FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new java.nio.file.attribute.FileAttribute<?>[0]);
		try {
			try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				p.store(w, "Tiepoint's secrets (mode 600): refresh tokens and the like; never share this file");
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

	/**
	 * @throws IOException when the file exists and others than its owner may read or write it (naming the file and
	 *                     its mode)
	 */
	public void check() throws IOException {
		if (posix() && Files.exists(file)) {
			Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
			if (!OWNER_ONLY.containsAll(perms)) {
				throw new IOException(file + ": mode " + PosixFilePermissions.toString(perms) + " lets others read or"
						+ " write the secrets; it must be rw------- (chmod 600 " + file + ")");
			}
		}
	}

	private Properties load() throws IOException {
		Properties p = new Properties();
		check();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(r);
		} catch (NoSuchFileException e) {
			// empty
		}
		return p;
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	@Override
	public String toString() {
		return "SecretFile[" + file + "]";
	}
}
