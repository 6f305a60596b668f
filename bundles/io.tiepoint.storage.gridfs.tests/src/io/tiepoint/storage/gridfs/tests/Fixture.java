/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.hub.Hub;
import io.tiepoint.storage.gridfs.GridFsStorageProvider;

/** Helpers of the GridFS provider tests: content, objects, sessions. */
final class Fixture {

	private Fixture() {
	}

	/** @param size bytes @param seed random seed @return random bytes */
	static byte[] random(int size, long seed) {
		byte[] b = new byte[size];
		new Random(seed).nextBytes(b);
		return b;
	}

	/** @param algorithm MD5 or SHA-1 @param b bytes @return lower-case hex */
	static String hex(String algorithm, byte[] b) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(b));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Content over a byte array, optionally slowed down per 64 KiB read. */
	static Content content(byte[] bytes, long sleepMillisPer64k) {
		return new Content() {
			@Override
			public long length() {
				return bytes.length;
			}

			@Override
			public InputStream open(long offset) {
				ByteArrayInputStream in = new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
				if (sleepMillisPer64k <= 0) {
					return in;
				}
				return new InputStream() {
					@Override
					public int read() {
						return in.read();
					}

					@Override
					public int read(byte[] b, int off, int len) throws IOException {
						try {
							Thread.sleep(sleepMillisPer64k);
						} catch (InterruptedException e) {
							Thread.currentThread().interrupt();
							throw new IOException("interrupted");
						}
						return in.read(b, off, Math.min(len, 64 * 1024));
					}
				};
			}
		};
	}

	/** @param name key @param bytes content @param slow ms per 64 KiB @return the object */
	static StorageObject object(String name, byte[] bytes, long slow) {
		return new StorageObject(name, name, content(bytes, slow), hex("SHA-1", bytes), hex("MD5", bytes),
				"application/octet-stream", null, null);
	}

	/**
	 * Starts a hub behind a proxy: the URLs it hands out name the proxy (its public URL), as a hub behind a
	 * reverse proxy is configured, so uploads and downloads go through the proxy too.
	 *
	 * @param proxy the proxy, retargeted at the hub
	 * @param data  the hub's data directory
	 * @return the hub
	 * @throws java.io.IOException when it cannot start
	 */
	static Hub behind(io.tiepoint.testing.net.FaultProxy proxy, java.nio.file.Path data) throws java.io.IOException {
		Hub hub = Hub.start(io.tiepoint.hub.HubConfig.builder(data)
				.publicUrl(URI.create("http://127.0.0.1:" + proxy.port() + "/")).build());
		proxy.retarget(hub.uri());
		return hub;
	}

	/**
	 * @param endpoint     service base
	 * @param hub          for the credentials
	 * @param allowedHosts the allowedHosts option, or null
	 * @return a session
	 * @throws StorageException when the target is refused
	 */
	static StorageSession session(URI endpoint, Hub hub, String allowedHosts) throws StorageException {
		return session(endpoint, hub, allowedHosts, hub.packageName());
	}

	/**
	 * @param endpoint     service base
	 * @param hub          for the credentials
	 * @param allowedHosts the allowedHosts option, or null
	 * @param packageName  the package the session's objects go to
	 * @return a session
	 * @throws StorageException when the target is refused
	 */
	static StorageSession session(URI endpoint, Hub hub, String allowedHosts, String packageName)
			throws StorageException {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("packageName", packageName);
		if (allowedHosts != null) {
			options.put("allowedHosts", allowedHosts);
		}
		return new GridFsStorageProvider().open(new StorageTarget(endpoint, null, "tests", options,
				Map.of("appId", hub.appKey(), "license", hub.userToken())));
	}

	/** Records what the provider reports. */
	static final class Recorder implements TransferListener {
		volatile String token;
		final java.util.List<Long> committed = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void committed(long offset) {
			committed.add(offset);
		}

		@Override
		public void resumeToken(String t) {
			token = t;
		}
	}
}
