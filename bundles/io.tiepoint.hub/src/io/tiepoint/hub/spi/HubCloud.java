/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A platform cloud of the hub: where the bytes of the images registered through one GraphQL mutation
 * ({@code uploadImageS3}, {@code uploadImageGridFS}, ...) are kept. The hub owns the image lifecycle
 * (registration per checksum, states, verification, expiry); a cloud only says where an image goes, whether
 * its bytes arrived, and hands them back.
 * <p>
 * Created at hub start by the {@link HubCloudFactory} contributed to {@code io.tiepoint.hub.clouds}, closed
 * when the hub closes. Called concurrently by request, verification and sweeper threads. Implementations
 * map their SDK's errors to {@link IOException}; no SDK type appears in this interface.
 * <p>
 * Optional behaviours are feature interfaces the cloud implements as well ({@link Swept}, {@link Hosted},
 * {@link Downloads}); the hub asks with {@link #feature(Class)}, never by the cloud's id.
 */
public interface HubCloud extends AutoCloseable {

	/**
	 * @return the cloud's id, equal to the contribution's {@code id}: the {@code cloud} of
	 *         {@code getGeoIPInfo.nearestBuckets}, of {@code support.supportedCloud} and of
	 *         {@code ProjectImage.cloud}, recorded with every image registered to it
	 */
	String id();

	/**
	 * @return the mutation this cloud serves, an {@code uploadImage*} mutation of the hub's schema whose payload
	 *         type has an {@code image} field, e.g. {@code uploadImageS3}
	 */
	String mutation();

	/**
	 * @return the buckets clients may name, never empty; the first is used when a client names none and is
	 *         listed first
	 */
	List<String> buckets();

	/**
	 * Hands out where the bytes of a waiting image go. Called at every registration call for an image that
	 * still needs its bytes (a client asking again gets a fresh target), never for one that has them.
	 *
	 * @param image the registered image
	 * @return the fields of the mutation's payload beside {@code image}
	 * @throws IOException when the store cannot be asked (the client is told to try again)
	 */
	UploadTarget register(HubImage image) throws IOException;

	/**
	 * @param image a registered image
	 * @return the stored size when the bytes are there
	 * @throws IOException when the store cannot be asked
	 */
	OptionalLong stored(HubImage image) throws IOException;

	/**
	 * @param image an image whose bytes are stored
	 * @return a stream over them (verification, reconstruction); the caller closes it
	 * @throws IOException when they cannot be read
	 */
	InputStream open(HubImage image) throws IOException;

	/**
	 * Removes the stored bytes, if any.
	 *
	 * @param image a removed image, or one registered again after it was found Invalid
	 * @throws IOException when the store refuses
	 */
	void delete(HubImage image) throws IOException;

	/**
	 * @return the region its buckets are in (e.g. {@code us-east-1}, {@code cn-hangzhou}), by which
	 *         {@code nearestBuckets} is ordered for a caller (the hub's region table); null (the default) for the hub's
	 *         own storage
	 */
	default String region() {
		return null;
	}

	/**
	 * @return the endpoint clients send the bytes to, listed by {@code nearestBuckets}; null (the default) when it is
	 *         the hub itself
	 */
	default String endpoint() {
		return null;
	}

	/**
	 * @param <T>  a feature interface
	 * @param type the feature
	 * @return this cloud as that feature, when it has it
	 */
	default <T> Optional<T> feature(Class<T> type) {
		return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
	}

	/** Releases the cloud's clients; the default has none. */
	@Override
	default void close() {
		// nothing held
	}

	/**
	 * Feature: the bytes arrive behind the hub's back (a presigned PUT straight to the store) and clients need
	 * not call {@code doneImageUpload}, so the hub's sweeper asks {@link HubCloud#stored(HubImage)} for every
	 * waiting image of this cloud each period.
	 */
	interface Swept {
	}

	/**
	 * Feature: the bytes are uploaded to the hub itself (its resource service) and kept by it. The hub gives
	 * every image registered to the cloud a secret {@link HubImage#uploadToken()} for the cloud's upload URL;
	 * the resource service finds the image by it, reports the arrival with the stored file's
	 * {@link HubImage#location()}, and such an image is {@code grounded} once stored.
	 */
	interface Hosted {
	}

	/**
	 * Feature: the payload does not depend on the image (temporary credentials for the project's prefix, as OSS's
	 * STS): a client asking for the payload alone and naming no checksum (the official clients' refresh, with a random
	 * file name) gets it without an image being registered, and a registration that does not ask for the payload is
	 * not given one.
	 */
	interface ProjectTargets {

		/**
		 * @param projectId the project, owned by the caller
		 * @param bucket    one of {@link HubCloud#buckets()}
		 * @return the payload's fields beside {@code image}
		 * @throws IOException when the store or its credential service cannot be asked
		 */
		UploadTarget grant(String projectId, String bucket) throws IOException;
	}

	/** Feature: Ready images can be downloaded by clients with a link ({@code ProjectImage.url}). */
	interface Downloads {

		/**
		 * @param image a Ready image
		 * @return a link valid for a while, or empty when none can be made
		 */
		Optional<String> downloadUrl(HubImage image);
	}
}
