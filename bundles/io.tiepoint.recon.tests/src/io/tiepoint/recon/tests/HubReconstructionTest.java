/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/**
 * The COLMAP engine behind a real embedded hub: found through this bundle's contribution to
 * {@code io.tiepoint.hub.reconstructionEngines}, run by {@code startReconstructionWithError} on the
 * sample survey, its results and files read back through GraphQL and GridFS; then stopped while
 * COLMAP runs, which leaves no colmap process.
 */
class HubReconstructionTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String RESULT = """
			query ($id: ID!) { project(id: $id) { taskState task { id taskType state step totalSteps engine error
			  result { images registeredImages points meanReprojectionError alignmentError georegistrationError
			    values { key value } files { name size fileId url } } } } }""";

	@TempDir
	Path dir;

	@Test
	void reconstructsThroughTheHub() throws Exception {
		Samples.assumeColmap();
		List<Path> files = Samples.images();
		try (Hub hub = Hub.start(HubConfig.builder(dir).port(0).sweepInterval(Duration.ofMillis(200))
				.extensionRegistry(RegistryFactory.getRegistry()).build())) {
			Client gql = new Client(hub);
			String pid = upload(hub, gql, files);
			long t0 = System.nanoTime();
			JsonNode start = gql.data("""
					mutation ($id: ID!) { startReconstructionWithError(id: $id, options: {taskType: Native}) {
					  error { code message } task { id state engine } } }""", "id", pid).path("startReconstructionWithError");
			assertTrue(start.path("error").isNull(), start::toString);
			assertEquals("colmap", start.path("task").path("engine").asText());
			JsonNode task = awaitTask(gql, pid, List.of("Done", "Failed", "Stopped"), Duration.ofMinutes(5));
			double wall = (System.nanoTime() - t0) / 1e9;
			assertEquals("Done", task.path("state").asText(), task::toString);
			JsonNode r = task.path("result");
			System.out.printf("[recon] hub: %d/%d registered, %d points, reprojection %.3f px, alignment %.3f m, "
					+ "georegistration %.3f m, %.1f s from start to Done%n", r.path("registeredImages").asInt(),
					r.path("images").asInt(), r.path("points").asInt(), r.path("meanReprojectionError").asDouble(),
					r.path("alignmentError").asDouble(), r.path("georegistrationError").asDouble(), wall);
			assertEquals(files.size(), r.path("images").asInt());
			assertTrue(r.path("registeredImages").asInt() >= Math.ceil(0.9 * files.size()), r::toString);
			assertTrue(r.path("meanReprojectionError").asDouble() < 1.0, r::toString);
			assertTrue(r.path("georegistrationError").asDouble() < 3.0, r::toString);
			assertEquals(task.path("totalSteps").asInt(), task.path("step").asInt());

			// the files come through the resource service as a client fetches them: GetDownloadUrl, then GET
			HttpClient http = HttpClient.newHttpClient();
			Map<String, JsonNode> byName = new HashMap<>();
			r.path("files").forEach(f -> byName.put(f.path("name").asText(), f));
			assertTrue(byName.keySet().containsAll(List.of("points.ply", "model.zip")), byName::toString);
			for (JsonNode f : byName.values()) {
				assertTrue(f.path("fileId").asText().matches("[0-9a-f]{32}"), "a resource service FileID: " + f);
				assertEquals("/Resource/GetDownloadUrl?FID=" + f.path("fileId").asText(), f.path("url").asText());
				HttpResponse<String> where = http.send(HttpRequest.newBuilder(hub.uri().resolve(f.path("url").asText().substring(1)))
						.header("APPID", hub.appKey()).header("License", hub.userToken()).header("PackageName", "tiepoint")
						.build(), HttpResponse.BodyHandlers.ofString());
				assertEquals(200, where.statusCode(), where.body());
				String url = new ObjectMapper().readTree(where.body()).path("data").asText();
				byte[] bytes = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
						.body();
				assertEquals(f.path("size").asLong(), bytes.length, f::toString);
				if (f.path("name").asText().equals("points.ply")) {
					String header = new String(bytes, 0, 200, StandardCharsets.ISO_8859_1);
					assertTrue(header.startsWith("ply") && header.contains("element vertex " + r.path("points").asInt()), header);
				}
			}
		}
	}

	@Test
	void stopReconstructionKillsColmap() throws Exception {
		Samples.assumeColmap();
		List<Path> files = Samples.images();
		try (Hub hub = Hub.start(HubConfig.builder(dir).port(0).sweepInterval(Duration.ofMillis(200))
				.extensionRegistry(RegistryFactory.getRegistry()).build())) {
			Client gql = new Client(hub);
			String pid = upload(hub, gql, files);
			JsonNode start = gql.data("""
					mutation ($id: ID!) { startReconstructionWithError(id: $id, options: {taskType: Sparse}) {
					  error { code message } task { id } } }""", "id", pid).path("startReconstructionWithError");
			assertTrue(start.path("error").isNull(), start::toString);
			Path work = dir.resolve("tasks").resolve(start.path("task").path("id").asText());
			// stop as soon as COLMAP runs (ColmapEngineTest stops it later, during matching)
			Path log = work.resolve("colmap/logs/extract-feature_extractor.log");
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (!(Files.exists(log) && Files.size(log) > 0) && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertTrue(Files.exists(log), "COLMAP never started");
			assertTrue(!Samples.colmapProcesses(work).isEmpty(), "COLMAP runs before the stop");
			JsonNode stopped = gql.data("mutation ($id: ID!) { stopReconstruction(id: $id) { id state } }", "id", pid)
					.path("stopReconstruction");
			assertEquals("Stopped", awaitTask(gql, pid, List.of("Stopped", "Done", "Failed"), Duration.ofSeconds(30))
					.path("state").asText(), stopped::toString);
			assertTrue(Samples.colmapProcesses(work).isEmpty(), () -> "left: " + Samples.colmapProcesses(work));
		}
	}

	/** Creates a project, registers and stores the images in GridFS and waits until all are Ready. */
	private static String upload(Hub hub, Client gql, List<Path> files) throws Exception {
		String pid = gql.data("mutation ($name: String!) { createProject(name: $name) { id } }", "name", "survey")
				.path("createProject").path("id").asText();
		List<String> ids = new ArrayList<>();
		for (Path f : files) {
			byte[] bytes = Files.readAllBytes(f);
			String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
			JsonNode up = gql.data("""
					mutation ($pid: ID!, $filename: String!, $checksum: String) {
					  uploadImageGridFS(pid: $pid, filename: $filename, checksum: $checksum) { url image { id } } }""",
					"pid", pid, "filename", f.getFileName().toString(), "checksum", sha1).path("uploadImageGridFS");
			// what the resource service does for /Resource/Upload?uid=...
			String uid = URI.create(up.path("url").asText()).getQuery().substring("uid=".length());
			hub.diagnostics().storeUpload(uid, new ByteArrayInputStream(bytes));
			ids.add(up.path("image").path("id").asText());
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		for (String iid : ids) {
			String state;
			do {
				state = gql.data("query ($pid: ID!, $iid: ID!) { project(id: $pid) { image(id: $iid) { state error } } }",
						"pid", pid, "iid", iid).path("project").path("image").path("state").asText();
				if (!state.equals("Ready")) {
					assertTrue(!state.equals("Invalid") && System.nanoTime() < deadline, "image " + iid + " is " + state);
					Thread.sleep(100);
				}
			} while (!state.equals("Ready"));
		}
		return pid;
	}

	private static JsonNode awaitTask(Client gql, String pid, List<String> states, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			JsonNode task = gql.data(RESULT, "id", pid).path("project").path("task");
			if (states.contains(task.path("state").asText())) {
				return task;
			}
			assertTrue(System.nanoTime() < deadline, () -> "task still " + task);
			Thread.sleep(250);
		}
	}

	/** A minimal GraphQL client acting for the hub's first user. */
	private static final class Client {
		private final HttpClient http = HttpClient.newHttpClient();
		private final Hub hub;

		Client(Hub hub) {
			this.hub = hub;
		}

		JsonNode data(String query, Object... vars) throws IOException, InterruptedException {
			Map<String, Object> v = new HashMap<>();
			for (int i = 0; i < vars.length; i += 2) {
				v.put((String) vars[i], vars[i + 1]);
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			JSON.writeValue(body, Map.of("query", query, "variables", v));
			HttpRequest req = HttpRequest.newBuilder(hub.uri().resolve("graphql")).timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json").header("key", hub.appKey())
					.header("altitoken", hub.userToken()).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
					.build();
			JsonNode answer = JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofByteArray()).body());
			assertTrue(answer.path("errors").isMissingNode() || answer.path("errors").isEmpty(), () -> "errors: " + answer);
			return answer.path("data");
		}
	}
}
