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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.internal.tasks.EngineRegistry;

/**
 * Choosing an engine: the one a client names ({@code options.engine}), else the hub's default when it runs the type,
 * else the first that runs it and takes its settings; engines get their {@code engine.<id>.*} settings and write the
 * task's log ({@code Task.log}); {@code support.engines} lists them.
 */
class EngineChoiceTest {

	@TempDir
	Path dir;

	/** Runs Reconstruction and Dense; needs the setting {@code url}; logs its settings. */
	static final class Remote implements ReconstructionEngine {
		@Override
		public String id() {
			return "remote";
		}

		@Override
		public Set<String> taskTypes() {
			return Set.of("Reconstruction", "Dense");
		}

		@Override
		public void check(Map<String, String> settings) throws CoreException {
			if (!settings.containsKey("url")) {
				throw new CoreException(Status.error("set remote.url"));
			}
		}

		@Override
		public void reconstruct(TaskContext context) {
			context.log("url=" + context.settings().get("url"));
			context.log("two\nlines");
			context.progress(1, 1);
		}
	}

	@Test
	void theNamedTheDefaultOrTheFirstConfiguredEngine() {
		ManifestEngine local = new ManifestEngine(); // Reconstruction, Sparse
		Remote remote = new Remote();
		EngineRegistry bare = new EngineRegistry(null, null, id -> Map.of());
		bare.register(remote);
		bare.register(local);
		assertSame(local, bare.find("Reconstruction").orElseThrow(), "an engine without its settings is passed over");
		assertTrue(bare.find("Dense").isEmpty());
		assertSame(remote, bare.find("remote", "Reconstruction").orElseThrow(), "named, it is used (its check is the hub's)");
		assertTrue(bare.find("remote", "Sparse").isEmpty(), "named but not running the type");
		assertTrue(bare.find("nope", "Reconstruction").isEmpty());

		EngineRegistry configured = new EngineRegistry(null, "manifest", id -> id.equals("remote") ? Map.of("url", "u") : Map.of());
		configured.register(remote);
		configured.register(local);
		assertSame(local, configured.find("Reconstruction").orElseThrow(), "the default first");
		assertSame(remote, configured.find("Dense").orElseThrow(), "the default does not run Dense: the first that does");
		assertEquals(List.of("remote", "manifest"), configured.list().stream().map(EngineRegistry.Info::id).toList());
		assertEquals(List.of(false, true), configured.list().stream().map(EngineRegistry.Info::isDefault).toList());
	}

	@Test
	void aClientNamesTheEngineWhichReadsItsSettingsAndWritesTheLog() throws IOException {
		Path file = SurveyImages.list(1).get(0);
		byte[] bytes = SurveyImages.read(file);
		HubConfig config = HubConfig.builder(dir).sweepInterval(Duration.ofMillis(200)).engine(new ManifestEngine())
				.engine(new Remote()).engineSetting("remote", "url", "http://10.0.0.5:3000").engineSetting("remote", "token", "t0k")
				.build();
		assertFalse(config.toString().contains("t0k"), config.toString());
		try (Hub hub = Hub.start(config)) {
			Gql gql = Gql.of(hub);
			String pid = gql.createProject("choice");
			JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "a.jpg", "checksum", SurveyImages.sha1(bytes))
					.path("uploadImageGridFS");
			HubTests.gridFsUpload(hub, up.path("url").asText(), bytes);
			HubTests.awaitSettled(gql, pid, up.path("image").path("id").asText(), Duration.ofSeconds(30));
			JsonNode engines = gql.data("{ support { engines { id name taskTypes default } } }").path("support").path("engines");
			assertEquals(2, engines.size(), engines.toString());
			assertEquals("manifest", engines.get(0).path("id").asText());
			assertEquals("[\"Reconstruction\",\"Sparse\"]", engines.get(0).path("taskTypes").toString());

			String start = """
					mutation ($id: ID!, $engine: String) { startReconstructionWithError(id: $id, options: {engine: $engine}) {
					  error { code message } task { id engine } } }""";
			JsonNode refused = gql.data(start, "id", pid, "engine", "nowhere").path("startReconstructionWithError");
			assertEquals("NO_ENGINE", refused.path("error").path("code").asText());
			assertEquals("no engine nowhere on this hub (see support.engines)", refused.path("error").path("message").asText());
			JsonNode started = gql.data(start, "id", pid, "engine", "remote").path("startReconstructionWithError");
			assertEquals("remote", started.path("task").path("engine").asText(), started.toString());
			HubTests.await("Done", Duration.ofSeconds(30), () -> "Done".equals(gql.data(Docs.TASK, "id", pid)
					.path("project").path("task").path("state").asText()));
			List<String> log = new ArrayList<>();
			gql.data("query ($id: ID!) { project(id: $id) { task { log } } }", "id", pid).path("project").path("task")
					.path("log").forEach(l -> log.add(l.asText()));
			assertEquals(List.of("[hub] Reconstruction of 1 Ready image(s) with engine remote", "url=http://10.0.0.5:3000",
					"two lines"), log);
			assertEquals("[\"url=http://10.0.0.5:3000\"]",
					gql.data("query ($id: ID!) { project(id: $id) { task { log(from: 1, max: 1) } } }",
							"id", pid).path("project").path("task").path("log").toString());
			JsonNode dense = gql.data(start.replace("options: {engine: $engine}", "options: {engine: $engine, taskType: Dense}"),
					"id", pid, "engine", "manifest").path("startReconstructionWithError");
			assertEquals("engine manifest does not run Dense", dense.path("error").path("message").asText(), dense.toString());
		}
		IOException unknown = assertThrows(IOException.class, () -> Hub.start(HubConfig.builder(dir.resolve("x"))
				.engine(new Remote()).defaultEngine("remote").build()));
		assertEquals("engine remote: set remote.url", unknown.getMessage());
		assertThrows(IllegalArgumentException.class, () -> HubConfig.builder(dir).engineSetting("Bad Id", "url", "u").build());
	}
}
