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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.testing.TestData;

/**
 * {@code tiepoint ingest --cloud oss} on the embedded hub: the hub's OSS gateway, the OSS provider on the official
 * SDK with the hub's STS, the survey to Ready (bad files rejected), a second run sending nothing; the STS is asked for
 * once a validity, not once an image.
 */
class OssIngestCommandTest {

	@TempDir
	static Path tmp;

	private static String[] run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Tiepoint.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of("TIEPOINT_DEBUG", "1"));
		return new String[] { String.valueOf(code), out.toString(), err.toString() };
	}

	@Test
	void surveyGoesToReadyThroughTheHubsOssGatewayAndASecondRunSendsNothing() throws Exception {
		assumeTrue(TestData.syntheticSurvey().isPresent(), "shared/data/synthetic-survey not present");
		Path survey = TestData.syntheticSurvey().get();
		Path ws = tmp.resolve("survey-oss");
		Files.createDirectories(ws.resolve(".tiepoint"));
		for (String signature : new String[] { "v4" }) {
			Files.writeString(ws.resolve(".tiepoint/config.properties"), "oss.signature=" + signature + "\n");
			String[] first = run("ingest", survey.resolve("images").toString(), survey.resolve("bad").toString(), "--project",
					"survey", "--workspace", ws.toString(), "--cloud", "oss", "--threads", "4");
			assertEquals("0", first[0], first[1] + first[2]);
			Matcher m = Pattern.compile("asked the platform for (\\d+) uploadImageOSS grant").matcher(first[1] + first[2]);
			assertTrue(m.find(), first[1] + first[2]);
			System.out.println("OssIngestCommandTest: STS requests in the first run: " + m.group(1));
			assertEquals(1, Integer.parseInt(m.group(1)), "one STS for a run shorter than its hour");
			String[] status = run("status", "--project", "survey", "--workspace", ws.toString(), "--json");
			JsonNode counts = new ObjectMapper().readTree(status[1]).path("counts");
			assertEquals(38, counts.path("Ready").asInt(), status[1]);
			assertEquals(1, counts.path("Existing").asInt(), status[1]);
			assertEquals(5, counts.path("Rejected").asInt(), status[1]);
			String[] again = run("ingest", survey.resolve("images").toString(), survey.resolve("bad").toString(), "--project",
					"survey", "--workspace", ws.toString());
			assertEquals("0", again[0], again[1] + again[2]);
			assertTrue(again[1].contains("0 image(s) handled, 0 sent, 0 B in"), again[1]);
		}
	}
}
