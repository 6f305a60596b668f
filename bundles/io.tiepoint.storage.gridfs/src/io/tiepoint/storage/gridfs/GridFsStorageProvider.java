/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.storage.gridfs.internal.GridFsSession;
import io.tiepoint.storage.gridfs.internal.ResourceClient;

/**
 * The GridFS resource service of seed 003 as a storage provider (id {@code gridfs}): resumable uploads
 * by offset ({@code GetUploadState}, then a POST of the rest from the server's {@code UploadLength}),
 * lookups by md5, and resumable ranged downloads. Talks HTTP with {@link java.net.http.HttpClient}.
 * <p>
 * Target: {@code endpoint} = the service's base URI (e.g. {@code http://hub:8090/}); secrets
 * {@code appId} (the hub's app key) and {@code license} (the user's token); options
 * {@code packageName} (default {@code tiepoint}; the setting {@code gridfs.package}, which the platform flow
 * passes as an option, wins: a hub may register another package), {@code allowedHosts} (comma-separated
 * {@code host:port} the client may be redirected to; the endpoint's own host is always allowed),
 * {@code timeout} (seconds per request, default 600) and {@code busyWait} (milliseconds to wait for the
 * server to notice this client's own broken upload before reporting BUSY, default 5000). The target's
 * prefix is the directory files are stored in.
 */
public final class GridFsStorageProvider implements StorageProvider {

	/** The provider id. */
	public static final String ID = "gridfs";

	/** Public no-argument constructor, for the extension registry. */
	public GridFsStorageProvider() {
		// nothing to set up
	}

	@Override
	public StorageSession open(StorageTarget target) throws StorageException {
		URI endpoint = target.endpoint();
		if (endpoint == null || endpoint.getHost() == null
				|| !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
			throw new StorageException(StorageException.Kind.PERMANENT,
					"GridFS target: the endpoint (the resource service's http(s) base URI) is missing or invalid");
		}
		String appId = target.secret("appId").orElse(null);
		String license = target.secret("license").orElse(null);
		if (appId == null || appId.isBlank()) {
			throw new StorageException(StorageException.Kind.PERMANENT, "GridFS target " + endpoint
					+ ": the secret 'appId' (the hub's app key) is missing");
		}
		if (license == null || license.isBlank()) {
			throw new StorageException(StorageException.Kind.PERMANENT, "GridFS target " + endpoint
					+ ": the secret 'license' (the user's token) is missing");
		}
		Set<String> allowed = new LinkedHashSet<>();
		allowed.add(ResourceClient.authority(endpoint));
		for (String h : target.option("allowedHosts").orElse("").split("[,\\s]+")) {
			if (!h.isBlank()) {
				allowed.add(h.trim().toLowerCase(Locale.ROOT));
			}
		}
		Duration timeout;
		long busyWait;
		try {
			timeout = Duration.ofSeconds(Long.parseLong(target.option("timeout").orElse("600")));
			busyWait = Long.parseLong(target.option("busyWait").orElse("5000"));
		} catch (NumberFormatException e) {
			throw new StorageException(StorageException.Kind.PERMANENT,
					"GridFS target " + endpoint + ": options 'timeout' and 'busyWait' must be numbers");
		}
		ResourceClient client = new ResourceClient(endpoint, appId, license,
				target.option("gridfs.package").or(() -> target.option("packageName")).orElse("tiepoint"), allowed, timeout);
		return new GridFsSession(client, target.prefix(), busyWait);
	}

	/**
	 * A resource server of seed 003 as a direct destination: {@code gridfs+http://host:port/dir} (or
	 * {@code gridfs+https}) sends into the service at {@code http://host:port/}, files in directory {@code dir};
	 * the APPID, License and PackageName come from the settings {@code gridfs.appid}, {@code gridfs.license},
	 * {@code gridfs.package} ({@code TIEPOINT_GRIDFS_APPID}...).
	 */
	@Override
	public StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		String scheme = destination.getScheme() == null ? "" : destination.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.startsWith("gridfs+") || destination.getHost() == null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "a resource server destination is"
					+ " gridfs+http://HOST:PORT/DIR or gridfs+https://HOST:PORT/DIR");
		}
		if (destination.getRawUserInfo() != null || destination.getRawQuery() != null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "the destination must carry neither user"
					+ " information nor a query: the APPID and License belong in the settings gridfs.appid and gridfs.license");
		}
		String appId = settings.get("gridfs.appid").orElseThrow(() -> missing("gridfs.appid", "TIEPOINT_GRIDFS_APPID",
				"the resource server's AppID"));
		String license = settings.get("gridfs.license").orElseThrow(() -> missing("gridfs.license",
				"TIEPOINT_GRIDFS_LICENSE", "your License on the resource server"));
		URI endpoint = URI.create(scheme.substring("gridfs+".length()) + "://" + destination.getRawAuthority() + "/");
		String dir = destination.getPath() == null ? "" : destination.getPath().replaceAll("^/+|/+$", "");
		return new StorageTarget(endpoint, null, dir, Map.of("packageName", settings.get("gridfs.package", "tiepoint")),
				Map.of("appId", appId, "license", license));
	}

	private static StorageException missing(String key, String env, String what) {
		return new StorageException(StorageException.Kind.PERMANENT, "the setting " + key + " (" + what
				+ ") is not set: put it in the settings file or the environment variable " + env);
	}
}
