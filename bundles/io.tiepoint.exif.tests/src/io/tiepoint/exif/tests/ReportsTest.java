/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.InspectionRun;
import io.tiepoint.exif.report.CsvReport;
import io.tiepoint.exif.report.GeoJsonReport;
import io.tiepoint.exif.report.JsonReport;
import io.tiepoint.exif.report.TextSummary;
import io.tiepoint.testing.TestData;

/** The writers on the synthetic survey, parsed back; and cancellation of a run. */
class ReportsTest {

	private static InspectionResult result;

	@BeforeAll
	static void scan() throws IOException {
		assumeTrue(TestData.syntheticSurvey().isPresent(), "shared/data/synthetic-survey not present");
		Path s = TestData.syntheticSurvey().get();
		result = new InspectionRun(CheckConfig.defaults(), 2, null).run(List.of(s.resolve("images"), s.resolve("bad")),
				new NullProgressMonitor());
	}

	@Test
	void jsonHasOneRecordPerFileWithPlainNames() throws IOException {
		StringWriter w = new StringWriter();
		JsonReport.write(result, w);
		JsonNode a = new ObjectMapper().readTree(w.toString());
		assertEquals(44, a.size());
		JsonNode first = a.get(0);
		assertTrue(first.get("path").asText().endsWith("DJI_0901_truncated.JPG"));
		assertEquals("truncated", first.get("findings").get(0).get("id").asText());
		assertEquals("ERROR", first.get("findings").get(0).get("severity").asText());
		JsonNode img = null;
		for (JsonNode n : a) {
			if (n.get("path").asText().endsWith("images/DJI_0001.JPG")) {
				img = n;
			}
		}
		assertEquals(47.39742659, img.get("latitude").asDouble(), 1e-7);
		assertEquals(8.54487598, img.get("longitude").asDouble(), 1e-7);
		assertEquals(547.919, img.get("altitude").asDouble(), 1e-3);
		assertEquals("DJI", img.get("make").asText());
		assertEquals("FC6310", img.get("model").asText());
		assertEquals(1200, img.get("width").asInt());
		assertEquals(40, img.get("sha1").asText().length());
		assertEquals(32, img.get("md5").asText().length());
		assertEquals("nadir", img.get("findings").get(0).get("id").asText());
	}

	@Test
	void csvHasHeaderAndOneRowPerFile() throws IOException {
		StringWriter w = new StringWriter();
		CsvReport.write(result, w);
		String[] lines = w.toString().split("\r\n");
		assertEquals(45, lines.length);
		assertTrue(lines[0].startsWith("path,name,size,sha1,md5,"));
		int cols = lines[0].split(",", -1).length;
		assertEquals(cols, lines[10].split(",", -1).length);
	}

	@Test
	void geoJsonHasPointsAndFootprints() throws IOException {
		StringWriter w = new StringWriter();
		GeoJsonReport.write(result, w);
		JsonNode fc = new ObjectMapper().readTree(w.toString());
		assertEquals("FeatureCollection", fc.get("type").asText());
		int points = 0;
		int polygons = 0;
		for (JsonNode f : fc.get("features")) {
			String type = f.get("geometry").get("type").asText();
			if (type.equals("Point")) {
				points++;
			} else if (type.equals("Polygon")) {
				polygons++;
				JsonNode ring = f.get("geometry").get("coordinates").get(0);
				assertEquals(5, ring.size());
				assertEquals(ring.get(0).get(0).asDouble(), ring.get(4).get(0).asDouble());
				assertTrue(Math.abs(ring.get(0).get(1).asDouble() - 47.3977) < 0.002);
			}
		}
		assertEquals(41, points); // 44 files less the empty one, the PNG and the one without GPS
		assertEquals(30, polygons);
	}

	@Test
	void summaryNamesTotalsAndFindings() {
		StringWriter w = new StringWriter();
		TextSummary.write(result, new PrintWriter(w));
		String s = w.toString();
		assertTrue(s.contains("44 (43 images)"), s);
		assertTrue(s.contains("median forward 8"), s);
		assertTrue(s.contains("DJI_0902_empty.JPG: empty file"), s);
	}

	@Test
	void canceledRunStops(@TempDir Path dir) throws IOException {
		for (int i = 0; i < 20; i++) {
			Files.write(dir.resolve("f" + i + ".jpg"), Images.sharpJpeg(i, 64, 64));
		}
		NullProgressMonitor m = new NullProgressMonitor();
		m.setCanceled(true);
		assertThrows(OperationCanceledException.class,
				() -> new InspectionRun(CheckConfig.defaults(), 2, null).run(List.of(dir), m));
	}
}
