/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.S3Settings;

/** Clouds' settings in the hub configuration, and the S3 settings of before as {@code cloud.s3.*}. */
class HubConfigTest {

	private static final S3Settings S3 = new S3Settings(URI.create("http://127.0.0.1:9000"), "photos", "eu-west-1",
			"AKIA", "hush", Duration.ofMinutes(30));

	@Test
	void s3SettingsAreTheS3CloudsSettings() {
		HubConfig c = HubConfig.builder(Path.of("d")).s3(S3).cloudSetting("memory", "bucket", "m").build();
		assertEquals(S3, c.s3());
		assertEquals(Map.of("endpoint", "http://127.0.0.1:9000", "bucket", "photos", "region", "eu-west-1",
				"access.key", "AKIA", "secret.key", "hush", "put.validity", "PT30M"), c.cloudSettings("s3"));
		assertEquals(Map.of("bucket", "m"), c.cloudSettings("memory"));
		assertEquals(Map.of(), c.cloudSettings("oss"));
		assertNull(HubConfig.builder(Path.of("d")).s3(S3).s3(null).build().s3(), "s3(null) removes them");
		assertEquals(S3Settings.PUT_VALIDITY, HubConfig.builder(Path.of("d")).cloudSetting("s3", "endpoint", "http://h:1")
				.cloudSetting("s3", "bucket", "b").cloudSetting("s3", "access.key", "a").cloudSetting("s3", "secret.key", "s")
				.build().s3().putValidity());
		IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
				() -> S3Settings.fromSettings(Map.of("endpoint", "http://h:1", "bucket", "b", "access.key", "a")));
		assertEquals("secret.key is missing", missing.getMessage());
	}

	@Test
	@SuppressWarnings("deprecation")
	void theConstructorOfBeforeStillTakesS3Settings() {
		HubConfig c = new HubConfig(Path.of("d"), "127.0.0.1", 0, null, S3, Duration.ofMinutes(65), Duration.ofSeconds(5), 1,
				null, List.of(), line -> {
				}, null, null);
		assertEquals(S3, c.s3());
		assertEquals("photos", c.cloudSettings().get("cloud.s3.bucket"));
	}

	@Test
	void secretsAreMaskedAndKeysChecked() {
		String text = HubConfig.builder(Path.of("d")).s3(S3).mongoUri("mongodb://u:pw@db:27017").build().toString();
		assertFalse(text.contains("hush") || text.contains("AKIA") || text.contains("pw@"), text);
		assertTrue(text.contains("cloud.s3.bucket=photos"), text);
		assertThrows(IllegalArgumentException.class,
				() -> HubConfig.builder(Path.of("d")).cloudSetting("S3 cloud", "bucket", "b").build());
	}
}
