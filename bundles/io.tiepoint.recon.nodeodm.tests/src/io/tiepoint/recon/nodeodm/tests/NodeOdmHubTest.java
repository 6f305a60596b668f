/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.testing.nodeodm.NodeOdmStandIn;

/**
 * A hub whose default engine is {@code nodeodm}, its node the stand-in: the sample survey ingested by
 * {@code tiepoint ingest --hub URL}, reconstructed by {@code tiepoint launch --wait} (task Done, the assets in
 * {@code Task.result.files}, downloaded into the workspace), the node's output in {@code Task.log}; a stopped task
 * canceled on the node; the engine named by a client, and refused configurations.
 */
class NodeOdmHubTest {

	@TempDir
	static Path dir;
	private static NodeOdmStandIn node;
	private static Hub hub;
	private static Gql gql;
	private static Path ws;
	private static String pid;

	@BeforeAll
	static void ingest() throws Exception {
		TestContext.surveyFiles();
		node = new NodeOdmStandIn("node-token", 20);
		hub = Hub.start(HubConfig.builder(dir.resolve("hub")).port(0).sweepInterval(Duration.ofMillis(200))
				.extensionRegistry(RegistryFactory.getRegistry()).defaultEngine("nodeodm")
				.engineSetting("nodeodm", "url", node.url().toString()).engineSetting("nodeodm", "token", "node-token")
				.engineSetting("nodeodm", "poll.ms", "50").build());
		gql = new Gql(hub.uri(), hub.appKey(), hub.userToken());
		ws = Files.createDirectories(dir.resolve("ws"));
		Files.createDirectories(ws.resolve(".tiepoint"));
		Files.writeString(ws.resolve(".tiepoint/config.properties"), "hub.key=" + hub.appKey() + "\nhub.token="
				+ hub.userToken() + "\n");
		String[] r = Gql.cli("ingest", TestContext.surveyFiles().get(0).getParent().toString(), "--project", "survey",
				"--workspace", ws.toString(), "--hub", hub.uri().toString());
		assertEquals("0", r[0], r[1] + r[2]);
		pid = gql.projectId("survey");
	}

	@AfterAll
	static void stop() {
		if (hub != null) {
			hub.close();
		}
		if (node != null) {
			node.close();
		}
	}

	@Test
	void theSurveyIsReconstructedOnTheNodeAndLaunchDownloadsTheAssets() throws Exception {
		long t0 = System.nanoTime();
		String[] r = Gql.cli("launch", "--project", "survey", "--workspace", ws.toString(), "--task-type", "Reconstruction",
				"--wait");
		double seconds = (System.nanoTime() - t0) / 1e9;
		assertEquals("0", r[0], r[1] + r[2]);
		JsonNode task = gql.awaitTask(pid, List.of("Done"), Duration.ofSeconds(5));
		assertEquals("nodeodm", task.path("engine").asText());
		Set<String> names = new HashSet<>();
		task.path("result").path("files").forEach(f -> names.add(f.path("name").asText()));
		assertEquals(Set.of("all.zip", "orthophoto.tif", "dsm.tif", "pointcloud.las", "report.pdf"), names);
		task.path("result").path("files").forEach(f -> assertTrue(f.path("fileId").asText().matches("[0-9a-f]{32}"), f::toString));
		Path results = ws.resolve("results/survey").resolve(task.path("id").asText());
		for (String n : names) {
			assertTrue(r[1].contains("file " + n + " ("), r[1]);
			assertTrue(Files.size(results.resolve(n)) > 0, n);
		}
		assertEquals(16, task.path("result").path("images").asInt());
		List<String> log = new ArrayList<>();
		task.path("log").forEach(l -> log.add(l.asText()));
		assertTrue(log.stream().anyMatch(l -> l.contains("Running opensfm stage")), log.toString());
		assertTrue(log.stream().noneMatch(l -> l.contains("node-token")), "the token is not in the log");
		System.out.printf("[nodeodm] hub: 16 images to Done through the stand-in node, %d files (%s), %.1f s for launch --wait%n",
				names.size(), names, seconds);
	}

	@Test
	void stoppingTheHubTaskCancelsTheNodesTask() throws Exception {
		node.hold(true); // the task stays running on the node until it is canceled
		try {
			runAndStop();
		} finally {
			node.hold(false);
		}
	}

	private void runAndStop() throws Exception {
		JsonNode start = gql.data("""
				mutation ($id: ID!) { startReconstructionWithError(id: $id, options: {taskType: Full}) {
				  error { code message } task { id engine } } }""", "id", pid).path("startReconstructionWithError");
		assertTrue(start.path("error").isNull(), start::toString);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (node.taskIds().stream().noneMatch(u -> node.status(u) == 20)) {
			assertTrue(System.nanoTime() < deadline, "the node never ran the task: " + node.requests());
			Thread.sleep(20);
		}
		gql.data("mutation ($id: ID!) { stopReconstruction(id: $id) { id state } }", "id", pid);
		JsonNode task = gql.awaitTask(pid, List.of("Stopped", "Done", "Failed"), Duration.ofSeconds(30));
		assertEquals("Stopped", task.path("state").asText(), task::toString);
		assertEquals(1, node.count("POST /task/cancel uuid="), node.requests().toString());
		assertTrue(node.taskIds().stream().anyMatch(u -> node.status(u) == 50), "canceled on the node");
	}

	@Test
	void engineListAndChoiceByTheClient() throws Exception {
		JsonNode engines = gql.data("{ support { engines { id name taskTypes default } } }").path("support").path("engines");
		List<String> ids = new ArrayList<>();
		engines.forEach(e -> ids.add(e.path("id").asText() + (e.path("default").asBoolean() ? "*" : "")));
		assertTrue(ids.contains("nodeodm*") && ids.contains("colmap"), ids.toString());
		JsonNode refused = gql.data("""
				mutation ($id: ID!) { startReconstructionWithError(id: $id, options: {taskType: Native, engine: "nope"}) {
				  error { code message } } }""", "id", pid).path("startReconstructionWithError").path("error");
		assertEquals("NO_ENGINE", refused.path("code").asText(), refused.toString());
		assertTrue(refused.path("message").asText().contains("no engine nope"), refused.toString());
	}

	@Test
	void aHubWhoseDefaultEngineLacksItsSettingsDoesNotStart() {
		IOException e = assertThrows(IOException.class, () -> Hub.start(HubConfig.builder(dir.resolve("other")).port(0)
				.extensionRegistry(RegistryFactory.getRegistry()).defaultEngine("nodeodm").build()));
		assertTrue(e.getMessage().contains("nodeodm.url"), e.getMessage());
		IOException absent = assertThrows(IOException.class, () -> Hub.start(HubConfig.builder(dir.resolve("other2"))
				.port(0).extensionRegistry(RegistryFactory.getRegistry()).defaultEngine("photoscan").build()));
		assertTrue(absent.getMessage().contains("nodeodm"), "names the installed engines: " + absent.getMessage());
		try (Stream<Path> s = Files.list(dir.resolve("other"))) {
			assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("credentials")), "nothing created");
		} catch (IOException x) {
			// the directory was not even created: fine
		}
	}
}
