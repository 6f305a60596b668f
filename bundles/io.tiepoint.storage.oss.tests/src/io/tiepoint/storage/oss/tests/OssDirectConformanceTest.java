/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.tests;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.storage.oss.OssStorageProvider;
import io.tiepoint.testing.storage.StorageProviderConformance;

/**
 * The conformance suite on the direct flow ({@code oss://tiepoint/ingest}) against the hub's OSS gateway with a
 * long-lived AccessKey, signature V4; multipart from 1 MiB in parts of 512 KiB, so the suite's large objects go in parts.
 */
public class OssDirectConformanceTest extends StorageProviderConformance {

	private static GatewayFixture fixture;

	static synchronized GatewayFixture fixture() throws Exception {
		if (fixture == null) {
			fixture = new GatewayFixture(Files.createTempDirectory("oss-conformance"), 3600);
		}
		return fixture;
	}

	@AfterAll
	static synchronized void stop() {
		if (fixture != null) {
			fixture.close();
			fixture = null;
		}
	}

	static StorageSession direct(String prefix, Map<String, String> more) throws Exception {
		Map<String, String> s = new java.util.HashMap<>(Map.of("oss.endpoint", fixture().endpoint(), "oss.access.key",
				GatewayFixture.ACCESS, "oss.secret.key", GatewayFixture.SECRET, "oss.multipart.threshold", "1m"));
		s.putAll(more);
		OssStorageProvider p = new OssStorageProvider();
		var target = p.destination(java.net.URI.create("oss://" + GatewayFixture.BUCKET + "/" + prefix), ProviderSettings.of(s));
		Map<String, String> options = new java.util.HashMap<>(target.options());
		options.put("multipart.partSize", "512k");
		return p.open(new io.tiepoint.core.storage.StorageTarget(target.endpoint(), target.bucket(), target.prefix(), options,
				target.secrets()));
	}

	@Override
	protected StorageSession openSession() throws Exception {
		return direct("ingest-" + System.nanoTime(), Map.of());
	}

	@Override
	protected int largeSize() {
		return 3 * 1024 * 1024 + 777;
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
		return "the direct flow signs each request with the user's long-lived AccessKey; the STS's expiry is covered by"
				+ " OssGatewayTest and the platform flow";
	}
}
