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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.recon.nodeodm.NodeOdmEngine;
import io.tiepoint.testing.nodeodm.NodeOdmStandIn;

/**
 * The engine against the NodeODM stand-in: a task to completion with its assets, and each fault the engine must ride
 * out (a 503 and a reset on an upload, a node that forgets the task, a node that is down), a stop that cancels the
 * node's task, options a node does not know, a wrong token, a failed ODM run, the choice by capacity.
 */
class NodeOdmEngineTest {

	@TempDir
	Path dir;
	private final List<NodeOdmStandIn> nodes = new java.util.ArrayList<>();

	@AfterEach
	void stopNodes() {
		nodes.forEach(NodeOdmStandIn::close);
	}

	private NodeOdmStandIn node(String token) throws Exception {
		NodeOdmStandIn n = new NodeOdmStandIn(token, 20);
		nodes.add(n);
		return n;
	}

	private static Map<String, String> settings(String urls, String... more) {
		Map<String, String> s = new HashMap<>(Map.of("url", urls, "poll.ms", "50", "retry.wait.ms", "20", "node.timeout.s", "2"));
		for (int i = 0; i < more.length; i += 2) {
			s.put(more[i], more[i + 1]);
		}
		return s;
	}

	private TestContext run(String type, Map<String, String> settings) throws CoreException {
		TestContext c = new TestContext(dir, type, settings);
		new NodeOdmEngine().reconstruct(c);
		return c;
	}

	@Test
	void aTaskRunsOnTheNodeAndItsAssetsArePublished() throws Exception {
		NodeOdmStandIn node = node(null);
		TestContext c = run("Reconstruction", settings(node.url().toString()));
		assertEquals(Set.of("all.zip", "orthophoto.tif", "dsm.tif", "pointcloud.las", "report.pdf"), c.files.keySet());
		assertEquals(16, c.results.get("images"));
		assertEquals(0, c.results.get("resubmissions"));
		assertEquals(100, c.progress.get(c.progress.size() - 1));
		assertEquals(16, node.count("POST /task/new/upload/"), node.requests().toString());
		assertEquals(1, node.count("POST /task/new/commit/"));
		assertEquals(1, node.count("POST /task/remove uuid="), "removed after the download");
		assertTrue(node.taskIds().isEmpty());
		assertFalse(c.logged("Running odm_orthophoto stage").isEmpty(), "the node's output is in the task's log");
		assertFalse(c.logged("[nodeodm] task ").isEmpty());
		byte[] tif = Files.readAllBytes(c.files.get("orthophoto.tif"));
		assertTrue(tif[0] == 'I' && tif[1] == 'I' || tif[0] == 'M' && tif[1] == 'M', "a TIFF");
		assertTrue(new String(Files.readAllBytes(c.files.get("report.pdf")), 0, 8).startsWith("%PDF-"));
		assertTrue(new String(Files.readAllBytes(c.files.get("pointcloud.las")), 0, 4).equals("LASF"));
	}

	@Test
	void aFastOrthophotoAsksForIt() throws Exception {
		NodeOdmStandIn node = node(null);
		TestContext c = run("Native", settings(node.url().toString()));
		assertEquals(Set.of("all.zip", "orthophoto.tif", "report.pdf"), c.files.keySet(), "no point cloud, no DEM");
		assertFalse(c.logged("fast-orthophoto").isEmpty(), c.log.toString());
	}

	@Test
	void anUploadAnswered503IsRetriedAndTheTaskCompletes() throws Exception {
		NodeOdmStandIn node = node(null).failUploads(1).resetUploads(1);
		TestContext c = run("Sparse", settings(node.url().toString()));
		assertTrue(c.files.containsKey("all.zip"));
		assertEquals(16 + 2, node.count("POST /task/new/upload/"), "two uploads sent twice");
		assertEquals(2, c.logged("; retry 1 of 5").size(), c.log.toString());
		assertFalse(c.logged("HTTP 503").isEmpty(), c.log.toString());
		assertEquals(1, node.count("POST /task/new/init"), "retried, not resubmitted");
		System.out.printf("[nodeodm] fault 503 + reset on uploads: %d upload requests for 16 images, %d task(s) created, %s%n",
				node.count("POST /task/new/upload/"), node.count("POST /task/new/init"), c.files.keySet());
	}

	@Test
	void aNodeThatForgetsTheTaskGetsItAgainOnce() throws Exception {
		NodeOdmStandIn node = node(null).forgetTasksAt(40);
		TestContext c = run("Reconstruction", settings(node.url().toString()));
		assertTrue(c.files.containsKey("orthophoto.tif"));
		assertEquals(1, c.results.get("resubmissions"));
		assertEquals(2, node.count("POST /task/new/init"));
		assertEquals(2, node.count("POST /task/new/commit/"));
		assertEquals(1, c.logged("lost the task").size(), c.log.toString());
		assertFalse(c.logged("not found").isEmpty(), "the node's own words: " + c.log);
		System.out.printf("[nodeodm] fault node forgets the task at 40 %%: %s resubmission(s), %d inits, %d commits, %s%n",
				c.results.get("resubmissions"), node.count("POST /task/new/init"), node.count("POST /task/new/commit/"),
				c.files.keySet());
	}

