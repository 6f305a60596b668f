/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.Services;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.operations.IngestOperation;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.images.Findings;
import io.tiepoint.ui.internal.jobs.InspectJob;
import io.tiepoint.ui.internal.map.MapLegend;
import io.tiepoint.ui.internal.map.MapPanel;

/**
 * The synthetic survey taken in by the workbench (Add Images: the {@link InspectJob}) and by the command line
 * ({@code tiepoint ingest images bad --project cli --to uitest://parity/cli}: the core's {@link IngestOperation}
 * with the workspace's settings, sending each image as soon as it passes) into one workspace: the same photos are
 * rejected with the same words, and the Map shows the same footprints for both projects.
 */
class ParityTest {

	private static final String NO_GPS = "DJI_0904_nogps.JPG";

	@TempDir
	static Path tmp;

	static Ui ui;
	static WorkbenchModel model;
	static IngestOperation cli;

	@BeforeAll
	static void ingestTheSurveyBothWays() throws Exception {
		Optional<Path> survey = TestData.syntheticSurvey();
		assumeTrue(survey.isPresent(), "the synthetic survey (../shared/data) is not on this machine");
		List<Path> roots = List.of(survey.get().resolve("images"), survey.get().resolve("bad"));
		assumeTrue(Files.isRegularFile(survey.get().resolve("bad").resolve(NO_GPS)), "the survey has no " + NO_GPS);
		ui = Ui.open();
		Path ws = tmp.resolve("ws");
		Files.createDirectories(ws.resolve(TiepointConfig.STATE_DIR));
		Files.writeString(ws.resolve(TiepointConfig.STATE_DIR).resolve(TiepointConfig.FILE_NAME),
				TestStorageProvider.TOKEN + "=parity-token\n");
		model = WorkbenchModel.open(ws, ui.display);
		StorageProviders providers = Services.get(StorageProviders.class);

		String cloud = providers.descriptors().stream().flatMap(d -> d.platformBinding().stream()).findFirst().orElseThrow()
				.cloud();
		model.workspace().journal().createProject("workbench", "embedded", cloud);
		InspectJob job = new InspectJob(model.workspace(), "workbench", roots);
		job.schedule();
		ui.spinUntil(() -> job.getResult() != null, 120_000, "the workbench's inspection");
		assertTrue(job.getResult().isOK(), job.getResult().toString());

		// as IngestCommand does: the workspace's settings (here its config.properties gives the token)
		TiepointConfig config = TiepointConfig.load(Map.of(), TiepointConfig.userFile(System.getenv()), ws,
				System.getenv(), Map.of());
		cli = new IngestOperation(model.workspace(), new IngestOperation.Request("cli", roots, null, null,
				"uitest://parity/cli", false), IngestOptions.builder(config).build(), providers, List.of());
		cli.execute(new NullProgressMonitor());
	}

	@AfterAll
	static void close() {
		if (model != null) {
			model.close();
		}
		if (ui != null) {
			ui.close();
		}
	}

	private static Map<String, ImageEntry> rejected(String project) throws Exception {
		Map<String, ImageEntry> out = new TreeMap<>();
		model.workspace().journal().images(project, ImageState.REJECTED).forEach(e -> out.put(e.path(), e));
		return out;
	}

	@Test
	void aPhotoWithoutGpsIsRejectedWithTheSameWordsByTheWorkbenchAndTheCommandLine() throws Exception {
		Map<String, ImageEntry> workbench = rejected("workbench");
		Map<String, ImageEntry> commandLine = rejected("cli");
		ImageEntry wb = workbench.values().stream().filter(e -> e.name().equals(NO_GPS)).findFirst().orElseThrow(
				() -> new AssertionError(NO_GPS + " is not rejected by the workbench: " + workbench.keySet()));
		ImageEntry cl = commandLine.get(wb.path());
		assertNotNull(cl, NO_GPS + " is not rejected by the command line: " + commandLine.keySet());
		assertNotNull(wb.error());
		assertTrue(wb.findings().contains("no-gps"), wb.findings());
		assertEquals(wb.error(), cl.error());
		assertEquals(wb.findings(), cl.findings());
		assertTrue(cli.summary().failures().contains(NO_GPS + ": rejected: " + wb.error()),
				"what tiepoint ingest prints: " + cli.summary().failures());

		assertEquals(workbench.keySet(), commandLine.keySet(), "the same photos are rejected");
		for (String path : workbench.keySet()) {
			assertEquals(ids(workbench.get(path)), ids(commandLine.get(path)), path);
			assertEquals(workbench.get(path).error(), commandLine.get(path).error(), path);
		}
	}

	private static List<String> ids(ImageEntry e) {
		return Findings.parse(e.findings()).stream().map(Findings.Line::id).sorted().toList();
	}

	@Test
	void theMapShowsTheSameFootprintsForTheCommandLinesProjectAsForTheWorkbenchs() throws Exception {
		model.setCurrentProject("workbench");
		MapPanel map = new MapPanel(ui.shell, model);
		try {
			ui.shell.layout(true, true);
			ui.shell.open();
			ui.spinUntil(() -> !map.isLoading() && !map.placed().isEmpty(), 20_000, "the workbench project's map");
			Map<String, List<double[]>> workbench = map.footprints();
			int placed = map.placed().size();
			assertTrue(workbench.size() > 10, "footprints " + workbench.size());

			model.setCurrentProject("cli");
			ui.spinUntil(() -> !map.isLoading() && map.placed().stream().anyMatch(e -> e.state() == ImageState.STORED),
					20_000, "the command line project's map");
			Map<String, List<double[]>> commandLine = map.footprints();
			assertEquals(placed, map.placed().size(), "cameras placed");
			assertEquals(workbench.keySet(), commandLine.keySet(), "footprints of the same images");
			for (Map.Entry<String, List<double[]>> f : workbench.entrySet()) {
				List<double[]> other = commandLine.get(f.getKey());
				assertEquals(f.getValue().size(), other.size(), f.getKey());
				for (int i = 0; i < other.size(); i++) {
					assertArrayEquals(f.getValue().get(i), other.get(i), 1e-3, f.getKey() + " corner " + i);
				}
			}

			// the images went to the test provider: the legend says Stored, in a colour of its own
			List<MapLegend.Row> legend = map.legend();
			MapLegend.Row stored = legend.stream().filter(r -> r.label().equals("Stored")).findFirst()
					.orElseThrow(() -> new AssertionError("no Stored in the legend: " + legend));
			for (MapLegend.Row r : legend) {
				if (r != stored) {
					assertNotEquals(r.rgb(), stored.rgb(), r.label());
				}
			}
			ui.spin(200);
			ui.screenshot(map.control(), "map-stored");
		} finally {
			map.control().dispose();
		}
	}
}
