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

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.hub.TaskImage;
import io.tiepoint.recon.ColmapEngine;

/**
 * Times the reconstruction of the sample survey (benchmarks/recon-bench.sh): runs only with
 * {@code -Dtiepoint.bench=recon}; {@code -Dtiepoint.bench.args="TYPE [RUNS]"} (default {@code Native 1}).
 */
class ReconBenchmark {

	@TempDir
	Path dir;

	@Test
	void reconstructionTimes() throws Exception {
		Assumptions.assumeTrue("recon".equals(System.getProperty("tiepoint.bench")), "benchmark: -Dtiepoint.bench=recon");
		Samples.assumeColmap();
		String[] args = System.getProperty("tiepoint.bench.args", "").isBlank() ? new String[0]
				: System.getProperty("tiepoint.bench.args").strip().split("\\s+");
		String type = args.length > 0 ? args[0] : "Native";
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		for (int run = 1; run <= runs; run++) {
			Path work = dir.resolve("run" + run);
			List<TaskImage> images = Samples.copyInto(work);
			RecordingContext ctx = new RecordingContext(work, type, images);
			long t0 = System.nanoTime();
			new ColmapEngine().reconstruct(ctx);
			double wall = (System.nanoTime() - t0) / 1e9;
			@SuppressWarnings("unchecked")
			Map<String, Number> stages = (Map<String, Number>) ctx.results.get("stageSeconds");
			System.out.printf("recon-bench run %d: %s, %d images 1000x750, %s registered, %s points, reprojection %.3f px, "
					+ "georegistration %.3f m%n", run, type, images.size(), ctx.results.get("registeredImages"),
					ctx.results.get("points"), ctx.number("meanReprojectionError"), ctx.number("georegistrationError"));
			stages.forEach((k, v) -> System.out.printf("recon-bench   %-8s %7.2f s%n", k, v.doubleValue()));
			// a timing of a reconstruction that did not reconstruct is no figure
			assertTrue(((Number) ctx.results.get("registeredImages")).intValue() >= images.size() / 2,
					"run " + run + " registered " + ctx.results.get("registeredImages") + " of " + images.size() + " images");
			assertTrue(((Number) ctx.results.get("points")).longValue() > 0, "run " + run + " has no points");
			System.out.printf("recon-bench   %-8s %7.2f s%n", "total", wall);
		}
	}
}
