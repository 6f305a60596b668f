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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/**
 * A cloud contributed from outside the hub's code ({@link MemoryCloud}, by this fragment's
 * {@code fragment.xml}) is served with no edit to the GraphQL wiring, the image service or the access rules:
 * listed, registered through its mutation, started, done, verified to Ready, removed, swept when it says so.
 */
class CloudPluginTest {

	private static final Duration SETTLE = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	private static byte[] jpeg(int width, int height) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static JsonNode register(Gql gql, String pid, String bucket, String name, byte[] bytes) {
		return gql.data(Docs.UPLOAD_MINIO, "pid", pid, "bucket", bucket, "filename", name, "type", "JPEG", "checksum",
				SurveyImages.sha1(bytes)).path("uploadImageMinio");
	}

	@Test
	void aContributedCloudIsListedRegisteredVerifiedAndRemoved() throws IOException {
		HubConfig config = HubConfig.builder(dir).cloudSetting(MemoryCloud.ID, "bucket", "mem-a")
				.sweepInterval(Duration.ofMillis(100)).build();
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			MemoryCloud cloud = MemoryCloud.named("mem-a");
			List<String> clouds = List.of(gql.data(Docs.SUPPORTED_CLOUD).path("support").path("supportedCloud").toString());
			assertEquals("[\"gridfs\",\"oss\",\"memory\"]", clouds.get(0), "the hub's own first, then the contributed one");
			JsonNode buckets = gql.data(Docs.GEO).path("getGeoIPInfo").path("nearestBuckets");
			assertEquals("{\"cloud\":\"memory\",\"bucket\":\"mem-a\"}", buckets.get(2).toString(), buckets::toString);

			String pid = gql.createProject("plugged");
			byte[] bytes = jpeg(64, 48);
			assertTrue(gql.error(Docs.UPLOAD_MINIO, "pid", pid, "bucket", "other", "filename", "a.jpg", "checksum",
					SurveyImages.sha1(bytes)).contains("bucket other is not served"));
			JsonNode up = register(gql, pid, "mem-a", "a.jpg", bytes);
			String iid = up.path("image").path("id").asText();
			assertEquals("Pending", up.path("image").path("state").asText());
			assertEquals("memory://mem-a/" + pid + "/" + up.path("image").path("filename").asText(), up.path("url").asText());
			assertEquals("memory", HubTests.image(gql, pid, iid).path("cloud").asText());
			assertEquals("Uploading", gql.data(Docs.START_UPLOAD, "iid", iid).path("startImageUpload").path("state").asText());
			assertTrue(gql.error(Docs.DONE_UPLOAD, "iid", iid).contains("no uploaded object"), "not swept: done asks the cloud");

			cloud.put(up.path("url").asText(), bytes);
			String done = gql.data(Docs.DONE_UPLOAD, "iid", iid).path("doneImageUpload").path("state").asText();
			assertTrue(List.of("Uploaded", "Ready").contains(done), done);
			JsonNode ready = HubTests.awaitSettled(gql, pid, iid, SETTLE);
			assertEquals("Ready", ready.path("state").asText(), ready::toString);
			assertEquals(64, ready.path("width").asInt());
			assertEquals(bytes.length, ready.path("size").asLong());
			assertFalse(ready.path("grounded").asBoolean(), "not hosted by the hub");
			JsonNode node = gql.data(Docs.ALL_IMAGES, "id", pid).path("project").path("allImages").path("edges").get(0).path("node");
			assertTrue(node.path("url").isNull(), "no download links: " + node);
			assertEquals(1, gql.data(Docs.PROJECT, "id", pid).path("project").path("numImage").asInt());

			JsonNode again = register(gql, pid, "mem-a", "a.jpg", bytes);
			assertEquals(iid, again.path("image").path("id").asText());
			assertTrue(again.path("url").isNull(), "a Ready image needs no upload: " + again);

			// the GridFS and unserved (S3: not configured here) mutations answer as before
			assertEquals("CLOUD_NOT_SUPPORTED", gql.call(Docs.UPLOAD_S3, "pid", pid, "bucket", "b", "filename", "x.jpg")
					.path("errors").get(0).path("extensions").path("code").asText());
			assertTrue(gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "g.jpg").path("uploadImageGridFS").path("url")
					.asText().startsWith(hub.uri() + "Resource/Upload?uid="));

