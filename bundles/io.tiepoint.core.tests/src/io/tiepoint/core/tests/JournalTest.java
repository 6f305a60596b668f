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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Update;

/** The journal on its own: projects and their destinations, the state machine, atomic batches, discovery. */
class JournalTest {

	@TempDir
	Path tmp;

	private Journal journal() throws JournalException {
		return Journal.open(tmp.resolve("journal"));
	}

	private long image(Journal j, String project, String name) throws Exception {
		Path f = tmp.resolve(name);
		Files.write(f, new byte[] { 1, 2, 3 });
		j.discover(project, List.of(f));
		return j.images(project).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().id();
	}

	@Test
	void projectsRememberTheirDestination() throws Exception {
		try (Journal j = journal()) {
			Project platform = j.createProject("p", "embedded", "gridfs");
			Project direct = j.createProject("d", null, null, "s3://bucket/flight");
			assertFalse(platform.direct());
			assertTrue(direct.direct());
			assertThrows(JournalException.class, () -> j.createProject("d", null, null, "s3://other"));
		}
		try (Journal j = journal()) { // reopened: durable
			assertEquals("s3://bucket/flight", j.project("d").orElseThrow().destination());
			assertEquals("s3://bucket/flight", j.project("d").orElseThrow().target());
			assertEquals("hub embedded, cloud gridfs", j.project("p").orElseThrow().target());
		}
	}

	@Test
	void everyStateChangeTheMachineAllowsIsAcceptedAndEveryOtherRefused() throws Exception {
		int allowed = 0;
		int refused = 0;
		try (Journal j = journal()) {
			j.createProject("p", "embedded", "gridfs");
			for (ImageState from : ImageState.values()) {
				if (from == ImageState.DISCOVERED) {
					continue;
				}
				for (ImageState to : ImageState.values()) {
					long id = image(j, "p", from + "-" + to + ".jpg");
					walkTo(j, id, from);
					if (from.canMoveTo(to)) {
						j.update(id, Update.to(to));
						assertEquals(to, j.image(id).orElseThrow().state());
						allowed++;
					} else {
						JournalException e = assertThrows(JournalException.class, () -> j.update(id, Update.to(to)), from + " -> " + to);
						assertTrue(e.getMessage().contains(from.label() + " -> " + to.label()), e.getMessage());
						assertEquals(from, j.image(id).orElseThrow().state(), "a refused change changed nothing");
						refused++;
					}
				}
			}
		}
		assertTrue(allowed > 40 && refused > 20, allowed + " allowed, " + refused + " refused");
	}

	/** Takes a new image to a state by allowed changes. */
	private static void walkTo(Journal j, long id, ImageState target) throws JournalException {
		List<ImageState> path = switch (target) {
		case DISCOVERED -> List.of();
		case INSPECTED, REJECTED -> List.of(target);
		case UPLOADED -> List.of(ImageState.INSPECTED, ImageState.REGISTERED, ImageState.UPLOADING, ImageState.UPLOADED);
		default -> List.of(ImageState.INSPECTED, target);
		};
		for (ImageState s : path) {
			j.update(id, Update.to(s));
		}
	}

	@Test
	void arrivedImagesNeverChangeAndNothingSkipsInspection() {
		for (ImageState arrived : EnumSet.of(ImageState.READY, ImageState.EXISTING, ImageState.STORED)) {
			for (ImageState to : ImageState.values()) {
				assertEquals(arrived == to, arrived.canMoveTo(to), arrived + " -> " + to);
			}
		}
		assertEquals(Set.of(ImageState.DISCOVERED, ImageState.INSPECTED, ImageState.REJECTED),
				EnumSet.allOf(ImageState.class).stream().filter(ImageState.DISCOVERED::canMoveTo)
						.collect(java.util.stream.Collectors.toSet()));
	}

	@Test
	void aBatchWithOneRefusedChangeChangesNothing() throws Exception {
		try (Journal j = journal()) {
			j.createProject("p", "embedded", "gridfs");
			long a = image(j, "p", "a.jpg");
			long b = image(j, "p", "b.jpg");
			Map<Long, Update> batch = new LinkedHashMap<>();
			batch.put(a, Update.to(ImageState.INSPECTED));
			batch.put(b, Update.to(ImageState.READY)); // Discovered -> Ready skips everything
			assertThrows(JournalException.class, () -> j.updateBatch(batch));
			assertEquals(ImageState.DISCOVERED, j.image(a).orElseThrow().state());
			assertEquals(ImageState.DISCOVERED, j.image(b).orElseThrow().state());
		}
	}

	@Test
	void aChangedFileIsDiscoveredAgainUnlessItLeftTheClient() throws Exception {
		try (Journal j = journal()) {
			j.createProject("p", null, null, "mem://x");
			long sent = image(j, "p", "sent.jpg");
			long kept = image(j, "p", "kept.jpg");
			j.update(sent, Update.to(ImageState.INSPECTED).sha1("a".repeat(40)));
			j.update(sent, Update.to(ImageState.UPLOADING));
			j.update(sent, Update.to(ImageState.STORED).location("mem://x/sent.jpg"));
			j.update(kept, Update.to(ImageState.INSPECTED).sha1("b".repeat(40)));
			for (String n : List.of("sent.jpg", "kept.jpg")) {
				Files.write(tmp.resolve(n), new byte[] { 9, 9, 9, 9 });
				Files.setLastModifiedTime(tmp.resolve(n), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
			}
			assertEquals(1, j.discover("p", List.of(tmp.resolve("sent.jpg"), tmp.resolve("kept.jpg"))));
			ImageEntry s = j.image(sent).orElseThrow();
			assertEquals(ImageState.STORED, s.state());
			assertEquals("mem://x/sent.jpg", s.location());
			ImageEntry k = j.image(kept).orElseThrow();
			assertEquals(ImageState.DISCOVERED, k.state());
			assertEquals(null, k.sha1());
			assertTrue(j.events(sent).size() >= 3, "an event per change");
		}
	}
}
