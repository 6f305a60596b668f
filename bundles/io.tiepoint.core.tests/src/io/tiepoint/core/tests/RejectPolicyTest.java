/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.RejectPolicy;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.Update;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageRecord;

/** The one reject policy: which findings hold an image back, and how an inspection is recorded. */
class RejectPolicyTest {

	@TempDir
	Path tmp;

	private static ImageRecord record(Finding... findings) {
		ImageRecord.Builder b = new ImageRecord.Builder("/flight/DJI_0001.JPG").mediaType("image/jpeg").sha1("a".repeat(40))
				.md5("b".repeat(32)).width(4000).height(3000);
		for (Finding f : findings) {
			b.add(f);
		}
		return b.build();
	}

	@Test
	void errorsAndTheListedWarningsRejectOtherWarningsDoNot() {
		RejectPolicy p = RejectPolicy.defaults();
		assertEquals(List.of(), p.reasons(record(Finding.of("blur", Finding.Severity.WARNING, "/flight/DJI_0001.JPG", "soft"))));
		assertEquals(List.of("no-gps: DJI_0001.JPG: no GPS position in the metadata"), p.reasons(record(Finding.of("no-gps",
				Finding.Severity.WARNING, "/flight/DJI_0001.JPG", "no GPS position in the metadata"))));
		assertEquals(List.of("truncated: DJI_0001.JPG: image data ends early"), p.reasons(record(Finding.of("truncated",
				Finding.Severity.ERROR, "/flight/DJI_0001.JPG", "image data ends early"))));
		assertEquals(List.of("not an image"), p.reasons(new ImageRecord.Builder("/flight/notes.jpg").build()));
	}

	@Test
	void theSettingChangesTheListForEveryFront() throws Exception {
		TiepointConfig config = TiepointConfig.load(Map.of(), null, null, Map.of("TIEPOINT_INGEST_REJECT", "blur, no-gps"),
				Map.of());
		RejectPolicy p = RejectPolicy.of(config);
		assertEquals(Set.of("blur", "no-gps"), p.warnings());
		assertEquals(1, p.reasons(record(Finding.of("blur", Finding.Severity.WARNING, "/flight/DJI_0001.JPG", "soft"))).size());
		assertTrue(p.reasons(record(Finding.of("camera-mismatch", Finding.Severity.WARNING, "/flight/DJI_0001.JPG", "x")))
				.isEmpty());
	}

	@Test
	void aRecheckNeverMovesAnImageThatLeftTheClient() throws Exception {
		try (Journal j = Journal.open(tmp.resolve("journal"))) {
			j.createProject("p", null, null, "mem://x");
			Path f = tmp.resolve("DJI_0001.JPG");
			java.nio.file.Files.write(f, new byte[] { 1 });
			j.discover("p", List.of(f));
			ImageEntry e = j.images("p").get(0);
			RejectPolicy policy = RejectPolicy.defaults();
			ImageRecord noGps = record(Finding.of("no-gps", Finding.Severity.WARNING, f.toString(), "no GPS position"));
			j.update(e.id(), policy.update(record(), e));
			assertEquals(ImageState.INSPECTED, j.image(e.id()).orElseThrow().state());
			j.update(e.id(), Update.to(ImageState.UPLOADING));
			j.update(e.id(), Update.to(ImageState.STORED).location("mem://x/DJI_0001.JPG"));
			j.update(e.id(), policy.update(noGps, j.image(e.id()).orElseThrow())); // the re-check finds a warning
			ImageEntry after = j.image(e.id()).orElseThrow();
			assertEquals(ImageState.STORED, after.state(), "still stored");
			assertTrue(after.findings().contains("WARNING no-gps: DJI_0001.JPG: no GPS position"), after.findings());
			assertNull(after.error());
		}
	}
}
