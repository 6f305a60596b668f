/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubImage;
import io.tiepoint.hub.spi.UploadTarget;

/**
 * Aliyun OSS as the seeds describe it ({@code uploadImageOSS}): registration hands out an STS
 * ({@code sts { id secret token bucket endpoint expire }}, {@code expire} as {@code 2006-01-02T15:04:05Z}) that may
 * only write under {@code ${pid}/} of the bucket, valid an hour (a setting); the client puts the object to
 * {@code ${pid}/${image.filename}} and calls {@code doneImageUpload}, which asks the store whether it is there. The
 * STS is the project's, not the image's ({@link HubCloud.ProjectTargets}): the official clients' refresh gets one
 * without registering an image, and a registration asking only for {@code image} gets none. Two backends: the hub's
 * own gateway (the default) or a team's real OSS bucket with STS from Aliyun's AssumeRole.
 */
public final class OssCloud implements HubCloud, HubCloud.ProjectTargets {

	/** The cloud's id. */
	public static final String ID = "oss";

	/** Where the bytes are and who mints the STS. */
	public interface Backend extends AutoCloseable {
		/** @return the buckets, the first the default */
		List<String> buckets();

		/**
		 * @param projectId the project
		 * @param bucket    the bucket
		 * @return an STS that may only write under {@code projectId/} of the bucket
		 * @throws IOException when it cannot be minted
		 */
		Sts mint(String projectId, String bucket) throws IOException;

		/** @param bucket a bucket @param key a key @return the stored size, when there @throws IOException on failure */
		OptionalLong stored(String bucket, String key) throws IOException;

		/** @param bucket a bucket @param key a key @return its bytes @throws IOException on failure */
		InputStream open(String bucket, String key) throws IOException;

		/** @param bucket a bucket @param key a key @throws IOException on failure */
		void delete(String bucket, String key) throws IOException;

		@Override
		default void close() {
		}
	}

	/** An STS as clients get it. */
	public record Sts(String id, String secret, String token, String bucket, String endpoint, Instant expire) {
		@Override
		public String toString() {
			return "Sts[" + id + ", " + bucket + " at " + endpoint + ", expires " + expire + "]";
		}
	}

	private final Backend backend;
	private final AtomicLong minted = new AtomicLong();

	/** @param backend the store and the STS's issuer */
	public OssCloud(Backend backend) {
		this.backend = backend;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String mutation() {
		return "uploadImageOSS";
	}

	@Override
	public List<String> buckets() {
		return backend.buckets();
	}

	@Override
	public UploadTarget register(HubImage image) throws IOException {
		return grant(image.projectId(), image.bucket());
	}

	@Override
	public UploadTarget grant(String projectId, String bucket) throws IOException {
		Sts s = backend.mint(projectId, bucket);
		minted.incrementAndGet();
		Map<String, Object> sts = new LinkedHashMap<>();
		sts.put("id", s.id());
		sts.put("secret", s.secret());
		sts.put("token", s.token());
		sts.put("bucket", s.bucket());
		sts.put("endpoint", s.endpoint());
		sts.put("expire", DateTimeFormatter.ISO_INSTANT.format(s.expire().truncatedTo(ChronoUnit.SECONDS)));
		return new UploadTarget(Map.of("sts", sts));
	}

	/** @return how many STS this cloud handed out since the hub started */
	public long minted() {
		return minted.get();
	}

	@Override
	public OptionalLong stored(HubImage image) throws IOException {
		return backend.stored(image.bucket(), image.key());
	}

	@Override
	public InputStream open(HubImage image) throws IOException {
		return backend.open(image.bucket(), image.key());
	}

	@Override
	public void delete(HubImage image) throws IOException {
		backend.delete(image.bucket(), image.key());
	}

	@Override
	public void close() {
		try {
			backend.close();
		} catch (Exception e) {
			// nothing held that matters
		}
	}
}
