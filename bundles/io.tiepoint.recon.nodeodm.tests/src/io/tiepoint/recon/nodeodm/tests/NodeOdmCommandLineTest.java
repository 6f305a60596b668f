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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.core.ingest.PlatformFactory;
import io.tiepoint.core.operations.LaunchOperation;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.nodeodm.NodeOdmStandIn;

/**
 * The engine from the command line: {@code tiepoint hub --engine nodeodm --nodeodm-url URL} (the spelling)
 * serves the engine as its default, and refuses to start without a node; {@code tiepoint launch --engine nodeodm
 * --wait} on the embedded hub, its node named in the workspace's settings ({@code nodeodm.url}), downloads the assets
 * as with COLMAP.
 */
class NodeOdmCommandLineTest {

	@TempDir
	Path dir;

	@Test
	void theHubCommandRunsNodeOdmByDefault() throws Exception {
		try (NodeOdmStandIn node = new NodeOdmStandIn(null, 20)) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			AtomicInteger code = new AtomicInteger(-1);
			Thread hub = new Thread(() -> code.set(Tiepoint.run(new String[] { "hub", "--data", dir.resolve("hub").toString(),
					"--port", "0", "--engine", "nodeodm", "--nodeodm-url", node.url().toString(), "--engine-setting",
					"nodeodm.poll.ms=50" }, new PrintWriter(out, true), new PrintWriter(err, true), Map.of())), "hub command");
			hub.start();
			Pattern listening = Pattern.compile("hub listening on (http://\\S+/)graphql");
			long deadline = System.nanoTime() + 60_000_000_000L;
			Matcher m = listening.matcher("");
			while (!(m = listening.matcher(out.toString())).find()) {
				assertTrue(hub.isAlive() && System.nanoTime() < deadline, out + " " + err);
				Thread.sleep(50);
			}
			// the first start only says where the credentials are: `hub token` shows them
			String[] shown = Gql.cli("hub", "token", "--data", dir.resolve("hub").toString());
			assertEquals("0", shown[0], shown[2]);
			String key = value(shown[1], "key");
			String token = value(shown[1], "altitoken");
			JsonNode engines = new Gql(URI.create(m.group(1)), key, token).data("{ support { engines { id default } } }")
					.path("support").path("engines");
			boolean nodeodmDefault = false;
			for (JsonNode e : engines) {
				nodeodmDefault |= e.path("id").asText().equals("nodeodm") && e.path("default").asBoolean();
			}
			assertTrue(nodeodmDefault, engines.toString());
			hub.interrupt();
			hub.join(30_000);
			assertFalse(hub.isAlive());
		}
		String[] noNode = Gql.cli("hub", "--data", dir.resolve("hub2").toString(), "--port", "0", "--engine", "nodeodm");
		assertEquals("1", noNode[0], noNode[1] + noNode[2]);
		assertTrue(noNode[2].contains("nodeodm.url"), noNode[2]);
		String[] bad = Gql.cli("hub", "--data", dir.resolve("hub3").toString(), "--engine-setting", "url");
		assertEquals("2", bad[0], bad[2]);
	}

	private static String value(String out, String key) {
		Matcher m = Pattern.compile("(?m)^" + key + "=(\\S+)$").matcher(out);
		assertTrue(m.find(), out);
		return m.group(1);
	}

	@Test
	void launchWithTheEngineOnTheEmbeddedHubDownloadsTheAssets() throws Exception {
		try (NodeOdmStandIn node = new NodeOdmStandIn(null, 20)) {
			Path ws = Files.createDirectories(dir.resolve("ws/.tiepoint")).getParent();
			Files.writeString(ws.resolve(".tiepoint/config.properties"), "nodeodm.url=" + node.url() + "\nnodeodm.poll.ms=50\n");
			String[] ingest = Gql.cli("ingest", TestContext.surveyFiles().get(0).getParent().toString(), "--project", "survey",
					"--workspace", ws.toString());
			assertEquals("0", ingest[0], ingest[1] + ingest[2]);
			String[] launch = Gql.cli("launch", "--project", "survey", "--engine", "nodeodm", "--task-type", "Native",
					"--wait", "--workspace", ws.toString());
			assertEquals("0", launch[0], launch[1] + launch[2]);
			assertTrue(launch[1].contains("Done"), launch[1]);
			Matcher task = Pattern.compile("task ([0-9a-f]{24}) \\(Native\\)").matcher(launch[1]);
			assertTrue(task.find(), launch[1]);
			Path results = ws.resolve("results/survey").resolve(task.group(1));
			for (String name : new String[] { "all.zip", "orthophoto.tif", "report.pdf" }) {
				assertTrue(Files.size(results.resolve(name)) > 0, name + " in " + launch[1]);
			}
			assertFalse(launch[1].contains("points: 0"), "no value the engine did not report: " + launch[1]);
			assertEquals(1, node.count("POST /task/new/commit/"));

			// what the workbench's Launch wizard lists: the core operation over the embedded hub's support.engines
			try (Workspace w = Workspace.open(ws);
					WorkspaceHubs hubs = WorkspaceHubs.of(w, TiepointConfig.load(Map.of(), null, ws, Map.of(), Map.of()))) {
				List<String> engines = LaunchOperation.engines(w, "survey", hubs, PlatformFactory.GRAPHQL).stream()
						.map(e -> e.id() + (e.isDefault() ? "*" : "")).toList();
				assertEquals(List.of("colmap", "nodeodm"), engines, "both installed engines, neither the embedded hub's default");
			}
		}
	}

	/**
	 * Seeds 000-002's two ways to start: {@code ingest --launch} lets the hub start once what arrived is verified
	 * (preStartReconstruction), no second command; {@code launch} compares the Ready images with what the
	 * journal meant to send and refuses, naming them, when some never arrived.
	 */
	@Test
	void ingestLaunchStartsTheTaskAndLaunchNamesTheMissingImages() throws Exception {
		try (NodeOdmStandIn node = new NodeOdmStandIn(null, 20)) {
			Path ws = Files.createDirectories(dir.resolve("ws/.tiepoint")).getParent();
			Files.writeString(ws.resolve(".tiepoint/config.properties"), "nodeodm.url=" + node.url()
					+ "\nnodeodm.poll.ms=50\nhub.engine=nodeodm\n");
			String[] ingest = Gql.cli("ingest", TestContext.surveyFiles().get(0).getParent().toString(), "--project",
					"survey", "--workspace", ws.toString(), "--launch");
			assertEquals("0", ingest[0], ingest[1] + ingest[2]);
			assertTrue(ingest[1].contains("the hub starts it once every image that arrived is verified"), ingest[1]);
			assertTrue(ingest[1].contains("Done"), ingest[1]);
			assertEquals(1, node.count("POST /task/new/commit/"), "one task, started by the hub");

			// three photos found later: the journal meant to send them, the hub never had them
			Path late = dir.resolve("late");
			List<Path> copies = TestData.distinctCopies(TestContext.surveyFiles().get(0).getParent(), late, 1).subList(0, 3);
			try (var all = Files.list(late)) {
				for (Path f : all.toList()) {
					if (!copies.contains(f)) {
						Files.delete(f);
					}
				}
			}
			String[] dry = Gql.cli("ingest", late.toString(), "--project", "survey", "--workspace", ws.toString(),
					"--dry-run");
			assertEquals("0", dry[0], dry[1] + dry[2]);
			String[] refused = Gql.cli("launch", "--project", "survey", "--workspace", ws.toString());
			assertEquals("1", refused[0], refused[1] + refused[2]);
			assertTrue(refused[2].contains("3 of 19 images meant to be sent are not Ready on the hub"), refused[2]);
			for (Path f : copies) {
				assertTrue(refused[2].contains(f.getFileName().toString()), refused[2]);
			}
			assertTrue(refused[2].contains("--anyway"), refused[2]);
			assertEquals(1, node.count("POST /task/new/commit/"), "nothing started");
		}
	}
}
