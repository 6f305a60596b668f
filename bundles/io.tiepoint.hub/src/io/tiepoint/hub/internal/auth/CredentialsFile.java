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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The app key and the user tokens, kept in {@code credentials.properties} (mode 600) in the data
 * directory. Lookups compare every token in constant time. Re-reads the file when it changed on disk
 * (users added by {@code tiepoint hub token --add-user} while the hub runs).
 */
public final class CredentialsFile {

	/** File name inside the data directory. */
	public static final String FILE = "credentials.properties";
	private static final String KEY = "key";
	private static final String FIRST = "first.user";
	private static final String USER = "user.";
	private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;
	private volatile Snapshot snapshot;

	private record Snapshot(FileTime modified, String appKey, String firstUser, Map<String, String> users) {
	}

	private CredentialsFile(Path file, Snapshot snapshot) {
		this.file = file;
		this.snapshot = snapshot;
	}

	/**
	 * Opens the credentials, creating them (app key and a first user {@code admin}) when absent.
	 *
	 * @param dataDir    the data directory
	 * @param firstStart receives {@code key=} and {@code altitoken=} when the file was created
	 * @return the credentials
	 * @throws IOException when the file cannot be read or written
	 */
	public static CredentialsFile openOrCreate(Path dataDir, java.util.function.Consumer<String> firstStart)
			throws IOException {
		if (!Files.isDirectory(dataDir)) {
			try {
				Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			} catch (UnsupportedOperationException e) {
				Files.createDirectories(dataDir);
			}
		}
		Path file = dataDir.resolve(FILE);
		if (!Files.exists(file)) {
			Properties p = new Properties();
			String key = newSecret();
			String token = newSecret();
			p.setProperty(KEY, key);
			p.setProperty(FIRST, "admin");
			p.setProperty(USER + "admin", token);
			try {
				write(file, p, false);
				firstStart.accept("key=" + key);
				firstStart.accept("altitoken=" + token);
			} catch (FileAlreadyExistsException e) {
				// another process created it at the same moment: use theirs
			}
		}
		return open(dataDir);
	}

	/**
	 * Opens existing credentials.
	 *
	 * @param dataDir the data directory
	 * @return the credentials
	 * @throws IOException when absent or unreadable
	 */
	public static CredentialsFile open(Path dataDir) throws IOException {
		Path file = dataDir.resolve(FILE);
		return new CredentialsFile(file, read(file));
	}

	/** @return a new 32-character secret from {@link SecureRandom} */
	public static String newSecret() {
		char[] c = new char[32];
		for (int i = 0; i < c.length; i++) {
			c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(c);
	}

	/** @return the app key */
	public String appKey() {
		return current().appKey();
	}

	/** @return the first user's token */
	public String firstUserToken() {
		Snapshot s = current();
		return s.users().get(s.firstUser());
	}

	/**
	 * @param key a presented app key, may be null
	 * @return whether it is the app key (constant time)
	 */
	public boolean isAppKey(String key) {
		return key != null && equal(current().appKey(), key);
	}

	/**
	 * @param token a presented user token, may be null
	 * @return the user name owning it; every token is compared, in constant time
	 */
	public Optional<String> userOf(String token) {
		if (token == null) {
			return Optional.empty();
		}
		String found = null;
		for (Map.Entry<String, String> e : current().users().entrySet()) {
			if (equal(e.getValue(), token) && found == null) {
				found = e.getKey();
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * Adds a user with a new token.
	 *
	 * @param name user name, {@code [A-Za-z0-9._-]{1,64}}
	 * @return the new token
	 * @throws IOException when the file cannot be written
	 */
	public synchronized String addUser(String name) throws IOException {
		if (name == null || !USER_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("user name must match " + USER_NAME.pattern());
		}
		Properties p = load(file);
		if (p.containsKey(USER + name)) {
			throw new IllegalArgumentException("user exists: " + name);
		}
		String token = newSecret();
		p.setProperty(USER + name, token);
		write(file, p, true);
		snapshot = read(file);
		return token;
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		try {
			if (!Files.getLastModifiedTime(file).equals(s.modified())) {
				s = read(file);
				snapshot = s;
			}
		} catch (IOException e) {
			throw new IllegalStateException("cannot re-read " + file, e);
		}
		return s;
	}

	private static boolean equal(String expected, String given) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	private static Snapshot read(Path file) throws IOException {
		FileTime modified = Files.getLastModifiedTime(file);
		Properties p = load(file);
		String key = p.getProperty(KEY);
		String first = p.getProperty(FIRST);
		if (key == null || first == null) {
			throw new IOException("incomplete credentials file " + file);
		}
		Map<String, String> users = new LinkedHashMap<>();
		for (String n : p.stringPropertyNames()) {
			if (n.startsWith(USER)) {
				users.put(n.substring(USER.length()), p.getProperty(n));
			}
		}
		return new Snapshot(modified, key, first, Map.copyOf(users));
	}

	private static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return p;
	}

	private static void write(Path file, Properties p, boolean replace) throws IOException {
		Path tmp = file.resolveSibling(file.getFileName() + "." + newSecret().substring(0, 8) + ".tmp");
		try {
			Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		} catch (UnsupportedOperationException e) {
			Files.createFile(tmp);
		}
		try {
			Writer w = new StringWriter();
			p.store(w, "Tiepoint hub credentials - keep secret");
			Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
			if (replace) {
				moveReplacing(tmp, file);
			} else {
				Files.move(tmp, file);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void moveReplacing(Path tmp, Path file) throws IOException {
		try {
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
