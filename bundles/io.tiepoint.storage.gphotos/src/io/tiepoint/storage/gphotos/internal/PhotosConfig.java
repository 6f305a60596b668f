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

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * The settings of the Google Photos provider, read and checked: where the API and the OAuth endpoints are, the
 * installed app's client id and secret, the user's refresh token (from the settings, else the command line's
 * {@link SecretFile}), the chunk size. Every bad value is refused naming the setting, its environment variable and
 * why; no secret is ever part of a message.
 *
 * @param endpoint      base URL of uploads and the Library API
 * @param tokenEndpoint the OAuth token endpoint
 * @param authEndpoint  the OAuth authorization endpoint
 * @param clientId      the installed app's client id
 * @param clientSecret  its client secret
 * @param refreshToken  the user's refresh token, or null when none is stored yet
 * @param chunkSize     the chunk size in bytes
 */
public record PhotosConfig(URI endpoint, URI tokenEndpoint, URI authEndpoint, String clientId, String clientSecret,
		String refreshToken, long chunkSize) {

	/** The provider id. */
	public static final String ID = "gphotos";
	/** Setting: base URL of uploads and the Library API. */
	public static final String ENDPOINT = "gphotos.endpoint";
	/** Setting: the OAuth token endpoint. */
	public static final String TOKEN_ENDPOINT = "gphotos.token.endpoint";
	/** Setting: the OAuth authorization endpoint. */
	public static final String AUTH_ENDPOINT = "gphotos.auth.endpoint";
	/** Setting: the installed app's client id. */
	public static final String CLIENT_ID = "gphotos.client.id";
	/** Setting (secret): the installed app's client secret. */
	public static final String CLIENT_SECRET = "gphotos.client.secret";
	/** Setting (secret): the user's refresh token. */
	public static final String REFRESH_TOKEN = "gphotos.refresh.token";
	/** Setting: the chunk size. */
	public static final String CHUNK_SIZE = "gphotos.chunk.size";

	/** Google's own hosts: the product's defaults. */
	public static final String DEFAULT_ENDPOINT = "https://photoslibrary.googleapis.com";
	static final String DEFAULT_TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token";
	static final String DEFAULT_AUTH_ENDPOINT = "https://accounts.google.com/o/oauth2/v2/auth";
	/** Add to the library: uploads, media items, albums. */
	public static final String SCOPE_APPEND = "https://www.googleapis.com/auth/photoslibrary.appendonly";
	/** Read what this app created: find the album by its title, list its media items' checksums. */
	public static final String SCOPE_READ_APP_CREATED = "https://www.googleapis.com/auth/photoslibrary.readonly.appcreateddata";
	static final long GRANULE = 262144;
	private static final long DEFAULT_CHUNK = 8L << 20;

	/**
	 * @param settings the provider's settings
	 * @param secrets  the command line's secret store, asked for the refresh token the settings lack
	 * @return the checked settings (the refresh token may be null)
	 * @throws StorageException {@code PERMANENT} naming the setting that is missing or wrong
	 */
	public static PhotosConfig read(ProviderSettings settings, SecretFile secrets) throws StorageException {
		String id = settings.get(CLIENT_ID).orElseThrow(() -> missing(CLIENT_ID, "the OAuth client id of your installed"
				+ " app (Google Cloud console, type Desktop app)"));
		String secret = settings.get(CLIENT_SECRET).orElseThrow(() -> missing(CLIENT_SECRET, "the OAuth client secret"
				+ " of that app"));
		Optional<String> refresh = settings.get(REFRESH_TOKEN);
		if (refresh.isEmpty() && secrets != null) {
			try {
				refresh = secrets.get(REFRESH_TOKEN);
			} catch (java.io.IOException e) {
				throw new StorageException(Kind.PERMANENT, "the secret store " + e.getMessage(), e);
			}
		}
		return new PhotosConfig(url(settings, ENDPOINT, DEFAULT_ENDPOINT), url(settings, TOKEN_ENDPOINT,
				DEFAULT_TOKEN_ENDPOINT), url(settings, AUTH_ENDPOINT, DEFAULT_AUTH_ENDPOINT), id.strip(), secret.strip(),
				refresh.map(String::strip).orElse(null), chunk(settings));
	}

	/**
	 * @param destination {@code gphotos://Album%20title}
	 * @return the album's title
	 * @throws StorageException {@code PERMANENT} naming what is wrong with the URI
	 */
	public static String album(URI destination) throws StorageException {
		String shown = destination.getScheme() + "://" + (destination.getRawAuthority() == null ? ""
				: destination.getRawAuthority().replaceAll("^.*@", "")) + Optional.ofNullable(destination.getRawPath())
						.orElse("");
		if (!ID.equalsIgnoreCase(destination.getScheme())) {
			throw new StorageException(Kind.PERMANENT, shown + ": not a gphotos:// destination");
		}
		if (destination.getRawUserInfo() != null || destination.getRawQuery() != null
				|| destination.getRawFragment() != null) {
			throw new StorageException(Kind.PERMANENT, shown + ": takes neither user information, a query nor a"
					+ " fragment; credentials belong in the settings (" + REFRESH_TOKEN + ", or 'tiepoint auth gphotos')");
		}
		String raw = destination.getRawAuthority();
		String path = destination.getRawPath() == null ? "" : destination.getRawPath();
		if (raw == null || raw.isBlank()) {
			throw new StorageException(Kind.PERMANENT, shown + ": names no album: gphotos://Album%20title");
		}
		if (!path.isEmpty() && !path.equals("/")) {
			throw new StorageException(Kind.PERMANENT, shown + ": an album has no folders; write a '/' in its title as"
					+ " %2F (gphotos://" + raw + "%2F" + path.substring(1).replace("/", "%2F") + ")");
		}
		String title = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
		if (title.isEmpty() || title.length() > 500) {
			throw new StorageException(Kind.PERMANENT, shown + ": an album title has 1 to 500 characters");
		}
		return title;
	}

	private static URI url(ProviderSettings settings, String key, String def) throws StorageException {
		String v = settings.get(key, def).strip();
		try {
			URI u = new URI(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
			String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawUserInfo() == null
					&& u.getRawQuery() == null) {
				return u;
			}
		} catch (java.net.URISyntaxException e) {
			// below
		}
		throw new StorageException(Kind.PERMANENT, key + " (" + env(key) + "): not an http(s) URL without user"
				+ " information or query: " + v);
	}

	private static long chunk(ProviderSettings settings) throws StorageException {
		Optional<String> v = settings.get(CHUNK_SIZE);
		if (v.isEmpty()) {
			return DEFAULT_CHUNK;
		}
		String s = v.get().strip().toLowerCase(Locale.ROOT);
		int shift = s.endsWith("k") ? 10 : s.endsWith("m") ? 20 : s.endsWith("g") ? 30 : 0;
		try {
			long n = Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1)) << shift;
			if (n >= GRANULE && n % GRANULE == 0) {
				return n;
			}
		} catch (NumberFormatException e) {
			// below
		}
		throw new StorageException(Kind.PERMANENT, CHUNK_SIZE + " (" + env(CHUNK_SIZE) + "): " + v.get() + " is not a"
				+ " multiple of the upload granularity, 256k (e.g. 256k, 4m, 8m)");
	}

	private static StorageException missing(String key, String what) {
		return new StorageException(Kind.PERMANENT, "the setting " + key + " (" + what + ") is not set: put it in the"
				+ " settings file, the environment variable " + env(key) + ", or the workbench's Preferences > Tiepoint >"
				+ " Storage Providers > Google Photos");
	}

	static String env(String key) {
		return "TIEPOINT_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
	}

	@Override
	public String toString() {
		return "PhotosConfig[endpoint=" + endpoint + ", token=" + tokenEndpoint + ", client=" + clientId + ", secret=****"
				+ ", refresh=" + (refreshToken == null ? "none" : "****") + ", chunk=" + chunkSize + "]";
	}
}
