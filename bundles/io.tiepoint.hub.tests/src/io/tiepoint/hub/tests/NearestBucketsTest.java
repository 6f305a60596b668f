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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.internal.cloud.RegionTable;

/**
 * {@code getGeoIPInfo.nearestBuckets} lists every bucket the hub takes uploads into, each with its cloud, region
 * and endpoint, ordered for the caller by the hub's region table (seeds 000-002: hints for choosing the edge).
 */
class NearestBucketsTest {

	private static final String GEO = "{ getGeoIPInfo { nearestBuckets { cloud bucket region endpoint } } }";

	@TempDir
	Path dir;

	private static List<String> clouds(Hub hub) {
		List<String> out = new ArrayList<>();
		for (JsonNode b : Gql.of(hub).data(GEO).path("getGeoIPInfo").path("nearestBuckets")) {
			out.add(b.path("cloud").asText() + ":" + b.path("region").asText("-"));
		}
		return out;
	}

	@Test
	void theCallersRegionComesFirst() throws IOException {
		try (Hub plain = Hub.start(HubConfig.builder(dir.resolve("a")).cloudSetting(MemoryCloud.ID, "bucket", "geo-a")
				.cloudSetting(MemoryCloud.ID, "region", "eu-west").build())) {
			assertEquals(List.of("gridfs:-", "oss:-", "memory:eu-west"), clouds(plain), "no table: the hub's order");
		}
		// the tests call from 127.0.0.1
		try (Hub near = Hub.start(HubConfig.builder(dir.resolve("b")).cloudSetting(MemoryCloud.ID, "bucket", "geo-b")
				.cloudSetting(MemoryCloud.ID, "region", "eu-west").regions("10.0.0.0/8=hub; 127.0.0.0/8=eu-west").build())) {
			assertEquals(List.of("memory:eu-west", "gridfs:-", "oss:-"), clouds(near), "the caller's region first");
		}
		try (Hub own = Hub.start(HubConfig.builder(dir.resolve("c")).cloudSetting(MemoryCloud.ID, "bucket", "geo-c")
				.cloudSetting(MemoryCloud.ID, "region", "eu-west").regions("127.0.0.1/32=hub;0.0.0.0/0=eu-west").build())) {
			assertEquals(List.of("gridfs:-", "oss:-", "memory:eu-west"), clouds(own), "the hub's own storage first");
		}
	}

	@Test
	void theTableIsReadAsCidrEqualsRegion() {
		RegionTable t = RegionTable.parse("10.1.0.0/16=cn-hangzhou; 10.0.0.0/8=cn-beijing; ::1/128=hub; 0.0.0.0/0=us-east-1");
		assertEquals("cn-hangzhou", t.regionOf("10.1.2.3"));
		assertEquals("cn-beijing", t.regionOf("10.2.0.1"));
		assertEquals("us-east-1", t.regionOf("192.0.2.7"));
		assertEquals("hub", t.regionOf("::1"));
		assertEquals(null, t.regionOf("2001:db8::1"), "no IPv6 entry holds it");
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RegionTable.parse("10.0.0.0=x"));
		assertTrue(bad.getMessage().contains("'10.0.0.0=x'"), bad.getMessage());
		assertThrows(IllegalArgumentException.class, () -> RegionTable.parse("10.0.0.0/33=x"));
	}

	@Test
	void aHubWithABadTableDoesNotStart() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> Hub.start(HubConfig.builder(dir.resolve("d")).regions("everyone=us").build()).close());
		assertTrue(e.getMessage().contains("everyone=us"), e.getMessage());
	}
}
