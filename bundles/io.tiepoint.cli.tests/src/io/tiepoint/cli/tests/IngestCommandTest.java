/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.s3.S3ProxyProcess;

/**
 * {@code tiepoint ingest} end to end: the embedded hub (in this process, data in the workspace), its
 * S3 bucket on a real S3 server (S3Proxy), the S3 storage provider, the synthetic survey.
 */
class IngestCommandTest {

	private static S3ProxyProcess s3;

	@TempDir
	static Path tmp;

	@BeforeAll
	static void startS3() throws Exception {
		assumeTrue(System.getProperty(S3ProxyProcess.PROPERTY) != null, "no S3Proxy jar (run through Maven)");
		s3 = S3ProxyProcess.start(tmp.resolve("s3proxy"));
	}

	@AfterAll
	static void stopS3() throws Exception {
		if (s3 != null) {
			s3.close();
		}
	}

	private static Cli.Result run(String... args) {
		return Cli.run(Map.of("TIEPOINT_DEBUG", "1"), args);
	}

	private static Path survey() {
		assumeTrue(TestData.syntheticSurvey().isPresent(), "shared/data/synthetic-survey not present");
		return TestData.syntheticSurvey().get();
	}

	private static Path workspace(String name) throws Exception {
		Path ws = tmp.resolve(name);
		Files.createDirectories(ws.resolve(".tiepoint"));
		Files.writeString(ws.resolve(".tiepoint/config.properties"), String.join("\n",
				"hub.s3.endpoint=" + s3.endpoint(), "hub.s3.bucket=" + name, "hub.s3.region=" + s3.region(),
				"hub.s3.access.key=" + s3.accessKey(), "hub.s3.secret.key=" + s3.secretKey(), ""));
		return ws;
	}

	private static JsonNode status(Path ws) throws Exception {
		Cli.Result r = run("status", "--project", "survey", "--workspace", ws.toString(), "--json");
		assertEquals(0, r.code(), r.err());
		return new ObjectMapper().readTree(r.out());
	}

	@Test
	void surveyGoesToReadyOverS3AndASecondRunSendsNothing() throws Exception {
		Path survey = survey();
		Path ws = workspace("survey-s3");
		Cli.Result first = run("ingest", survey.resolve("images").toString(), survey.resolve("bad").toString(), "--project",
				"survey", "--workspace", ws.toString(), "--cloud", "s3", "--threads", "4");
		assertEquals(0, first.code(), first.out() + first.err());
		assertFalse(first.out().contains(s3.secretKey()), "the S3 secret must never be printed");

		JsonNode status = status(ws);
		assertEquals("survey", status.path("project").asText());
		JsonNode counts = status.path("counts");
		// 38 survey images and the duplicate DJI_0905 (same bytes as DJI_0007: one of them Existing, not sent twice)
		assertEquals(38, counts.path("Ready").asInt(), status.toString());
		assertEquals(1, counts.path("Existing").asInt(), status.toString());
		// truncated, empty, PNG named .JPG, no GPS, another camera: held back with their reasons
		assertEquals(5, counts.path("Rejected").asInt(), status.toString());
		Map<String, JsonNode> byName = new HashMap<>();
		status.path("images").forEach(i -> byName.put(i.path("name").asText(), i));
		assertEquals("Rejected", byName.get("DJI_0901_truncated.JPG").path("state").asText());
		assertEquals("Rejected", byName.get("DJI_0902_empty.JPG").path("state").asText());
		// each image is sent as soon as it passes inspection: whichever twin passed first went, the other is
		// Existing (its bytes are on the platform once)
		assertEquals(java.util.Set.of("Ready", "Existing"), java.util.Set.of(
				byName.get("DJI_0905_dup_of_0007.JPG").path("state").asText(),
				byName.get("DJI_0007.JPG").path("state").asText()), status.toString());
		assertTrue(byName.get("DJI_0902_empty.JPG").path("error").asText().contains("empty"),
				byName.get("DJI_0902_empty.JPG").toString());
		for (JsonNode i : status.path("images")) {
			String state = i.path("state").asText();
			assertTrue(state.equals("Ready") || state.equals("Existing") || state.equals("Rejected"), i.toString());
			if (state.equals("Rejected")) {
				assertFalse(i.path("error").asText().isBlank(), "a rejected image says why: " + i);
			}
		}

		Cli.Result again = run("ingest", survey.resolve("images").toString(), survey.resolve("bad").toString(), "--project",
				"survey", "--workspace", ws.toString());
		assertEquals(0, again.code(), again.out() + again.err());
		assertTrue(again.out().contains("inspected 0 new image(s)"), again.out());
		assertTrue(again.out().contains("0 image(s) handled, 0 sent, 0 B in"), again.out());

		Cli.Result report = run("report", "--project", "survey", "--workspace", ws.toString(), "--csv");
		assertEquals(0, report.code(), report.err());
		String[] lines = report.out().split("\n");
		assertEquals(1 + 44, lines.length, report.out());
		assertTrue(lines[0].startsWith("filename,path,sha1,state,error,bytes,bytes_sent"), lines[0]);
		// each image's own bytes: 4 transfers at once, no faults, so every image sent went exactly once
		int sent = 0;
		for (int i = 1; i < lines.length; i++) {
			String[] c = lines[i].split(",");
			if (c[3].equals("Ready")) {
				assertEquals(c[5], c[6], "bytes sent for " + lines[i]);
				sent++;
			}
		}
		assertEquals(38, sent);
	}

	@Test
	void dryRunSendsNothingAndSaysWhatWouldBeSent() throws Exception {
		Path survey = survey();
		Path ws = workspace("survey-dry");
		Cli.Result r = run("ingest", survey.resolve("images").toString(), "--project", "survey", "--workspace",
				ws.toString(), "--cloud", "s3", "--dry-run");
		assertEquals(0, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("would send 38 image(s)"), r.out());
		JsonNode counts = status(ws).path("counts");
		assertEquals(38, counts.path("Inspected").asInt(), counts.toString());
		assertTrue(counts.path("Ready").isMissingNode(), counts.toString());
	}

	@Test
	void badArgumentsAreUsageErrors() {
		Cli.Result r = run("ingest", "somewhere", "--project", "p", "--limit-rate", "fast");
		assertEquals(2, r.code(), r.err());
		assertTrue(r.err().contains("--limit-rate fast"), r.err());
		Cli.Result missing = run("ingest", tmp.resolve("does-not-exist").toString(), "--project", "p", "--workspace",
				tmp.resolve("ws-missing").toString(), "--dry-run");
		assertEquals(1, missing.code(), missing.out() + missing.err());
		assertTrue(missing.err().contains("does-not-exist"), missing.err());
	}
}
