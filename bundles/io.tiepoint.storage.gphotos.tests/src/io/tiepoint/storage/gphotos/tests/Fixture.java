/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.tests;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.storage.gphotos.GooglePhotosProvider;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.storage.gphotos.internal.PhotosSession;
import io.tiepoint.testing.gphotos.PhotosServer;

/** A Google Photos stand-in with one app and one authorized user, and the provider's settings for it. */
final class Fixture implements AutoCloseable {

	static final String CLIENT = "tiepoint-test.apps.example.org";
	static final String SECRET = "client-secret-for-tests";

	final PhotosServer server;
	final String refreshToken;

	Fixture() throws IOException {
		server = PhotosServer.start(CLIENT, SECRET);
		refreshToken = server.auth().issueRefreshToken(CLIENT, PhotosServer.SCOPE_APPEND,
				PhotosServer.SCOPE_READ_APP_CREATED);
	}

	/** @return the settings that point the provider at the stand-in, with the refresh token */
	Map<String, String> settings() {
		Map<String, String> m = new HashMap<>(settingsWithoutToken());
		m.put(PhotosConfig.REFRESH_TOKEN, refreshToken);
		return m;
	}

	/** @return the settings without a refresh token (it comes from the secret store, or not at all) */
	Map<String, String> settingsWithoutToken() {
		Map<String, String> m = new HashMap<>();
		m.put(PhotosConfig.ENDPOINT, server.uri().toString());
		m.put(PhotosConfig.TOKEN_ENDPOINT, server.tokenEndpoint().toString());
		m.put(PhotosConfig.AUTH_ENDPOINT, server.authEndpoint().toString());
		m.put(PhotosConfig.CLIENT_ID, CLIENT);
		m.put(PhotosConfig.CLIENT_SECRET, SECRET);
		return m;
	}

	/** @return the lines of a workspace's config.properties with these settings */
	String configFile(boolean withToken) {
		StringBuilder b = new StringBuilder();
		(withToken ? settings() : settingsWithoutToken()).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		return b.toString();
	}

	/**
	 * @param album the album's title
	 * @param extra more settings (e.g. the chunk size)
	 * @return a session on that album
	 */
	PhotosSession open(String album, Map<String, String> extra) throws StorageException {
		Map<String, String> m = new HashMap<>(settings());
		m.putAll(extra);
		GooglePhotosProvider p = new GooglePhotosProvider();
		return (PhotosSession) p.open(p.destination(URI.create("gphotos://" + album.replace(" ", "%20")),
				ProviderSettings.of(m)));
	}

	@Override
	public void close() {
		server.close();
	}
}
