/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.tests;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.storage.s3.S3StorageProvider;
import io.tiepoint.testing.storage.StorageProviderConformance;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The conformance suite on the platform flow: the session has no credentials; each object carries a PUT
 * URL presigned by the test with the SDK's {@code S3Presigner} (3 hours, Content-Type
 * {@code image/jpeg}), as the hub's {@code uploadImageS3} hands out. Expiry: a URL presigned for one
 * second, used after two.
 */
public class S3PresignedConformanceTest extends StorageProviderConformance {

	private static final String CONTENT_TYPE = "image/jpeg";
	private String bucket;

	@Override
	protected StorageSession openSession() throws Exception {
		bucket = S3Fixture.freshBucket();
		return new S3StorageProvider().open(new StorageTarget(null, null, null, Map.of(), Map.of()));
	}

	@Override
	protected StorageObject object(String key, byte[] bytes) throws Exception {
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, CONTENT_TYPE,
				presign(key, Duration.ofHours(3)), Instant.now().plus(Duration.ofHours(3)));
	}

	@Override
	protected StorageObject expiredObject(String key, byte[] bytes) throws Exception {
		URI url = presign(key, Duration.ofSeconds(1));
		Thread.sleep(2100);
		// no urlExpires: the store itself must refuse the URL
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, CONTENT_TYPE, url, null);
	}

	@Override
	protected Set<Capability> optOuts() {
		return Set.of();
	}

	@Override
	protected Optional<byte[]> readBack(StorageSession session, String key) throws Exception {
		try {
			return Optional.of(S3Fixture.admin().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
		} catch (NoSuchKeyException e) {
			return Optional.empty();
		}
	}

	private URI presign(String key, Duration validity) throws Exception {
		return URI.create(S3Fixture.presigner().presignPutObject(r -> r.signatureDuration(validity)
				.putObjectRequest(p -> p.bucket(bucket).key(key).contentType(CONTENT_TYPE))).url().toString());
	}
}