	@Test
	void aNodeThatIsDownMakesTheEngineUseTheNextOne() throws Exception {
		NodeOdmStandIn down = node(null);
		down.close();
		NodeOdmStandIn up = node(null);
		TestContext c = run("Native", settings(down.url() + "," + up.url()));
		assertTrue(c.files.containsKey("orthophoto.tif"));
		assertEquals(up.url().toString(), c.results.get("node"));
		assertEquals(1, c.logged("node " + down.url() + " is down").size(), c.log.toString());
		assertEquals(1, up.count("POST /task/new/init"));
		System.out.printf("[nodeodm] fault first node down: task on %s (the second URL), %s%n", c.results.get("node"),
				c.logged("is down").get(0));
	}

	@Test
	void stoppingTheTaskCancelsItOnTheNode() throws Exception {
		NodeOdmStandIn node = node(null);
		TestContext c = new TestContext(dir, "Reconstruction", settings(node.url().toString()));
		c.stopWhen = p -> p >= 20;
		assertThrows(OperationCanceledException.class, () -> new NodeOdmEngine().reconstruct(c));
		assertEquals(1, node.count("POST /task/cancel uuid="), node.requests().toString());
		String uuid = node.taskIds().get(0);
		assertEquals(50, node.status(uuid), "canceled on the node");
		assertEquals(0, node.count("GET /task/" + uuid + "/download"));
		assertEquals(1, c.logged("canceled task " + uuid).size(), c.log.toString());
		System.out.printf("[nodeodm] stop: the node saw %d POST /task/cancel, its task status %d%n",
				node.count("POST /task/cancel"), node.status(uuid));
	}

	@Test
	void optionsANodeDoesNotKnowAreRefusedBeforeAnyUpload() throws Exception {
		NodeOdmStandIn node = node(null);
		CoreException e = assertThrows(CoreException.class,
				() -> run("Reconstruction", settings(node.url().toString(), "options", "pc-quality=high, no-such-option=1")));
		assertTrue(e.getMessage().contains("[no-such-option]") && e.getMessage().contains("nothing was uploaded"), e.getMessage());
		assertEquals(0, node.count("POST /task/new"), node.requests().toString());
		CoreException bad = assertThrows(CoreException.class,
				() -> run("Reconstruction", settings(node.url().toString(), "options.Reconstruction", "pc-quality=best")));
		assertTrue(bad.getMessage().contains("not in enum"), "NodeODM's own check at init: " + bad.getMessage());
		assertEquals(0, node.count("POST /task/new/upload"));
	}

	@Test
	void aWrongTokenFailsTheTaskWithoutShowingIt() throws Exception {
		NodeOdmStandIn node = node("s3cret-token");
		CoreException e = assertThrows(CoreException.class,
				() -> run("Native", settings(node.url().toString(), "token", "wrong-token")));
		assertTrue(e.getMessage().contains("token does not match"), e.getMessage());
		TestContext ok = run("Native", settings(node.url().toString(), "token", "s3cret-token"));
		assertTrue(ok.files.containsKey("orthophoto.tif"));
		assertTrue(ok.log.stream().noneMatch(l -> l.contains("s3cret")), "the token is never logged");
	}

	@Test
	void aFailedOdmRunFailsTheTaskWithOdmsMessage() throws Exception {
		NodeOdmStandIn node = node(null).failTasks("Cannot process dataset");
		CoreException e = assertThrows(CoreException.class, () -> run("Native", settings(node.url().toString())));
		assertTrue(e.getMessage().contains("failed") && e.getMessage().contains("Cannot process dataset"), e.getMessage());
		assertEquals(1, node.count("POST /task/new/init"), "not submitted again: ODM would fail again");
	}

	@Test
	void choosingByCapacityTakesTheNodeWithFreeSlots() throws Exception {
		NodeOdmStandIn small = node(null).maxParallelTasks(0);
		NodeOdmStandIn big = node(null).maxParallelTasks(4);
		NodeOdmStandIn tooFew = node(null).maxImages(10);
		TestContext c = run("Native", settings(tooFew.url() + "," + small.url() + "," + big.url(), "choose", "capacity"));
		assertEquals(big.url().toString(), c.results.get("node"));
		assertEquals(1, c.logged("takes at most 10 images").size(), c.log.toString());
		assertEquals(0, small.count("POST /task/new/init"));
	}

	@Test
	void settingsAreChecked() {
		NodeOdmEngine engine = new NodeOdmEngine();
		assertThrows(CoreException.class, () -> engine.check(Map.of()));
		CoreException creds = assertThrows(CoreException.class, () -> engine.check(Map.of("url", "http://u:pw@10.0.0.5:3000")));
		assertFalse(creds.getMessage().contains("pw"), creds.getMessage());
		assertThrows(CoreException.class, () -> engine.check(Map.of("url", "http://10.0.0.5:3000", "choose", "random")));
		assertThrows(CoreException.class, () -> engine.check(Map.of("url", "http://10.0.0.5:3000", "parallel", "0")));
	}
}
