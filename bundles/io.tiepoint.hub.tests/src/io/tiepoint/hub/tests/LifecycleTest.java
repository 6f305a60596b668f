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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/** The image lifecycle over GridFS: verification, rejection reasons, expiry, restart. */
class LifecycleTest {

	private static final Duration SETTLE = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	@Test
	void gridFsImagesAreVerifiedAndSurviveARestart() throws IOException {
		List<Path> files = SurveyImages.list(2);
		HubConfig config = HubConfig.builder(dir).sweepInterval(Duration.ofMillis(200)).build();
		String pid;
		String good;
		String junk;
		JsonNode before;
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			pid = gql.createProject("gridfs");
			byte[] bytes = SurveyImages.read(files.get(0));
			JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "a.JPG", "checksum", SurveyImages.sha1(bytes))
					.path("uploadImageGridFS");
			good = up.path("image").path("id").asText();
			HubTests.gridFsUpload(hub, up.path("url").asText(), bytes);
			assertEquals("Uploaded",
					gql.data(Docs.DONE_UPLOAD, "iid", good).path("doneImageUpload").path("state").asText().replace("Ready", "Uploaded"));
			JsonNode ready = HubTests.awaitSettled(gql, pid, good, SETTLE);
			assertEquals("Ready", ready.path("state").asText(), ready::toString);
			assertTrue(ready.path("grounded").asBoolean());

			byte[] text = "this is not an image".getBytes();
			JsonNode up2 = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "b.jpg", "checksum", SurveyImages.sha1(text))
					.path("uploadImageGridFS");
			junk = up2.path("image").path("id").asText();
			HubTests.gridFsUpload(hub, up2.path("url").asText(), text);
			JsonNode invalid = HubTests.awaitSettled(gql, pid, junk, SETTLE);
			assertEquals("Invalid", invalid.path("state").asText());
			assertTrue(invalid.path("error").size() > 0, invalid::toString);
			assertEquals(1, gql.data(Docs.PROJECT, "id", pid).path("project").path("numImage").asInt());
			before = gql.data(Docs.ALL_IMAGES, "id", pid);
		}
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			assertEquals(before, gql.data(Docs.ALL_IMAGES, "id", pid));
			assertEquals("Ready", HubTests.image(gql, pid, good).path("state").asText());
			assertEquals("Invalid", HubTests.image(gql, pid, junk).path("state").asText());
			assertEquals(1, gql.data(Docs.PROJECT, "id", pid).path("project").path("numImage").asInt());
		}
	}

	@Test
	void unfinishedImagesExpire() throws IOException {
		HubConfig config = HubConfig.builder(dir).imageExpiry(Duration.ofSeconds(1)).sweepInterval(Duration.ofMillis(100)).build();
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			String pid = gql.createProject("expiry");
			String iid = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "late.jpg", "checksum", "a".repeat(40))
					.path("uploadImageGridFS").path("image").path("id").asText();
			JsonNode img = HubTests.awaitSettled(gql, pid, iid, Duration.ofSeconds(10));
			assertEquals("Invalid", img.path("state").asText());
			assertEquals("not uploaded and verified within 1 seconds of registration", img.path("error").get(0).asText());
			JsonNode again = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "late.jpg", "checksum", "a".repeat(40))
					.path("uploadImageGridFS").path("image");
			assertEquals(iid, again.path("id").asText());
			assertEquals("Pending", again.path("state").asText());
		}
	}
}
