/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;

/** The inspection started while a direct destination opens (in the package: the class is the engine's). */
class EarlyFeedTest {

	private static ImageEntry image(long id) {
		return new ImageEntry(id, "p", "/survey/" + id + ".jpg", id + ".jpg", 1, 0, "sha1-" + id, null, "image/jpeg",
				null, null, null, null, null, null, null, null, null, null, null, "", ImageState.INSPECTED, 0, null, null,
				null, false, 0, 0, false, 0, null, null);
	}

	@Test
	void whatPassesBeforeTheTransfersIsHeldThenEachImageIsSubmittedOnce() throws Exception {
		CountDownLatch passed = new CountDownLatch(1);
		CountDownLatch attached = new CountDownLatch(1);
		EarlyFeed feed = EarlyFeed.start(null, (run, submit) -> {
			submit.accept(image(1));
			submit.accept(image(2));
			passed.countDown();
			try {
				assertEquals(true, attached.await(10, TimeUnit.SECONDS));
			} catch (InterruptedException e) {
				throw new IOException(e);
			}
			submit.accept(image(3));
			submit.accept(image(2)); // also read as ready from the journal: not again
		}, 8, () -> false);
		List<Long> submitted = new CopyOnWriteArrayList<>();
		assertEquals(true, passed.await(10, TimeUnit.SECONDS)); // 1 and 2 passed before the transfers exist
		feed.attach(e -> submitted.add(e.id()));
		feed.once(image(2));
		feed.once(image(4)); // ready from an earlier run
		attached.countDown();
		feed.join();
		assertEquals(List.of(1L, 2L, 4L, 3L), submitted, "the held images first, in order; then each image once");
	}

	@Test
	void theInspectionsFailureIsTheRunsFailure() {
		IOException broken = new IOException("survey/a.jpg: unreadable");
		EarlyFeed feed = EarlyFeed.start(null, (run, submit) -> {
			throw broken;
		}, 8, () -> false);
		feed.attach(e -> {
		});
		assertSame(broken, assertThrows(IOException.class, feed::join));
	}

	@Test
	void theInspectionWaitsForTheTransfersOnceEnoughIsHeld() throws Exception {
		AtomicInteger passed = new AtomicInteger();
		EarlyFeed feed = EarlyFeed.start(null, (run, submit) -> {
			for (long id = 1; id <= 5; id++) {
				submit.accept(image(id));
				passed.incrementAndGet();
			}
		}, 2, () -> false);
		for (int i = 0; i < 1000 && passed.get() < 1; i++) {
			Thread.sleep(10);
		}
		Thread.sleep(200); // time enough to pass all five, were it not held at two
		assertEquals(1, passed.get(), "held in the second image's hand-over");
		List<Long> submitted = new CopyOnWriteArrayList<>();
		feed.attach(e -> submitted.add(e.id()));
		feed.join();
		assertEquals(List.of(1L, 2L, 3L, 4L, 5L), submitted);
	}

	@Test
	void aCanceledRunEndsTheWait() throws Exception {
		AtomicBoolean canceled = new AtomicBoolean();
		AtomicInteger passed = new AtomicInteger();
		EarlyFeed feed = EarlyFeed.start(null, (run, submit) -> {
			for (long id = 1; id <= 3; id++) {
				submit.accept(image(id));
				passed.incrementAndGet();
			}
		}, 1, canceled::get);
		canceled.set(true); // the destination could not be opened: nothing will attach
		feed.join(); // returns: the wait ends with the run
		assertEquals(3, passed.get());
	}
}
