/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a session sends bytes: an endpoint, a bucket (or album, or resource service), an optional key
 * prefix, plain options, and secrets. Secrets never appear in {@link #toString()}.
 *
 * @param endpoint the service endpoint (may be null when a provider has a fixed one)
 * @param bucket   the bucket or container, or null
 * @param prefix   a key prefix ("" for none)
 * @param options  provider options, e.g. {@code region}, {@code multipart.threshold}
 * @param secrets  credentials, e.g. {@code accessKey}, {@code secretKey}, {@code sessionToken}
 */
public record StorageTarget(URI endpoint, String bucket, String prefix, Map<String, String> options,
		Map<String, String> secrets) {

	/** Copies the maps. */
	public StorageTarget {
		prefix = prefix == null ? "" : prefix;
		options = Map.copyOf(options == null ? Map.of() : options);
		secrets = Map.copyOf(secrets == null ? Map.of() : secrets);
	}

	/**
	 * @param name the option
	 * @return its value
	 */
	public Optional<String> option(String name) {
		return Optional.ofNullable(options.get(name));
	}

	/**
	 * @param name the secret
	 * @return its value
	 */
	public Optional<String> secret(String name) {
		return Optional.ofNullable(secrets.get(name));
	}

	@Override
	public String toString() {
		Map<String, String> masked = new TreeMap<>();
		secrets.keySet().forEach(k -> masked.put(k, "****"));
		return "StorageTarget[endpoint=" + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + ", options="
				+ new TreeMap<>(options) + ", secrets=" + masked + "]";
	}
}
