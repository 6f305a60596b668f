/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The hub's credentials in a data directory, for the {@code tiepoint hub token} command: show them, add a
 * user (with an optional token lifetime), revoke a user's token. A running hub sees the changes at its
 * next call. Returned values are secrets: show them only to the operator who asked.
 */
public final class HubCredentials {

	private final Store file;

	private HubCredentials(Store file) {
		this.file = file;
	}

	/**
	 * @param dataDir a hub data directory
	 * @return its credentials
	 * @throws IOException when the hub never ran there or the file is unreadable
	 */
	public static HubCredentials open(Path dataDir) throws IOException {
		return new HubCredentials(HubFactory.get().credentials(dataDir));
	}

	/** @return the app key */
	public String appKey() {
		return file.appKey();
	}

	/** @return the package name registered for the app key (the resource service's {@code PackageName}) */
	public String packageName() {
		return file.packageName();
	}

	/** @return the first user's name */
	public String firstUser() {
		return file.firstUser();
	}

	/** @return the first user's token, or null when it was revoked */
	public String userToken() {
		return file.firstUserToken();
	}

	/**
	 * @param name new user name, {@code [A-Za-z0-9._-]{1,64}}
	 * @return the new user's token, valid until revoked
	 * @throws IOException when the file cannot be written
	 */
	public String addUser(String name) throws IOException {
		return file.addUser(name, null);
	}

	/**
	 * Adds a user (or gives a revoked user a new token) whose token expires.
	 *
	 * @param name     user name, {@code [A-Za-z0-9._-]{1,64}}
	 * @param lifetime how long the token is valid, null for no expiry
	 * @return the new token
	 * @throws IOException when the file cannot be written
	 */
	public String addUser(String name, Duration lifetime) throws IOException {
		return file.addUser(name, lifetime);
	}

	/** @param name a user @return when the user's token expires, empty when never (or no such user) */
	public Optional<Instant> expiry(String name) {
		return file.expiry(name);
	}

	/**
	 * Revokes a user's token: refused by the hub from its next call on, and so are the download links
	 * handed out with it. The user's projects and files stay theirs; {@link #addUser(String)} gives a new token.
	 *
	 * @param name the user
	 * @throws IOException              when the file cannot be written
	 * @throws IllegalArgumentException when the user has no token
	 */
	public void revoke(String name) throws IOException {
		file.revoke(name);
	}

	/**
	 * @param text a lifetime: a number and a unit, {@code 90m}, {@code 12h}, {@code 30d}, or ISO-8601
	 *             ({@code PT12H}, {@code P30D})
	 * @return the duration
	 * @throws IllegalArgumentException when it is neither, or not positive
	 */
	public static Duration parseLifetime(String text) {
		String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
		Duration d;
		try {
			if (t.matches("\\d{1,9}[SMHD]")) {
				long n = Long.parseLong(t.substring(0, t.length() - 1));
				d = switch (t.charAt(t.length() - 1)) {
				case 'S' -> Duration.ofSeconds(n);
				case 'M' -> Duration.ofMinutes(n);
				case 'H' -> Duration.ofHours(n);
				default -> Duration.ofDays(n);
				};
			} else {
				d = Duration.parse(t);
			}
		} catch (java.time.format.DateTimeParseException e) {
			d = null;
		}
		if (d == null || d.isNegative() || d.isZero()) {
			throw new IllegalArgumentException("token lifetime must be a positive duration like 90m, 12h, 30d or PT12H, got '"
					+ text + "'");
		}
		return d;
	}

	/** The credentials file behind this API (implemented by the hub). */
	public interface Store {

		/** @return the app key */
		String appKey();

		/** @return the package name */
		String packageName();

		/** @return the first user's name */
		String firstUser();

		/** @return the first user's token */
		String firstUserToken();

		/**
		 * @param name     the new user
		 * @param lifetime how long the token is valid, or null for ever
		 * @return the token
		 * @throws IOException when the file cannot be written
		 */
		String addUser(String name, Duration lifetime) throws IOException;

		/** @param name a user @return when the user's token expires, empty when never or no such user */
		Optional<Instant> expiry(String name);

		/** @param name a user @throws IOException when the file cannot be written */
		void revoke(String name) throws IOException;
	}
}
