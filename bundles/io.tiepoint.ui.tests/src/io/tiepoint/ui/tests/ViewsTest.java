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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.details.DetailsPanel;
import io.tiepoint.ui.internal.images.ImageColumn;
import io.tiepoint.ui.internal.images.ImagesPanel;
import io.tiepoint.ui.internal.jobs.InspectJob;
import io.tiepoint.ui.internal.map.MapPanel;
import io.tiepoint.ui.internal.projects.ProjectsPanel;

/**
 * Drives the real Images, Map, Details and Projects panels (the views' contents) on the synthetic
 * survey, inspected into a temporary workspace by the Add Images job, and saves screenshots.
 */
class ViewsTest {

	@TempDir
	static Path tmp;

	static Ui ui;
	static WorkbenchModel model;

	@BeforeAll
	static void inspectSurvey() throws Exception {
		Optional<Path> survey = TestData.syntheticSurvey();
		assumeTrue(survey.isPresent(), "the synthetic survey (../shared/data) is not on this machine");
		ui = Ui.open();
		model = WorkbenchModel.open(tmp.resolve("ws"), ui.display);
		model.workspace().journal().createProject("survey", "embedded", "gridfs");
		model.setCurrentProject("survey");
		InspectJob job = new InspectJob(model.workspace(), "survey", List.of(survey.get().resolve("images"), survey.get().resolve("bad")));
		job.schedule();
		ui.spinUntil(() -> job.getResult() != null, 120_000, "the inspection of the survey");
		assertTrue(job.getResult().isOK(), job.getResult().toString());
	}

	@AfterAll
	static void close() {
		if (ui != null) {
			ui.close();
		}
		if (model != null) {
			model.close();
		}
	}

	private ImagesPanel images() {
		ImagesPanel p = new ImagesPanel(ui.shell, model);
		ui.shell.layout(true, true);
		ui.shell.open();
		ui.spinUntil(() -> !p.isLoading() && p.rows().size() > 0, 20_000, "the Images view's rows");
		return p;
	}

	@Test
	void imagesViewShowsFiltersSortsSearchesAndActs() throws Exception {
		ImagesPanel p = images();
		try {
			int total = model.workspace().journal().count("survey");
			assertEquals(total, p.rows().size());
			assertTrue(p.statusText().startsWith("survey: " + total + " images"), p.statusText());
			assertEquals(10, p.viewer().getTable().getColumnCount());
			ImageEntry first = p.rows().get(0);
			assertEquals(model.workspace().journal().page("survey", 0, 1).get(0).id(), first.id());
			ui.spinUntil(() -> p.thumbnails().decodedCount() > 3, 20_000, "thumbnails");
			ui.spin(300);
			ui.screenshot(p.control(), "images");

			p.filterState(ImageState.REJECTED);
			ui.spinUntil(() -> !p.isLoading() && p.query().state() == ImageState.REJECTED, 10_000, "the state filter");
			int rejected = model.workspace().journal().images("survey", ImageState.REJECTED).size();
			assertTrue(rejected > 0, "the survey's bad files are rejected");
			assertEquals(rejected, p.rows().size());
			p.filterState(null);

			p.filterFinding("no-gps");
			ui.spinUntil(() -> !p.isLoading(), 10_000, "the finding filter");
			assertTrue(p.rows().size() >= 1);
			for (int i = 0; i < p.rows().size(); i++) {
				assertTrue(p.rows().get(i).findings().contains("no-gps"), p.rows().get(i).name());
			}
			p.filterFinding(null);

			p.search("dji_0007");
			ui.spinUntil(() -> !p.isLoading() && !p.rows().paged(), 10_000, "the quick search");
			assertTrue(p.rows().size() >= 1 && p.rows().size() < total, "rows " + p.rows().size());
			p.search("");

			p.sortBy(ImageColumn.NAME, false);
			ui.spinUntil(() -> !p.isLoading() && !p.query().ascending(), 10_000, "the sort");
			List<ImageEntry> all = model.workspace().journal().images("survey");
			assertEquals(all.get(all.size() - 1).id(), p.rows().get(0).id(), "descending by name");
			p.sortBy(ImageColumn.NAME, true);
			ui.spinUntil(() -> !p.isLoading() && p.rows().paged(), 10_000, "back to paging");

			// exclude the first two rows: the commit comes back through the journal listener
			p.viewer().setSelection(new StructuredSelection(List.of(p.rows().get(0), p.rows().get(1))));
			assertEquals(2, p.selection().size());
			assertTrue(p.actions().get("exclude").isEnabled());
			p.exclude(true);
			ui.spinUntil(() -> !p.isLoading() && p.rows().get(0) != null && p.rows().get(0).excluded(), 10_000,
					"the excluded state to appear live");
			assertTrue(p.viewer().getTable().getItem(0).getText(ImageColumn.STATE.ordinal()).contains("excluded"));
			p.viewer().setSelection(new StructuredSelection(List.of(p.rows().get(0), p.rows().get(1))));
			p.exclude(false);
			ui.spinUntil(() -> !p.isLoading() && !p.rows().get(0).excluded(), 10_000, "include");
		} finally {
			p.control().dispose();
		}
	}

