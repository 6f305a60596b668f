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
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey) {

	/** Checks that every part is present. */
	public S3Settings {
		Objects.requireNonNull(endpoint, "endpoint");
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(region, "region");
		Objects.requireNonNull(accessKey, "accessKey");
		Objects.requireNonNull(secretKey, "secretKey");
	}

	@Override
	public String toString() {
		return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
				+ accessKey + ", secretKey=***]";
	}
}
