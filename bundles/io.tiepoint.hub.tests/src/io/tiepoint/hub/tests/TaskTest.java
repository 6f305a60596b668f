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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/** Reconstruction tasks with a tiny real engine: error codes, preStart, progress, stop, failure. */
class TaskTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	@Test
	void errorCodesPreStartProgressAndManifest() throws IOException {
		List<Path> files = SurveyImages.list(3);
		try (Hub hub = Hub.start(HubConfig.builder(dir).sweepInterval(Duration.ofMillis(200))
				.engine(new ManifestEngine()).build())) {
			Gql gql = Gql.of(hub);
			String pid = gql.createProject("tasks");
			assertEquals("NO_IMAGES", start(gql, pid, "Reconstruction").path("error").path("code").asText());
			assertEquals("NO_ENGINE", start(gql, pid, "Mesh").path("error").path("code").asText());
			assertEquals("NO_IMAGES",
					gql.data(Docs.PRE_START, "id", pid).path("preStartReconstruction").path("error").path("code").asText());
			List<String[]> uploads = new ArrayList<>();
			for (Path f : files) {
				byte[] bytes = SurveyImages.read(f);
				JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", f.getFileName().toString(), "checksum",
						SurveyImages.sha1(bytes)).path("uploadImageGridFS");
				uploads.add(new String[] { up.path("url").asText(), f.toString(), SurveyImages.sha1(bytes) });
			}
			// registered, no bytes yet: nothing is Ready, and Pending images do not hold a start up
			JsonNode notReady = start(gql, pid, null);
			assertEquals("NO_IMAGES", notReady.path("error").path("code").asText());
			assertTrue(notReady.path("task").isNull());

			JsonNode pre = gql.data(Docs.PRE_START, "id", pid, "taskType", "Reconstruction").path("preStartReconstruction");
			assertTrue(pre.path("error").isNull(), pre::toString);
			assertEquals("Pending", pre.path("task").path("state").asText());
			assertEquals("Pending", pre.path("project").path("taskState").asText());
			assertEquals("ALREADY_RUNNING", start(gql, pid, null).path("error").path("code").asText());
			for (String[] u : uploads) {
				HubTests.gridFsUpload(hub, u[0], SurveyImages.read(Path.of(u[1])));
			}
			JsonNode task = awaitTask(gql, pid, "Done");
			assertEquals(3, task.path("step").asInt());
			assertEquals(3, task.path("totalSteps").asInt());
			assertEquals(0, task.path("queueing").asInt());
			assertTrue(task.path("startDate").asText().endsWith("Z") && task.path("endDate").asText().endsWith("Z"));
			assertEquals("Done", gql.data(Docs.TASK, "id", pid).path("project").path("taskState").asText());
			String manifest = Files.readString(dir.resolve("tasks").resolve(task.path("id").asText()).resolve("manifest.txt"));
			for (String[] u : uploads) {
				assertTrue(manifest.contains(u[2] + " " + Path.of(u[1]).getFileName()), manifest);
			}

			JsonNode again = start(gql, pid, "Sparse");
			assertTrue(again.path("error").isNull(), again::toString);
			assertEquals("Sparse", again.path("task").path("taskType").asText());
			assertEquals("Done", awaitTask(gql, pid, "Done").path("state").asText());
		}
	}

	/**
	 * An image a client registered and abandoned (Pending, no bytes) does not hold up
	 * {@code startReconstructionWithError}: the task runs with the Ready images, which the client has counted.
	 */
	@Test
	void anAbandonedImageDoesNotHoldUpTheStart() throws IOException {
		List<Path> files = SurveyImages.list(3);
		try (Hub hub = Hub.start(HubConfig.builder(dir).engine(new ManifestEngine()).build())) {
			Gql gql = Gql.of(hub);
			String pid = gql.createProject("abandoned");
			for (int i = 0; i < files.size(); i++) {
				byte[] bytes = SurveyImages.read(files.get(i));
				JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", files.get(i).getFileName().toString(),
						"checksum", SurveyImages.sha1(bytes)).path("uploadImageGridFS");
				if (i < 2) {
					HubTests.gridFsUpload(hub, up.path("url").asText(), bytes);
					HubTests.awaitSettled(gql, pid, up.path("image").path("id").asText(), WAIT);
				}
			}
			JsonNode started = start(gql, pid, "Reconstruction");
			assertTrue(started.path("error").isNull(), started::toString);
			JsonNode task = awaitTask(gql, pid, "Done");
			assertEquals(2, task.path("totalSteps").asInt(), "the task runs with the 2 Ready images: " + task);
		}
	}

	@Test
	void stopAndFailure() throws IOException {
		List<Path> files = SurveyImages.list(3);
		CountDownLatch gate = new CountDownLatch(1);
		try (Hub hub = Hub.start(HubConfig.builder(dir).sweepInterval(Duration.ofMillis(200)).build())) {
			hub.registerEngine(new ManifestEngine("gated", gate));
			Gql gql = Gql.of(hub);
			String pid = gql.createProject("stop");
			for (Path f : files.subList(0, 2)) {
				byte[] bytes = SurveyImages.read(f);
				JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", f.getFileName().toString(), "checksum",
						SurveyImages.sha1(bytes)).path("uploadImageGridFS");
				HubTests.gridFsUpload(hub, up.path("url").asText(), bytes);
				HubTests.awaitSettled(gql, pid, up.path("image").path("id").asText(), WAIT);
			}
			assertTrue(start(gql, pid, null).path("error").isNull());
			awaitTask(gql, pid, "Processing");
			assertEquals("ALREADY_RUNNING", start(gql, pid, null).path("error").path("code").asText());
			JsonNode stopped = gql.data(Docs.STOP_RECONSTRUCTION, "id", pid).path("stopReconstruction");
			assertEquals("Stopped", stopped.path("state").asText(), stopped::toString);
			assertTrue(stopped.path("endDate").asText().endsWith("Z"));
			assertEquals("Stopped", gql.data(Docs.TASK, "id", pid).path("project").path("taskState").asText());

			byte[] junk = "junk".getBytes();
			JsonNode fail = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "FAIL.jpg", "checksum", SurveyImages.sha1(junk))
					.path("uploadImageGridFS");
			gate.countDown();
			HubTests.gridFsUpload(hub, fail.path("url").asText(), junk);
			HubTests.awaitSettled(gql, pid, fail.path("image").path("id").asText(), WAIT);
			assertTrue(start(gql, pid, null).path("error").isNull(), "Invalid images are left out");
			assertEquals("Done", awaitTask(gql, pid, "Done").path("state").asText());

			byte[] third = SurveyImages.read(files.get(2));
			JsonNode failing = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "FAIL.jpg", "checksum", SurveyImages.sha1(third))
					.path("uploadImageGridFS");
			HubTests.gridFsUpload(hub, failing.path("url").asText(), third);
			assertEquals("Ready", HubTests.awaitSettled(gql, pid, failing.path("image").path("id").asText(), WAIT).path("state").asText());
			assertTrue(start(gql, pid, null).path("error").isNull());
			JsonNode failed = awaitTask(gql, pid, "Failed");
			assertEquals("ENGINE_FAILED: cannot match FAIL.jpg", failed.path("error").get(0).asText(), failed::toString);
			assertEquals("Failed", gql.data(Docs.TASK, "id", pid).path("project").path("taskState").asText());
		}
	}

	@Test
	void aPendingTaskSurvivesARestart() throws IOException {
		Path file = SurveyImages.list(1).get(0);
		byte[] bytes = SurveyImages.read(file);
		HubConfig config = HubConfig.builder(dir).sweepInterval(Duration.ofMillis(200)).engine(new ManifestEngine()).build();
		String pid;
		String url;
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			pid = gql.createProject("restart");
			url = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "a.jpg", "checksum", SurveyImages.sha1(bytes))
					.path("uploadImageGridFS").path("url").asText();
			assertEquals("Pending", gql.data(Docs.PRE_START, "id", pid).path("preStartReconstruction").path("task").path("state").asText());
		}
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			assertEquals("Pending", gql.data(Docs.TASK, "id", pid).path("project").path("task").path("state").asText());
			HubTests.gridFsUpload(hub, url, bytes);
			assertEquals(1, awaitTask(gql, pid, "Done").path("step").asInt());
		}
	}

	private static JsonNode start(Gql gql, String pid, String type) {
		return gql.data(Docs.START_RECONSTRUCTION, "id", pid, "taskType", type).path("startReconstructionWithError");
	}

	private static JsonNode awaitTask(Gql gql, String pid, String state) {
		HubTests.await("task " + state, WAIT, () -> {
			String s = gql.data(Docs.TASK, "id", pid).path("project").path("task").path("state").asText();
			if (s.equals("Failed") && !state.equals("Failed")) {
				throw new AssertionError("task failed: " + gql.data(Docs.TASK, "id", pid));
			}
			return s.equals(state);
		});
		return gql.data(Docs.TASK, "id", pid).path("project").path("task");
	}
}
