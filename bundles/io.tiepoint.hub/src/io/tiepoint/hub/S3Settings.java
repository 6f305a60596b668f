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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the hub keeps images in an S3-compatible store: the settings of the hub's cloud {@value #CLOUD}, which
 * {@link HubConfig} carries as {@code cloud.s3.<key>} entries ({@link #toSettings()}, {@link #fromSettings}).
 * The secret never appears in {@link #toString()}.
 *
 * @param endpoint    explicit endpoint (path-style addressing is always used)
 * @param bucket      bucket name
 * @param region      signing region, e.g. {@code us-east-1}
 * @param accessKey   access key id
 * @param secretKey   secret access key
 * @param putValidity how long a presigned PUT handed out by {@code uploadImageS3} stays valid
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
		Duration putValidity) {

	/** The validity of presigned PUTs unless told otherwise. */
	public static final Duration PUT_VALIDITY = Duration.ofHours(3);

	/** The id of the hub's cloud these settings configure. */
	public static final String CLOUD = "s3";
	/** The region used when the settings name none. */
	public static final String DEFAULT_REGION = "us-east-1";

	/**
	 * Settings whose presigned PUTs are valid {@link #PUT_VALIDITY}.
	 *
	 * @param endpoint  explicit endpoint
	 * @param bucket    bucket name
	 * @param region    signing region
	 * @param accessKey access key id
	 * @param secretKey secret access key
	 */
	public S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey) {
		this(endpoint, bucket, region, accessKey, secretKey, PUT_VALIDITY);
	}

	/** Checks that every part is present. */
	public S3Settings {
		Objects.requireNonNull(putValidity, "putValidity");
		Objects.requireNonNull(endpoint, "endpoint");
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(region, "region");
		Objects.requireNonNull(accessKey, "accessKey");
		Objects.requireNonNull(secretKey, "secretKey");
	}

	/**
	 * @return these settings as the cloud's settings: {@code endpoint}, {@code bucket}, {@code region},
	 *         {@code access.key}, {@code secret.key} and {@code put.validity} (ISO-8601, e.g. {@code PT3H})
	 */
	public Map<String, String> toSettings() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("endpoint", endpoint.toString());
		m.put("bucket", bucket);
		m.put("region", region);
		m.put("access.key", accessKey);
		m.put("secret.key", secretKey);
		m.put("put.validity", putValidity.toString());
		return m;
	}

	/**
	 * @param settings the cloud's settings, as {@link #toSettings()} writes them; {@code region} and
	 *                 {@code put.validity} may be left out
	 * @return the settings
	 * @throws IllegalArgumentException when one is missing or malformed (the message names it, never a value)
	 */
	public static S3Settings fromSettings(Map<String, String> settings) {
		String uri = required(settings, "endpoint");
		URI endpoint;
		Duration validity;
		try {
			endpoint = URI.create(uri);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("endpoint is not a URI", e);
		}
		try {
			String v = settings.get("put.validity");
			validity = v == null ? PUT_VALIDITY : Duration.parse(v);
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("put.validity is not an ISO-8601 duration such as PT3H", e);
		}
		return new S3Settings(endpoint, required(settings, "bucket"), settings.getOrDefault("region", DEFAULT_REGION),
				required(settings, "access.key"), required(settings, "secret.key"), validity);
	}

	private static String required(Map<String, String> settings, String key) {
		String v = settings.get(key);
		if (v == null) {
			throw new IllegalArgumentException(key + " is missing");
		}
		return v;
	}

	/** The environment variable the secret key is read from when no file is given. */
	public static final String SECRET_KEY_ENV = "TIEPOINT_S3_SECRET_KEY";

	/**
	 * Where an operator keeps the secret key: in a file (its first line; the file should be readable by the
	 * hub's account only), else in the environment variable {@value #SECRET_KEY_ENV}. Never on a command
	 * line, which every local account reads in the process list.
	 *
	 * @param file a file holding the secret, or null
	 * @param env  the environment (e.g. {@link System#getenv()})
	 * @return the secret, or empty when neither holds one
	 * @throws IOException when the file cannot be read or is empty
	 */
	public static Optional<String> secretKey(Path file, Map<String, String> env) throws IOException {
		if (file != null) {
			String secret = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
			if (secret.isEmpty()) {
				throw new IOException("the S3 secret key file " + file + " is empty");
			}
			return Optional.of(secret);
		}
		String fromEnv = env.get(SECRET_KEY_ENV);
		return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv.strip());
	}

	@Override
	public String toString() {
		return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
				+ accessKey + ", secretKey=***, putValidity=" + putValidity + "]";
	}
}
