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
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The app key, the user tokens (each with an optional expiry) and the secret that signs download links,
 * kept in {@code credentials.properties} (mode 600) in the data directory: {@code key},
 * {@code first.user}, {@code user.<name>=<token>}, {@code expires.<name>=<epoch ms>},
 * {@code link.secret}, {@code package} (the package name registered for the app key, which the resource
 * service's callers send as {@code PackageName}; {@value #DEFAULT_PACKAGE} when absent). Lookups compare every token in constant time.
 * Re-reads the file when it changed
 * on disk (users added or revoked by {@code tiepoint hub token} while the hub runs).
 */
public final class CredentialsFile implements io.tiepoint.hub.HubCredentials.Store {

	/** File name inside the data directory. */
	public static final String FILE = "credentials.properties";
	private static final String COMMENT = "Tiepoint hub credentials - keep secret";
	private static final String KEY = "key";
	private static final String FIRST = "first.user";
	private static final String USER = "user.";
	private static final String EXPIRES = "expires.";
	private static final String LINK_SECRET = "link.secret";
	private static final String PACKAGE = "package";
	/** The package name registered when the file does not name one: the one Tiepoint's clients send. */
	public static final String DEFAULT_PACKAGE = "tiepoint";
	private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final Path file;
	private volatile Snapshot snapshot;

	private record Snapshot(FileTime modified, long size, String appKey, String firstUser, Map<String, String> users,
			Map<String, Long> expires, String linkSecret, String packageName) {
	}

	private CredentialsFile(Path file, Snapshot snapshot) {
		this.file = file;
		this.snapshot = snapshot;
	}

	/**
	 * Opens the credentials, creating them (app key and a first user {@code admin}) when absent, and the
	 * link secret when missing (files of earlier versions).
	 *
	 * @param dataDir    the data directory (created or narrowed to {@code rwx------})
	 * @param firstStart receives one line when the file was created: where the credentials are and how
	 *                   to show them (never a secret)
	 * @return the credentials
	 * @throws IOException when the file cannot be read or written
	 */
	public static CredentialsFile openOrCreate(Path dataDir, Consumer<String> firstStart) throws IOException {
		PrivateFiles.directory(dataDir);
		Path file = dataDir.resolve(FILE);
		if (!Files.exists(file)) {
			Properties p = new Properties();
			p.setProperty(KEY, PrivateFiles.newSecret());
			p.setProperty(FIRST, "admin");
			p.setProperty(USER + "admin", PrivateFiles.newSecret());
			p.setProperty(LINK_SECRET, PrivateFiles.newSecret());
			try {
				PrivateFiles.store(file, p, COMMENT, false);
				firstStart.accept("the hub's app key and first user token are in " + file.toAbsolutePath()
						+ " (readable only by you); show them with: tiepoint hub token --data " + dataDir.toAbsolutePath());
			} catch (FileAlreadyExistsException e) {
				// another process created it at the same moment: use theirs
			}
		}
		CredentialsFile c = open(dataDir);
		c.ensureLinkSecret();
		return c;
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

	/** @return a new 32-character secret from {@link java.security.SecureRandom} */
	public static String newSecret() {
		return PrivateFiles.newSecret();
	}

	/** @return the app key */
	public String appKey() {
		return current().appKey();
	}

	/** @return the first user's name */
	public String firstUser() {
		return current().firstUser();
	}

	/** @return the first user's token, or null when it was revoked */
	public String firstUserToken() {
		Snapshot s = current();
		return s.users().get(s.firstUser());
	}

	/** @return the server-only secret that signs download links (never shown to anybody) */
	public String linkSecret() {
		return current().linkSecret();
	}

	/** @return the package name registered for the app key */
	public String packageName() {
		return current().packageName();
	}

	/**
	 * @param name a presented package name, may be null
	 * @return whether it is the registered package name (exact, case-sensitive as Java package names are)
	 */
	public boolean isPackageName(String name) {
		return name != null && equal(current().packageName(), name);
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
	 * @return the user name owning it, unless the token expired; every token is compared, in constant time
	 */
	public Optional<String> userOf(String token) {
		if (token == null) {
			return Optional.empty();
		}
		Snapshot s = current();
		String found = null;
		for (Map.Entry<String, String> e : s.users().entrySet()) {
			if (equal(e.getValue(), token) && found == null) {
				found = e.getKey();
			}
		}
		Long expires = found == null ? null : s.expires().get(found);
		return expires != null && expires <= System.currentTimeMillis() ? Optional.empty() : Optional.ofNullable(found);
	}

	/**
	 * @param user a user name
	 * @return the user's current token, unless revoked or expired (download links are bound to it)
	 */
	public Optional<String> tokenOf(String user) {
		Snapshot s = current();
		String token = s.users().get(user);
		Long expires = s.expires().get(user);
		return token == null || expires != null && expires <= System.currentTimeMillis() ? Optional.empty()
				: Optional.of(token);
	}

	/**
	 * @param user a user name
	 * @return when the user's token expires, empty when it never does or the user is unknown
	 */
	public Optional<Instant> expiry(String user) {
		Long e = current().expires().get(user);
		return e == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(e));
	}

	/**
	 * Adds a user with a new token, or gives a revoked user a new one.
	 *
	 * @param name     user name, {@code [A-Za-z0-9._-]{1,64}}
	 * @param lifetime how long the token is valid, or null for no expiry
	 * @return the new token
	 * @throws IOException when the file cannot be written
	 */
	public synchronized String addUser(String name, Duration lifetime) throws IOException {
		if (name == null || !USER_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("user name must match " + USER_NAME.pattern());
		}
		if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
			throw new IllegalArgumentException("a token lifetime must be positive");
		}
		Properties p = PrivateFiles.load(file);
		if (p.containsKey(USER + name)) {
			throw new IllegalArgumentException("user exists: " + name + " (revoke the token first to give a new one)");
		}
		String token = PrivateFiles.newSecret();
		p.setProperty(USER + name, token);
		p.remove(EXPIRES + name);
		if (lifetime != null) {
			p.setProperty(EXPIRES + name, String.valueOf(System.currentTimeMillis() + lifetime.toMillis()));
		}
		PrivateFiles.store(file, p, COMMENT, true);
		snapshot = read(file);
		return token;
	}

	/**
	 * Revokes a user's token: the hub refuses it (and the download links handed out with it) from the
	 * next call on; the user's projects and files stay theirs, {@link #addUser} gives them a new token.
	 *
	 * @param name user name
	 * @throws IOException              when the file cannot be written
	 * @throws IllegalArgumentException when the user has no token
	 */
	public synchronized void revoke(String name) throws IOException {
		Properties p = PrivateFiles.load(file);
		if (name == null || p.remove(USER + name) == null) {
			throw new IllegalArgumentException("no user " + name + " with a token");
		}
		p.remove(EXPIRES + name);
		PrivateFiles.store(file, p, COMMENT, true);
		snapshot = read(file);
	}

	private synchronized void ensureLinkSecret() throws IOException {
		Properties p = PrivateFiles.load(file);
		if (p.getProperty(LINK_SECRET) == null) {
			p.setProperty(LINK_SECRET, PrivateFiles.newSecret());
			PrivateFiles.store(file, p, COMMENT, true);
			snapshot = read(file);
		}
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		try {
			BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
			if (!a.lastModifiedTime().equals(s.modified()) || a.size() != s.size()) {
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
		BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
		FileTime modified = a.lastModifiedTime();
		long size = a.size();
		Properties p = PrivateFiles.load(file);
		String key = p.getProperty(KEY);
		String first = p.getProperty(FIRST);
		if (key == null || first == null) {
			throw new IOException("incomplete credentials file " + file);
		}
		Map<String, String> users = new LinkedHashMap<>();
		Map<String, Long> expires = new LinkedHashMap<>();
		for (String n : p.stringPropertyNames()) {
			if (n.startsWith(USER)) {
				users.put(n.substring(USER.length()), p.getProperty(n));
			} else if (n.startsWith(EXPIRES)) {
				try {
					expires.put(n.substring(EXPIRES.length()), Long.parseLong(p.getProperty(n).trim()));
				} catch (NumberFormatException e) {
					throw new IOException("credentials file " + file + ": " + n + " is not a time in epoch milliseconds");
				}
			}
		}
		String linkSecret = p.getProperty(LINK_SECRET, "");
		String packageName = p.getProperty(PACKAGE, DEFAULT_PACKAGE).trim();
		if (packageName.isEmpty()) {
			throw new IOException("credentials file " + file + ": " + PACKAGE + " is empty (the package name registered"
					+ " for the app key, e.g. " + DEFAULT_PACKAGE + ")");
		}
		return new Snapshot(modified, size, key, first, Map.copyOf(users), Map.copyOf(expires), linkSecret, packageName);
	}
}
