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

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

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

	@Override
	public String toString() {
		return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
				+ accessKey + ", secretKey=***, putValidity=" + putValidity + "]";
	}
}