			assertEquals(1, gql.data("mutation ($pid: ID!, $ids: [ID!]!) { removeImages(pid: $pid, ids: $ids) }", "pid", pid,
					"ids", List.of(iid)).path("removeImages").asInt());
			assertEquals(1, cloud.deleted.get(), "the stored object is removed with the image");
			assertTrue(cloud.keys().isEmpty());
		}
	}

	/**
	 * A client whose cloud went away after the bytes arrived (the hub cannot verify them) registers the image
	 * again on another cloud: the newest registration wins, and the image is verified there.
	 */
	@Test
	void anImageStuckOnACloudThatWentAwayIsRegisteredAgainOnAnother() throws IOException {
		HubConfig config = HubConfig.builder(dir).cloudSetting(MemoryCloud.ID, "bucket", "mem-c")
				.sweepInterval(Duration.ofMillis(100)).build();
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			MemoryCloud cloud = MemoryCloud.named("mem-c");
			String pid = gql.createProject("moved");
			byte[] bytes = jpeg(40, 30);
			JsonNode up = register(gql, pid, "mem-c", "c.jpg", bytes);
			String iid = up.path("image").path("id").asText();
			cloud.put(up.path("url").asText(), bytes);
			cloud.down = true;
			assertEquals("Uploaded", gql.data(Docs.DONE_UPLOAD, "iid", iid).path("doneImageUpload").path("state").asText());
			assertEquals("Uploaded", HubTests.image(gql, pid, iid).path("state").asText(), "cannot be verified there");

			JsonNode again = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "c.jpg", "checksum",
					SurveyImages.sha1(bytes)).path("uploadImageGridFS");
			assertEquals(iid, again.path("image").path("id").asText(), "the same image");
			assertEquals("Pending", again.path("image").path("state").asText(), "registered anew");
			assertEquals("gridfs", HubTests.image(gql, pid, iid).path("cloud").asText());
			HubTests.gridFsUpload(hub, again.path("url").asText(), bytes);
			assertEquals("Ready", HubTests.awaitSettled(gql, pid, iid, SETTLE).path("state").asText());
			assertEquals("gridfs", HubTests.image(gql, pid, iid).path("cloud").asText());
		}
	}

	@Test
	void aSweptCloudNeedsNoDoneAndInvalidBytesAreReplaced() throws IOException {
		HubConfig config = HubConfig.builder(dir).cloudSetting(MemoryCloud.ID, "bucket", "mem-b")
				.cloudSetting(MemoryCloud.ID, "swept", "true").sweepInterval(Duration.ofMillis(100)).build();
		MemoryCloud cloud;
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			cloud = MemoryCloud.named("mem-b");
			String pid = gql.createProject("swept");
			byte[] bytes = jpeg(32, 32);
			JsonNode up = register(gql, pid, "mem-b", "b.jpg", bytes);
			String iid = up.path("image").path("id").asText();
			cloud.put(up.path("url").asText(), "not an image".getBytes(StandardCharsets.US_ASCII));
			JsonNode invalid = HubTests.awaitSettled(gql, pid, iid, SETTLE);
			assertEquals("Invalid", invalid.path("state").asText(), "noticed by the sweeper, no done: " + invalid);

			JsonNode again = register(gql, pid, "mem-b", "b.jpg", bytes);
			assertEquals("Pending", again.path("image").path("state").asText());
			assertEquals(1, cloud.deleted.get(), "the Invalid object is dropped when the image is registered again");
			cloud.put(again.path("url").asText(), bytes);
			assertEquals("Ready", HubTests.awaitSettled(gql, pid, iid, SETTLE).path("state").asText());
			assertEquals(2, cloud.registered.get());
		}
		assertEquals(1, cloud.closed.get(), "closed with the hub");
	}

	@Test
	void withoutSettingsTheContributionDeclines() throws IOException {
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			Gql gql = Gql.of(hub);
			assertEquals("[\"gridfs\",\"oss\"]", gql.data(Docs.SUPPORTED_CLOUD).path("support").path("supportedCloud").toString());
			String pid = gql.createProject("declined");
			assertEquals("cloud minio is not served by this hub; see support.supportedCloud",
					gql.error(Docs.UPLOAD_MINIO, "pid", pid, "bucket", "mem", "filename", "x.jpg"));
			assertEquals("cloud s3 is not configured on this hub", gql.error(Docs.UPLOAD_S3, "pid", pid, "bucket", "b",
					"filename", "x.jpg"), "the answer of before: the S3 contribution declined");
		}
	}
}
