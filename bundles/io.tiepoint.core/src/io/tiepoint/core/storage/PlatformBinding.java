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

import java.util.Objects;

/**
 * How a provider serves the platform flow: the hub registers an image for the cloud and hands out a
 * target (a presigned URL, STS credentials, a resumable upload URL) that the provider sends to. Declared by
 * the provider's extension, so that the ingest engine needs no knowledge of any cloud.
 *
 * @param cloud      the platform's cloud name, e.g. {@code s3} (as {@code nearestBuckets} and
 *                   {@code support.supportedCloud} name it)
 * @param mutation   the GraphQL mutation that registers an image, e.g. {@code uploadImageS3}
 * @param bucketType the GraphQL type of the mutation's {@code bucket} argument, e.g. {@code BucketS3} (the
 *                   bucket is asked with {@code nearestBuckets}), or null when it takes none
 * @param payload    the GraphQL selection asked for beside {@code image}, e.g. {@code url}; its scalar
 *                   fields reach the provider as {@link StorageObject#grant()} (nested fields as
 *                   {@code sts.id})
 * @param results    whether the provider also fetches the platform's task results (the files a reconstruction
 *                   produced, served by the hub's resource service)
 * @param expires    the payload field holding the instant its grant expires (e.g. {@code sts.expire}), when the grant
 *                   is temporary credentials shared by the project's images: asked for once, reused while valid, renewed
 *                   before it expires; null when every registration asks for the payload
 */
public record PlatformBinding(String cloud, String mutation, String bucketType, String payload, boolean results,
		String expires) {

	/** Checks the parts. */
	public PlatformBinding {
		Objects.requireNonNull(cloud, "cloud");
		Objects.requireNonNull(mutation, "mutation");
		payload = payload == null || payload.isBlank() ? "url" : payload.strip();
		bucketType = bucketType == null || bucketType.isBlank() ? null : bucketType.strip();
		expires = expires == null || expires.isBlank() ? null : expires.strip();
	}

	/**
	 * A binding whose payload is asked at every registration.
	 *
	 * @param cloud      the platform's cloud name
	 * @param mutation   the registering mutation
	 * @param bucketType the type of its bucket argument, or null
	 * @param payload    the selection beside {@code image}
	 * @param results    whether the provider fetches task results
	 */
	public PlatformBinding(String cloud, String mutation, String bucketType, String payload, boolean results) {
		this(cloud, mutation, bucketType, payload, results, null);
	}

	/** @return whether the payload is a grant shared by the project's images until its {@link #expires()} field */
	public boolean sharedGrant() {
		return expires != null;
	}

	/** @return whether the mutation takes a bucket */
	public boolean buckets() {
		return bucketType != null;
	}
}
