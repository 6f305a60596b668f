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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.hub.TaskImage;
import io.tiepoint.recon.ColmapEngine;

/**
 * The engine on the sample survey through a recording task context: a fast reconstruction with its
 * figures, a stop during matching, and a clear failure without colmap.
 */
class ColmapEngineTest {

	@TempDir
	Path work;

	@Test
	void reconstructsTheSampleSurvey() throws Exception {
		Samples.assumeColmap();
		List<TaskImage> images = Samples.copyInto(work);
		RecordingContext ctx = new RecordingContext(work, "Native", images);
		long t0 = System.nanoTime();
		new ColmapEngine().reconstruct(ctx);
		double wall = (System.nanoTime() - t0) / 1e9;
		Map<String, Object> r = ctx.results;
		System.out.printf("[recon] engine: %d images, %s registered, %s points, reprojection %s px, alignment %s m, "
				+ "georegistration %s m (max %s), %.1f s wall, stages %s%n", images.size(), r.get("registeredImages"),
				r.get("points"), r.get("meanReprojectionError"), r.get("alignmentError"), r.get("georegistrationError"),
				r.get("georegistrationErrorMax"), wall, r.get("stageSeconds"));

		int n = images.size();
		assertEquals(n, (int) ctx.number("images"));
		assertTrue(ctx.number("registeredImages") >= Math.ceil(0.9 * n), () -> "registered: " + r);
		assertTrue(ctx.number("points") > 500, () -> "points: " + r);
		assertTrue(ctx.number("meanReprojectionError") < 1.0, () -> "reprojection: " + r);
		assertEquals("enu", r.get("georegistration"));
		assertTrue(ctx.number("alignmentError") < 3.0, () -> "alignment: " + r);
		assertTrue(ctx.number("georegistrationError") < 3.0, () -> "georegistration: " + r);
		assertEquals("fast", r.get("profile"));

		// progress: monotonic, one total across all stages, ends complete
		List<int[]> p = ctx.progress;
		assertTrue(p.size() > n, "progress reports: " + p.size());
		int total = p.get(0)[1];
		assertEquals(3 * n + 3, total);
		for (int i = 1; i < p.size(); i++) {
			assertTrue(p.get(i)[0] > p.get(i - 1)[0] && p.get(i)[1] == total, "progress not monotonic at " + i);
		}
		assertEquals(total, p.get(p.size() - 1)[0]);

		// files
		String header = new String(Files.readAllBytes(ctx.files.get("points.ply")), 0, 200, StandardCharsets.ISO_8859_1);
		assertTrue(header.startsWith("ply") && header.contains("element vertex " + (int) ctx.number("points")), header);
		assertTrue(Files.size(ctx.files.get("model.zip")) > 1000);
		try (var glog = Files.list(work.resolve("colmap/glog"))) {
			assertTrue(glog.findAny().isPresent(), "glog files stay in the workspace");
		}
		assertTrue(Samples.colmapProcesses(work).isEmpty());
	}

	@Test
	void stopDuringMatchingKillsColmap() throws IOException {
		Samples.assumeColmap();
		List<TaskImage> images = Samples.copyInto(work);
		int n = images.size();
		RecordingContext ctx = new RecordingContext(work, "Native", images);
		// steps n..2n are matching: cancel at the first matching report
		ctx.cancelWhen = (step, total) -> step > n;
		long t0 = System.nanoTime();
		assertThrows(OperationCanceledException.class, () -> new ColmapEngine().reconstruct(ctx));
		double seconds = (System.nanoTime() - t0) / 1e9;
		assertTrue(Files.exists(work.resolve("colmap/logs/match-spatial_matcher.log")), "stopped in matching");
		assertTrue(Samples.colmapProcesses(work).isEmpty(), () -> "left: " + Samples.colmapProcesses(work));
		assertTrue(ProcessHandle.current().descendants().noneMatch(h -> h.info().command().orElse("").contains("colmap")));
		System.out.printf("[recon] stop during matching: canceled and gone after %.1f s%n", seconds);
	}

	@Test
	void clearFailureWithoutColmap() {
		List<TaskImage> images = List.of(new TaskImage("1", "a.jpg", "a.jpg", work.resolve("a.jpg")));
		String old = System.getProperty(ColmapEngine.COLMAP_PROPERTY);
		System.setProperty(ColmapEngine.COLMAP_PROPERTY, work.resolve("no/colmap").toString());
		try {
			CoreException e = assertThrows(CoreException.class,
					() -> new ColmapEngine().reconstruct(new RecordingContext(work, "Native", images)));
			String m = e.getStatus().getMessage();
			assertTrue(m.contains("apt-get install colmap") && m.contains(work.resolve("no/colmap").toString()), m);
		} finally {
			if (old == null) {
				System.clearProperty(ColmapEngine.COLMAP_PROPERTY);
			} else {
				System.setProperty(ColmapEngine.COLMAP_PROPERTY, old);
			}
		}
	}

	@Test
	void colmapErrorTextReachesTheMessage() throws IOException {
		Path junk = Files.createDirectories(work.resolve("images")).resolve("x.jpg");
		Files.writeString(junk, "not an image");
		// a fake colmap that fails like COLMAP does: its own text on stderr and a non-zero exit
		Path fake = work.resolve("fake-colmap");
		Files.writeString(fake,
				"#!/bin/sh\necho 'Feature extraction'\necho 'F1121 12:00:00 option_manager.cc:812] Check failed: ExistsDir(*image_path)' >&2\nexit 134\n");
		fake.toFile().setExecutable(true);
		String old = System.getProperty(ColmapEngine.COLMAP_PROPERTY);
		System.setProperty(ColmapEngine.COLMAP_PROPERTY, fake.toString());
		try {
			CoreException e = assertThrows(CoreException.class, () -> new ColmapEngine()
					.reconstruct(new RecordingContext(work, "Native", List.of(new TaskImage("1", "x.jpg", "x.jpg", junk)))));
			String m = e.getStatus().getMessage();
			assertTrue(m.contains("feature_extractor failed (exit 134") && m.contains("Check failed: ExistsDir"), m);
		} finally {
			if (old == null) {
				System.clearProperty(ColmapEngine.COLMAP_PROPERTY);
			} else {
				System.setProperty(ColmapEngine.COLMAP_PROPERTY, old);
			}
		}
	}
}
