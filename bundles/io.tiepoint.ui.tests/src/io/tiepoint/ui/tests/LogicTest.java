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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.ui.internal.images.Findings;
import io.tiepoint.ui.internal.images.ImageQuery;
import io.tiepoint.ui.internal.jobs.ReconstructionJob;
import io.tiepoint.ui.internal.jobs.TransferText;
import io.tiepoint.ui.internal.jobs.UploadPlan;
import io.tiepoint.ui.internal.map.MapLegend;
import io.tiepoint.ui.internal.prefs.SecretStore;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;

/** The workbench's logic that needs no display. */
class LogicTest {

	@TempDir
	Path tmp;

	@Test
	void findingsAreParsedSummarisedAndExplained() {
		String text = "INFO nadir: a.JPG: nadir\nWARNING blur: a.JPG: blurred (variance 12)\nERROR truncated: a.JPG: ends early";
		List<Findings.Line> l = Findings.parse(text);
		assertEquals(3, l.size());
		assertEquals("blur", l.get(1).id());
		assertEquals("a.JPG: blurred (variance 12)", l.get(1).message());
		assertEquals("blur, truncated", Findings.summary(text));
		assertTrue(Findings.matches(text, "ERROR"));
		assertTrue(Findings.matches(text, "blur"));
		assertFalse(Findings.matches(text, "no-gps"));
		assertTrue(Findings.explain("no-gps").contains("GPS"));
	}

	@Test
	void transferTextShowsFilesBytesRateAndEta() {
		assertEquals("12/40 files, 3.1 MB of 22 MB, 2.3 MB/s, 0:08 left",
				TransferText.format(12, 40, 3_100_000, 22_000_000, 2_300_000, 8));
		assertEquals("0/1 files, 0 B of 1.0 kB", TransferText.format(0, 1, 0, 1000, 0, -1));
		assertEquals("1:01:05", TransferText.duration(3665));
	}

	@Test
	void uploadPlanAndQueriesReadTheJournal() throws Exception {
		Path a = Files.writeString(tmp.resolve("a.jpg"), "aaaa");
		Path b = Files.writeString(tmp.resolve("b.jpg"), "bbbbbbbb");
		Path c = Files.writeString(tmp.resolve("c.jpg"), "c");
		Path d = Files.writeString(tmp.resolve("d.jpg"), "dd");
		try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
			ws.journal().createProject("p", "embedded", "gridfs");
			ws.journal().discover("p", List.of(a, b, c, d));
			var imgs = ws.journal().images("p");
			ws.journal().update(imgs.get(0).id(), Update.to(ImageState.INSPECTED));
			ws.journal().update(imgs.get(1).id(), Update.to(ImageState.REJECTED).findings("ERROR truncated: b.jpg: ends early"));
			ws.journal().update(imgs.get(2).id(), Update.to(ImageState.INSPECTED)); // the journal's way to Ready
			ws.journal().update(imgs.get(2).id(), Update.to(ImageState.READY));
			ws.journal().update(imgs.get(3).id(), Update.to(ImageState.INSPECTED));
			ws.journal().update(imgs.get(3).id(), Update.to(ImageState.STORED));
			UploadPlan plan = UploadPlan.of(ws.journal(), "p", false, true);
			assertEquals(1, plan.toSend());
			assertEquals(4, plan.bytesToSend());
			assertEquals(2, plan.done(), "Ready and Stored are there already");
			assertEquals(1, plan.rejected());
			assertEquals(2, UploadPlan.of(ws.journal(), "p", true, true).toSend());
			assertEquals(1, ReconstructionJob.onTheirWay(ws.journal().counts("p")));

			ImageQuery q = new ImageQuery("p", null, "ERROR", "", null, true);
			assertFalse(q.paged());
			assertEquals(1, ws.journal().images("p").stream().filter(q::matches).count());
			assertTrue(ImageQuery.all("p").paged());
			assertEquals(1,
					ws.journal().images("p").stream().filter(new ImageQuery("p", null, null, "B.JPG", null, true)::matches).count());
		}
	}

	@Test
	void secretsAreEncryptedInSecureStorage() throws Exception {
		Path file = tmp.resolve("secure_storage");
		SecretStore s = SecretStore.open(file, "test-master-password".toCharArray());
		s.put("hubs/team", "token", "s3cr3t-token-value");
		assertEquals("s3cr3t-token-value", s.get("hubs/team", "token"));
		assertTrue(s.isEncrypted("hubs/team", "token"));
		assertFalse(Files.readString(file).contains("s3cr3t-token-value"), "the token is not in plain text");
		assertEquals("s3cr3t-token-value",
				SecretStore.open(file, "test-master-password".toCharArray()).get("hubs/team", "token"));
	}

	@Test
	void theMapTellsReadyExistingAndStoredApart() {
		assertNotEquals(MapLegend.of(ImageState.EXISTING), MapLegend.of(ImageState.READY));
		assertNotEquals(MapLegend.of(ImageState.STORED), MapLegend.of(ImageState.READY));
		assertNotEquals(MapLegend.of(ImageState.STORED), MapLegend.of(ImageState.EXISTING));
		assertNotEquals(MapLegend.of(ImageState.STORED), MapLegend.of(ImageState.INSPECTED));
		List<MapLegend.Row> rows = MapLegend.byState(List.of(ImageState.STORED, ImageState.READY, ImageState.EXISTING,
				ImageState.READY));
		assertEquals(List.of("Existing", "Ready", "Stored"), rows.stream().map(MapLegend.Row::label).toList());
		assertEquals(MapLegend.of(ImageState.STORED), rows.get(2).rgb());
	}

	@Test
	void hubsArePlainPreferences() {
		var hubs = TiepointPreferences.parseHubs("team=https://hub.example.org/\nbad line\nlab = http://10.0.0.2:8080");
		assertEquals(2, hubs.size());
		assertEquals("http://10.0.0.2:8080", hubs.get("lab"));
		assertEquals(hubs, TiepointPreferences.parseHubs(TiepointPreferences.formatHubs(hubs)));
	}
}
