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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.tiepoint.recon.ColmapEngine;
import io.tiepoint.recon.internal.ColmapLines;
import io.tiepoint.recon.internal.ColmapLines.Progress;
import io.tiepoint.recon.internal.ColmapPipeline.Profile;
import io.tiepoint.recon.internal.Enu;
import io.tiepoint.recon.internal.TextModel;

/** The output parser on lines COLMAP 3.8 printed on this project's machines, and the geometry helpers. */
class ColmapLinesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Processed file [1/16]|1|16",
			"Processed file [16/16]|16|16",
			"Matching image [3/16] in 2.095s|3|16",
			"Matching image [38/38] in 0.512s|38|38",
			"Matching block [1/4, 2/4] in 12.300s|2|16",
			"Matching block [4/4, 4/4] in 1.070s|16|16",
			"Registering image #10 (3)|3|-1",
			"Registering image #16 (16)|16|-1",
			"Initializing with image pair #11 and #14|2|-1" })
	void progressLines(String line, int done, int total) {
		assertEquals(Optional.of(new Progress(done, total)), ColmapLines.progress(line));
	}

	@ParameterizedTest
	@ValueSource(strings = { "  Name:            DJI_0002.JPG", "  Features:        831", "Bundle adjustment report",
			"Elapsed time: 0.155 [minutes]", "Indexing images... in 0.000s", "Retriangulation",
			"==============================================================================", "",
			"  => Filtered observations: 12", "Loading database" })
	void otherLinesAreNoProgress(String line) {
		assertTrue(ColmapLines.progress(line).isEmpty(), line);
	}

	@Test
	void analyzerAndAlignerFigures() {
		List<String> analyzer = List.of("Cameras: 1", "Images: 16", "Registered images: 16", "Points: 1766",
				"Observations: 8734", "Mean track length: 4.945640", "Mean observations per image: 545.875000",
				"Mean reprojection error: 0.557806px");
		assertEquals(16, analyzer.stream().mapToInt(l -> ColmapLines.registeredImages(l).orElse(0)).sum());
		assertEquals(16, analyzer.stream().mapToInt(l -> ColmapLines.images(l).orElse(0)).sum());
		assertEquals(1766, analyzer.stream().mapToInt(l -> ColmapLines.points(l).orElse(0)).sum());
		assertEquals(8734, analyzer.stream().mapToInt(l -> ColmapLines.observations(l).orElse(0)).sum());
		assertEquals(0.557806, analyzer.stream().mapToDouble(l -> ColmapLines.meanReprojectionError(l).orElse(0)).sum(), 1e-9);
		assertEquals(0.590906, ColmapLines.alignmentError("=> Alignment error: 0.590906 (mean), 0.588578 (median)").orElseThrow(), 1e-9);
		assertTrue(ColmapLines.alignmentError("=> Alignment succeeded").isEmpty());
		assertEquals(0.155, ColmapLines.elapsedMinutes("Elapsed time: 0.155 [minutes]").orElseThrow(), 1e-9);
	}

	@Test
	void taskTypesMapToProfiles() {
		ColmapEngine engine = new ColmapEngine();
		assertEquals("colmap", engine.id());
		assertTrue(engine.taskTypes().containsAll(List.of("Reconstruction", "Sparse", "Native", "Full")));
		assertEquals(Optional.of(Profile.FAST), ColmapEngine.profile("Native"));
		assertEquals(Optional.of(Profile.FAST), ColmapEngine.profile("Sparse"));
		assertEquals(Optional.of(Profile.FULL), ColmapEngine.profile("Full"));
		assertEquals(Optional.of(Profile.FULL), ColmapEngine.profile("Reconstruction"));
		assertTrue(ColmapEngine.profile("Mesh").isEmpty());
	}

	@Test
	void cameraCentreAndEnu() {
		// identity rotation: centre = -t
		assertArrayEquals(new double[] { -1, -2, -3 }, TextModel.centre(1, 0, 0, 0, new double[] { 1, 2, 3 }), 1e-12);
		// 180 degrees about x: R = diag(1, -1, -1), centre = -R^T t
		assertArrayEquals(new double[] { -1, 2, 3 }, TextModel.centre(0, 1, 0, 0, new double[] { 1, 2, 3 }), 1e-12);
		Enu enu = new Enu(46.94809, 7.44744, 540);
		assertArrayEquals(new double[] { 0, 0, 0 }, enu.toEnu(46.94809, 7.44744, 540), 1e-6);
		double[] north = enu.toEnu(46.94809 + 100 / 111_180.0, 7.44744, 540);
		assertEquals(100, north[1], 0.5);
		assertEquals(0, north[0], 1e-6);
		double[] east = enu.toEnu(46.94809, 7.44744 + 100 / (111_320.0 * Math.cos(Math.toRadians(46.94809))), 540);
		assertEquals(100, east[0], 0.5);
		assertEquals(0, east[1], 0.01);
	}

	@Test
	void enuOfTheSampleGpsMatchesTheTruth() throws IOException {
		Path meta = Samples.survey().resolve("meta");
		List<String[]> gps = Files.readAllLines(meta.resolve("gps_ref.txt")).stream().map(l -> l.split(" ")).toList();
		Map<String, double[]> truth = new java.util.HashMap<>();
		for (String l : Files.readAllLines(meta.resolve("enu_truth.txt"))) {
			String[] f = l.split(" ");
			truth.put(f[0], new double[] { Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]) });
		}
		Enu enu = new Enu(Double.parseDouble(gps.get(0)[1]), Double.parseDouble(gps.get(0)[2]), Double.parseDouble(gps.get(0)[3]));
		double[] t0 = truth.get(gps.get(0)[0]);
		for (String[] g : gps) {
			double[] e = enu.toEnu(Double.parseDouble(g[1]), Double.parseDouble(g[2]), Double.parseDouble(g[3]));
			double[] t = truth.get(g[0]);
			// GNSS noise written by generate.sh: at most 0.8 m per horizontal axis, 0.4 m vertically, at both ends
			assertEquals(t[0] - t0[0], e[0], 1.7, g[0]);
			assertEquals(t[1] - t0[1], e[1], 1.7, g[0]);
			assertEquals(t[2] - t0[2], e[2], 0.9, g[0]);
		}
	}

	@Test
	void imagesTxtCentres(@TempDir Path dir) throws IOException {
		Path f = dir.resolve("images.txt");
		Files.writeString(f, """
				# Image list with two lines of data per image:
				1 1 0 0 0 1 2 3 1 a.jpg
				10.5 20.5 -1 11.5 21.5 4
				2 0 1 0 0 1 2 3 1 b.jpg

				""");
		Map<String, double[]> c = TextModel.centres(f);
		assertEquals(List.of("a.jpg", "b.jpg"), List.copyOf(c.keySet()));
		assertArrayEquals(new double[] { -1, 2, 3 }, c.get("b.jpg"), 1e-12);
	}
}