	@Test
	void mapShowsCamerasAndFootprintsAndSelectsOnClick() throws Exception {
		MapPanel map = new MapPanel(ui.shell, model);
		try {
			ui.shell.layout(true, true);
			ui.shell.open();
			ui.spinUntil(() -> !map.isLoading() && !map.placed().isEmpty(), 20_000, "the map's data");
			long withGps = model.workspace().journal().images("survey").stream()
					.filter(e -> e.latitude() != null && e.longitude() != null && !(e.latitude() == 0 && e.longitude() == 0)).count();
			assertEquals(withGps, map.placed().size());
			assertTrue(map.footprintCount() > 10, "footprints " + map.footprintCount());
			ImageEntry target = map.placed().get(map.placed().size() / 2);
			ImageEntry[] clicked = new ImageEntry[1];
			map.addClickListener(e -> clicked[0] = e);
			Point at = map.screenPosition(target.id());
			assertNotNull(at);
			Event down = new Event();
			down.x = at.x;
			down.y = at.y;
			down.button = 1;
			map.canvas().notifyListeners(SWT.MouseDown, down);
			assertNotNull(clicked[0]);
			assertEquals(Set.of(clicked[0].id()), map.selection());
			ui.spin(200);
			ui.screenshot(map.control(), "map");
			map.setColouring(MapPanel.Colouring.FINDING);
			ui.spin(200);
			ui.screenshot(map.control(), "map-findings");
		} finally {
			map.control().dispose();
		}
	}

	@Test
	void detailsShowEveryFieldAndExplainFindings() throws Exception {
		DetailsPanel details = new DetailsPanel(ui.shell, model);
		try {
			ui.shell.layout(true, true);
			ui.shell.open();
			ImageEntry e = model.workspace().journal().images("survey").stream()
					.filter(x -> x.findings().contains("WARNING")).findFirst().orElseThrow();
			details.show(e);
			ui.spinUntil(() -> !details.isLoading() && details.record() != null, 20_000, "the file's metadata");
			ui.spin(300);
			List<String[]> rows = details.rows();
			Map<String, String> byField = new java.util.HashMap<>();
			rows.forEach(r -> byField.putIfAbsent(r[0], r[1]));
			for (String f : new String[] { "make", "model", "focalLength", "dateTimeOriginal", "latitude", "gimbalPitch",
					"relativeAltitude", "sha1", "state" }) {
				assertTrue(byField.containsKey(f), "field " + f);
			}
			assertEquals(e.sha1(), byField.get("sha1"));
			assertTrue(rows.stream().anyMatch(r -> r[0].equals("why it matters") && !r[1].isBlank()));
			assertTrue(rows.stream().anyMatch(r -> r[0].startsWith("WARNING ")));
			ui.screenshot(details.control(), "details");
		} finally {
			details.control().dispose();
		}
	}

	@Test
	void projectsListProjectsAndHubs() throws Exception {
		SashForm sash = new SashForm(ui.shell, SWT.HORIZONTAL);
		ProjectsPanel projects = new ProjectsPanel(sash, model);
		try {
			ui.shell.layout(true, true);
			ui.shell.open();
			ui.spinUntil(() -> !projects.isLoading(), 10_000, "projects");
			String text = String.join("\n", texts(projects.viewer().getTree().getItems()));
			assertTrue(text.contains("survey"), text);
			assertTrue(text.contains("Embedded hub"), text);
			ui.screenshot(sash, "projects");
		} finally {
			sash.dispose();
		}
	}

	private static List<String> texts(org.eclipse.swt.widgets.TreeItem[] items) {
		List<String> out = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.TreeItem i : items) {
			out.add(i.getText());
			out.addAll(texts(i.getItems()));
		}
		return out;
	}

	@Test
	void inspectionRecordsEveryFileAndItsFootprints() throws Exception {
		assertTrue(Files.isRegularFile(model.workspace().stateDir().resolve("footprints").resolve("survey.tsv")));
		assertFalse(model.workspace().journal().images("survey", ImageState.DISCOVERED).size() > 0,
				"every recorded file was inspected");
	}
}
