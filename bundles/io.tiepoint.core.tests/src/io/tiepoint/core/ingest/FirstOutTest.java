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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;

/** The first image of a run goes alone until its first byte leaves, or its attempt ends without one. */
class FirstOutTest {

	private static ImageEntry image(long id) {
		return new ImageEntry(id, "p", "/survey/" + id + ".jpg", id + ".jpg", 1, 0, "sha1-" + id, null, "image/jpeg",
				null, null, null, null, null, null, null, null, null, null, null, "", ImageState.INSPECTED, 0, null, null,
				null, false, 0, 0, false, 0, null, null);
	}

	private static IngestRun run() {
		return new IngestRun("p", null, IngestOptions.builder().threads(4).build(), new NullProgressMonitor(), List.of());
	}

	/** A flow whose images each give one byte, the first one only when the test says so. */
	private static final class Flow1 implements Flow {
		final IngestRun run;
		final CountDownLatch firstMayGive = new CountDownLatch(1);
		final CountDownLatch firstStarted = new CountDownLatch(1);
		final CountDownLatch allStarted;
		final List<Long> started = new CopyOnWriteArrayList<>();
		final boolean firstGivesNothing;

		Flow1(IngestRun run, int images, boolean firstGivesNothing) {
			this.run = run;
			this.allStarted = new CountDownLatch(images);
			this.firstGivesNothing = firstGivesNothing;
		}

		@Override
		public void reconcile(List<ImageEntry> candidates) {
		}

		@Override
		public void sendOnce(ImageEntry e) {
			started.add(e.id());
			allStarted.countDown();
			if (e.id() == 1) {
				firstStarted.countDown();
				if (firstGivesNothing) {
					return; // found at the destination: settled without a byte
				}
				try {
					firstMayGive.await(10, TimeUnit.SECONDS);
				} catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
				}
			}
			run.gave(1);
		}

		@Override
		public void close() {
		}
	}

	/** @return transfers sending images 1..n through the flow */
	private static Transfers sending(Flow1 flow, int n) {
		Transfers transfers = new Transfers(flow.run, flow);
		transfers.start(n);
		for (long id = 1; id <= n; id++) {
			transfers.submit(image(id));
		}
		return transfers;
	}

	@Test
	void theOthersStartOnceTheFirstImagesFirstByteLeft() throws Exception {
		Flow1 flow = new Flow1(run(), 4, false);
		Transfers transfers = sending(flow, 4);
		assertTrue(flow.firstStarted.await(10, TimeUnit.SECONDS));
		// 4 transfer threads, 4 images: without the gate the others would be under way at once
		assertEquals(false, flow.allStarted.await(300, TimeUnit.MILLISECONDS), "the others wait for the first byte");
		assertEquals(List.of(1L), flow.started);
		flow.firstMayGive.countDown();
		assertTrue(flow.allStarted.await(10, TimeUnit.SECONDS), "then they go");
		transfers.finish();
		assertEquals(4, flow.started.size());
	}

	@Test
	void aFirstImageThatEndsWithoutAByteLetsTheOthersGo() throws Exception {
		Flow1 flow = new Flow1(run(), 3, true);
		Transfers transfers = sending(flow, 3);
		assertTrue(flow.allStarted.await(10, TimeUnit.SECONDS), "the others are not held by an image that sent nothing");
		transfers.finish();
		assertEquals(3, flow.started.size());
	}
}
