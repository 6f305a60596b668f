/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One registration of an image for an upload: which {@code uploadImage*} mutation, with which arguments,
 * asking for which payload beside {@code image}.
 *
 * @param mutation   e.g. {@code uploadImageS3}
 * @param bucketType the GraphQL type of its {@code bucket} argument, e.g. {@code BucketS3}, or null when it
 *                   takes none
 * @param pid        project id
 * @param bucket     the bucket, or null when the mutation takes none
 * @param filename   the local file name
 * @param type       {@code JPEG}, {@code TIFF}, {@code PNG} or null
 * @param checksum   the SHA-1
 * @param payload    the selection asked for beside {@code image}, e.g. {@code url} or
 *                   {@code sts { id secret token bucket endpoint expire }}; null for {@code url}, "" for
 *                   {@code image} alone (a grant the client already holds is reused)
 */
public record UploadRequest(String mutation, String bucketType, String pid, String bucket, String filename, String type, String checksum,
		String payload) {

	private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
	private static final Pattern SELECTION = Pattern.compile("[_0-9A-Za-z{}\\s]+");

	/** Checks that the names and the payload are GraphQL names and a selection, not injections. */
	public UploadRequest {
		Objects.requireNonNull(pid, "pid");
		Objects.requireNonNull(filename, "filename");
		if (mutation == null || !NAME.matcher(mutation).matches()) {
			throw new IllegalArgumentException("not a GraphQL mutation name: " + mutation);
		}
		if (bucketType != null && !NAME.matcher(bucketType).matches()) {
			throw new IllegalArgumentException("not a GraphQL type name: " + bucketType);
		}
		if (bucketType != null && bucket == null) {
			throw new IllegalArgumentException(mutation + " needs a bucket");
		}
		if (type != null && !NAME.matcher(type).matches()) {
			throw new IllegalArgumentException("not an IMAGE_TYPE: " + type);
		}
		payload = payload == null ? "url" : payload.strip();
		if (!payload.isEmpty() && !SELECTION.matcher(payload).matches()) {
			throw new IllegalArgumentException("not a GraphQL selection: " + payload);
		}
	}
}
