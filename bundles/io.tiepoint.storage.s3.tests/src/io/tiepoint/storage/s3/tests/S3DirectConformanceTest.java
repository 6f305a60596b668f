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

import java.util.Map;
import java.util.Set;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.storage.s3.S3StorageProvider;
import io.tiepoint.testing.storage.StorageProviderConformance;

/**
 * The conformance suite on the direct flow against S3Proxy: a fresh bucket per test, prefix
 * {@code ingest/}, multipart from 8 MiB in 5 MiB parts (S3 and S3Proxy refuse smaller parts but the
 * last), so the suite's large objects (12 MiB) go in three parts.
 */
public class S3DirectConformanceTest extends StorageProviderConformance {

	/** Options of the direct sessions. */
	static final Map<String, String> OPTIONS = Map.of("multipart.threshold", "8m", "multipart.partSize", "5m");

	@Override
	protected StorageSession openSession() throws Exception {
		return new S3StorageProvider().open(S3Fixture.direct(S3Fixture.freshBucket(), "ingest", OPTIONS));
	}

	@Override
	protected int largeSize() {
		return 12 * 1024 * 1024 + 777;
	}

	@Override
	protected StorageObject object(String key, byte[] bytes) {
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", null, null);
	}

	@Override
	protected Set<Capability> optOuts() {
		return Set.of();
	}

	@Override
	protected boolean expires() {
		return false;
	}

	@Override
	protected String noExpiryReason() {
		return "the direct flow signs each request with the user's long-lived keys; presigned URL expiry is"
				+ " covered by S3PresignedConformanceTest";
	}
}
