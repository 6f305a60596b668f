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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.cli.CheckCommand;
import io.tiepoint.testing.TestData;
import picocli.CommandLine;

/** {@code tiepoint check} end to end on the synthetic survey. */
class CheckCommandTest {

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		CommandLine cl = new CommandLine(new CheckCommand());
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		return cl.execute(args);
	}

	private static Path survey() {
		assumeTrue(TestData.syntheticSurvey().isPresent(), "shared/data/synthetic-survey not present");
		return TestData.syntheticSurvey().get();
	}

	@Test
	void findingsAreResultsNotFailures() {
		Path s = survey();
		assertEquals(0, run(s.resolve("images").toString(), s.resolve("bad").toString()), err.toString());
		String text = out.toString();
		assertTrue(text.contains("44 (43 images)"), text);
		assertTrue(text.contains("DJI_0901_truncated.JPG: image data ends early"), text);
		assertTrue(text.contains("IMG_0906_canon.JPG: camera Canon"), text);
	}

	@Test
	void strictExitsOneOnErrorsOnly() {
		Path s = survey();
		assertEquals(1, run("--strict", s.resolve("bad").toString()));
		assertEquals(0, run("--strict", "--threads", "1", s.resolve("images").toString()), err.toString());
	}

	@Test
	void jsonToStdoutAndSummaryToStderr() throws IOException {
		Path s = survey();
		assertEquals(0, run("--json", s.resolve("bad").toString()));
		JsonNode a = new ObjectMapper().readTree(out.toString());
		assertEquals(6, a.size());
		assertTrue(a.get(1).get("path").asText().endsWith("DJI_0902_empty.JPG"));
		assertEquals("empty", a.get(1).get("findings").get(0).get("id").asText());
		assertTrue(err.toString().contains("Files:"), err.toString());
	}

	@Test
	void filesAndConfig(@TempDir Path tmp) throws IOException {
		Path s = survey();
		Path cfg = tmp.resolve("t.properties");
		Files.writeString(cfg, "overlap.minForward=0.95\n");
		Path csv = tmp.resolve("out.csv");
		Path geo = tmp.resolve("out.geojson");
		assertEquals(0, run("--config", cfg.toString(), "--csv=" + csv, "--geojson=" + geo, "--json=-",
				s.resolve("images").toString()));
		assertEquals(39, Files.readAllLines(csv, StandardCharsets.UTF_8).size());
		assertEquals("FeatureCollection", new ObjectMapper().readTree(geo.toFile()).get("type").asText());
		assertTrue(out.toString().contains("low-overlap"), "the stricter threshold from --config applies");
	}

	@Test
	void badConfigIsAUsageError(@TempDir Path tmp) throws IOException {
		Path cfg = tmp.resolve("bad.properties");
		Files.writeString(cfg, "no.such.key=1\n");
		assertEquals(2, run("--config", cfg.toString(), tmp.toString()));
		assertTrue(err.toString().contains("no.such.key"), err.toString());
	}

	@Test
	void atLeastOneDirIsRequired() {
		assertEquals(2, run());
	}
}
