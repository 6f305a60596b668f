/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.storage.gphotos.internal.PhotosSession;
import io.tiepoint.storage.gphotos.internal.SecretFile;

/**
 * Google Photos as a storage provider (id {@code gphotos}), direct flow only: {@code gphotos://Album%20title} sends
 * each image with the resumable upload protocol of seed 004 and makes it a media item of that album (found by its
 * title among the albums this app created, or created), 50 a {@code batchCreate}; the description of each media
 * item carries the image's SHA-1, by which a later run, or another workspace, finds it. Authorization is OAuth 2.0
 * for installed apps: {@code tiepoint auth gphotos} (or the workbench's Authorize...) stores the user's refresh
 * token; sessions refresh their access tokens from it.
 * <p>
 * Settings: {@code gphotos.client.id}, {@code gphotos.client.secret} (required), {@code gphotos.refresh.token}
 * (else the command line's secret store), {@code gphotos.endpoint}, {@code gphotos.token.endpoint},
 * {@code gphotos.auth.endpoint} (Google's by default), {@code gphotos.chunk.size} (8m); each also as a
 * {@code TIEPOINT_GPHOTOS_*} environment variable.
 */
public final class GooglePhotosProvider implements StorageProvider {

	/** The provider id. */
	public static final String ID = PhotosConfig.ID;

	/** Public no-argument constructor, for the extension registry. */
	public GooglePhotosProvider() {
		// nothing to set up
	}

	@Override
	public StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		String album = PhotosConfig.album(destination);
		PhotosConfig c = PhotosConfig.read(settings, SecretFile.user(System.getenv()));
		if (c.refreshToken() == null) {
			throw new StorageException(Kind.PERMANENT, "Google Photos is not authorized yet: run 'tiepoint auth gphotos'"
					+ " (the refresh token goes to " + SecretFile.user(System.getenv()).file() + ", mode 600), use"
					+ " Authorize... in the workbench, or set " + PhotosConfig.REFRESH_TOKEN + " (TIEPOINT_GPHOTOS_REFRESH_TOKEN)");
		}
		Map<String, String> options = new HashMap<>();
		options.put("token.endpoint", c.tokenEndpoint().toString());
		options.put("auth.endpoint", c.authEndpoint().toString());
		options.put("client.id", c.clientId());
		options.put("chunk.size", String.valueOf(c.chunkSize()));
		return new StorageTarget(c.endpoint(), album, "", options, Map.of("client.secret", c.clientSecret(),
				"refresh.token", c.refreshToken()));
	}

	@Override
	public StorageSession open(StorageTarget target) throws StorageException {
		if (target == null || target.bucket() == null || target.endpoint() == null) {
			throw new StorageException(Kind.PERMANENT, "Google Photos: a target needs an album and an endpoint (it serves"
					+ " gphotos://Album%20title destinations only, not a platform)");
		}
		Map<String, String> settings = new HashMap<>();
		settings.put(PhotosConfig.ENDPOINT, target.endpoint().toString());
		target.option("token.endpoint").ifPresent(v -> settings.put(PhotosConfig.TOKEN_ENDPOINT, v));
		target.option("auth.endpoint").ifPresent(v -> settings.put(PhotosConfig.AUTH_ENDPOINT, v));
		target.option("client.id").ifPresent(v -> settings.put(PhotosConfig.CLIENT_ID, v));
		target.option("chunk.size").ifPresent(v -> settings.put(PhotosConfig.CHUNK_SIZE, v));
		target.secret("client.secret").ifPresent(v -> settings.put(PhotosConfig.CLIENT_SECRET, v));
		target.secret("refresh.token").ifPresent(v -> settings.put(PhotosConfig.REFRESH_TOKEN, v));
		return new PhotosSession(PhotosConfig.read(ProviderSettings.of(settings), null), target.bucket());
	}
}
