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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the hub keeps images in an S3-compatible store. The secret never appears in
 * {@link #toString()}.
 *
 * @param endpoint  explicit endpoint (path-style addressing is always used)
 * @param bucket    bucket name
 * @param region    signing region, e.g. {@code us-east-1}
 * @param accessKey access key id
 * @param secretKey secret access key
 * @param putValidity how long a presigned PUT handed out by {@code uploadImageS3} stays valid
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
		Duration putValidity) {

	/** The validity of presigned PUTs unless told otherwise. */
	public static final Duration PUT_VALIDITY = Duration.ofHours(3);

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
