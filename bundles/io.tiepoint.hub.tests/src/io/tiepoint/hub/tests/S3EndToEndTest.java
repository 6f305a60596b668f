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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.S3Settings;
import io.tiepoint.testing.s3.S3ProxyProcess;

/**
 * End to end against S3Proxy (real S3 protocol, out of process) and the embedded MongoDB: register,
 * presigned PUT with a plain HTTP client, verification, a wrong upload, re-upload onto Invalid, and a
 * restart that keeps everything.
 */
class S3EndToEndTest {

	private static final String BUCKET = "tiepoint-e2e";
	private static final Duration SETTLE = Duration.ofSeconds(60);
	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	@Test
	void uploadVerifyRejectReuploadAndRestart() throws Exception {
		List<Path> files = SurveyImages.list(6);
		try (S3ProxyProcess s3 = S3ProxyProcess.start(dir.resolve("s3"))) {
			HubConfig config = HubConfig.builder(dir.resolve("hub"))
					.s3(new S3Settings(s3.endpoint(), BUCKET, s3.region(), s3.accessKey(), s3.secretKey()))
					.sweepInterval(Duration.ofMillis(200)).build();
			String pid;
			List<String> ids = new ArrayList<>();
			JsonNode before;
			String key;
			try (Hub hub = Hub.start(config)) {
				key = hub.appKey();
				Gql gql = Gql.of(hub);
				assertEquals("[\"s3\",\"gridfs\",\"oss\"]",
						gql.data(Docs.SUPPORTED_CLOUD).path("support").path("supportedCloud").toString());
				JsonNode nearest = gql.data(Docs.GEO).path("getGeoIPInfo").path("nearestBuckets").get(0);
				assertEquals("s3", nearest.path("cloud").asText());
				assertEquals(BUCKET, nearest.path("bucket").asText());
				pid = gql.createProject("survey");
				assertTrue(gql.error(Docs.UPLOAD_S3, "pid", pid, "bucket", "other", "filename", "a.jpg", "checksum", sha(files.get(0)))
						.contains("bucket"));

				double gigaPixel = 0;
				for (Path f : files.subList(0, 5)) {
					byte[] bytes = SurveyImages.read(f);
					assertTrue(gql.data(Docs.HAS_IMAGE, "pid", pid, "checksum", SurveyImages.sha1(bytes)).path("hasImage").isNull());
					JsonNode up = register(gql, pid, f.getFileName().toString(), SurveyImages.sha1(bytes));
					String iid = up.path("image").path("id").asText();
					ids.add(iid);
					assertEquals("Uploading", gql.data(Docs.START_UPLOAD, "iid", iid).path("startImageUpload").path("state").asText());
					assertEquals(200, put(up.path("url").asText(), "image/jpeg", bytes));
					if (ids.size() == 1) { // clients may still call done for S3
						String state = gql.data(Docs.DONE_UPLOAD, "iid", iid).path("doneImageUpload").path("state").asText();
						assertTrue(List.of("Uploaded", "Ready").contains(state), state);
					}
				}
				// the signature binds the key: another key under the same project is refused
				String signed = register(gql, pid, "bound.jpg", SurveyImages.sha1(new byte[] { 2 })).path("url").asText();
				String moved = signed.replaceFirst(pid + "/[0-9a-f]{24}\\.jpg", pid + "/elsewhere.jpg");
				assertTrue(!moved.equals(signed) && put(moved, "image/jpeg", new byte[] { 2 }) >= 400, moved);
				// a PUT with another Content-Type than signed is refused
				JsonNode spare = register(gql, pid, "spare.jpg", SurveyImages.sha1(new byte[] { 1 }));
				assertTrue(put(spare.path("url").asText(), "application/octet-stream", new byte[] { 1 }) >= 400);

				// wrong bytes: registered with the sixth image's checksum, the first image's bytes sent
				byte[] sixth = SurveyImages.read(files.get(5));
				byte[] first = SurveyImages.read(files.get(0));
				JsonNode wrong = register(gql, pid, files.get(5).getFileName().toString(), SurveyImages.sha1(sixth));
				String wrongId = wrong.path("image").path("id").asText();
				assertEquals(200, put(wrong.path("url").asText(), "image/jpeg", first));

				for (String iid : ids) {
					JsonNode img = HubTests.awaitSettled(gql, pid, iid, SETTLE);
					assertEquals("Ready", img.path("state").asText(), img::toString);
					assertTrue(img.path("width").asInt() > 0 && img.path("height").asInt() > 0, img::toString);
					gigaPixel += img.path("width").asDouble() * img.path("height").asDouble() / 1e9;
				}
				JsonNode invalid = HubTests.awaitSettled(gql, pid, wrongId, SETTLE);
				assertEquals("Invalid", invalid.path("state").asText());
				assertEquals("checksum mismatch: registered " + SurveyImages.sha1(sixth) + ", stored " + SurveyImages.sha1(first),
						invalid.path("error").get(0).asText());

				JsonNode project = gql.data(Docs.PROJECT, "id", pid).path("project");
				assertEquals(5, project.path("numImage").asInt());
				assertEquals(gigaPixel, project.path("gigaPixel").asDouble(), 1e-9);
				assertEquals(pid + "/", project.path("cloudPath").get(0).path("key").asText());

				// re-upload onto the Invalid image: same image, Pending again, then Ready
				JsonNode again = register(gql, pid, files.get(5).getFileName().toString(), SurveyImages.sha1(sixth));
				assertEquals(wrongId, again.path("image").path("id").asText());
				assertEquals("Pending", again.path("image").path("state").asText());
				assertEquals(200, put(again.path("url").asText(), "image/jpeg", sixth));
				assertEquals("Ready", HubTests.awaitSettled(gql, pid, wrongId, SETTLE).path("state").asText());
				ids.add(wrongId);
				assertEquals(6, gql.data(Docs.PROJECT, "id", pid).path("project").path("numImage").asInt());
				assertEquals("Ready", gql.data(Docs.DONE_UPLOAD, "iid", wrongId).path("doneImageUpload").path("state").asText());

				// a Ready S3 image has a working download URL
				JsonNode node = gql.data(Docs.ALL_IMAGES, "id", pid, "first", 1).path("project").path("allImages").path("edges").get(0)
						.path("node");
				HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(node.path("url").asText())).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				assertArrayEquals(first, got.body());
				before = snapshot(gql, pid);
			}
			try (Hub hub = Hub.start(config)) {
				assertEquals(key, hub.appKey());
				Gql gql = Gql.of(hub);
				assertEquals(before, snapshot(gql, pid));
				assertEquals(8, gql.data(Docs.ALL_IMAGES, "id", pid).path("project").path("allImages").path("totalCount").asInt());
			}
		}
	}

	private static String sha(Path f) {
		return SurveyImages.sha1(SurveyImages.read(f));
	}

	private static JsonNode register(Gql gql, String pid, String name, String sum) {
		JsonNode up = gql.data(Docs.UPLOAD_S3, "pid", pid, "bucket", BUCKET, "filename", name, "type", "JPEG", "checksum", sum)
				.path("uploadImageS3");
		assertTrue(up.path("url").asText().contains(pid + "/" + up.path("image").path("filename").asText()), up::toString);
		assertTrue(up.path("url").asText().contains("X-Amz-Expires=10800"), up::toString);
		return up;
	}

	private int put(String url, String contentType, byte[] bytes) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
				.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static JsonNode snapshot(Gql gql, String pid) {
		JsonNode all = gql.data(
				"query ($id: ID!) { project(id: $id) { id name numImage gigaPixel taskState date cloudPath { cloud bucket key } "
						+ "allImages { totalCount edges { node { id name filename state error checksum size width height } } } } }",
				"id", pid);
		return all;
	}
}
