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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.RemoteImage;

/**
 * Follows the platform's verification of a run's {@code Uploaded} images to {@code Ready} or
 * {@code Invalid}, on a thread of its own beside the transfers, until none is left (or the verification
 * timeout passes after the last transfer, or the run is canceled).
 */
final class VerificationFollower {

	/** Images asked for at most per round. */
	private static final int POLL_MAX = 64;
	/** A round stops after this many images in a row still being verified. */
	private static final int PENDING_RUN = 4;

	private final IngestRun run;
	private final PlatformApi platform;
	private final String pid;
	/** Uploaded images waiting for the platform's verification: journal id -> the order they arrived in. */
	private final Map<Long, Long> waiting = new ConcurrentHashMap<>();
	private final AtomicLong order = new AtomicLong();
	private final Object tick = new Object();
	private boolean woken;
	private Thread thread;

	VerificationFollower(IngestRun run, PlatformApi platform, String pid) {
		this.run = run;
		this.platform = platform;
		this.pid = pid;
		run.verifying = waiting::size;
	}

	/** @param id an Uploaded image: followed in the order it arrived; the last one of the run is asked for at once */
	void await(long id) {
		waiting.putIfAbsent(id, order.incrementAndGet());
		if (transfersDone()) {
			wake();
		}
	}

	/** @return whether no transfer is left: every image of the run is settled or waits for the verification */
	private boolean transfersDone() {
		return !run.feeding && (run.done.get() + waiting.size() >= run.filesTotal.get() || run.filesTotal.get() == 0);
	}

	private void wake() {
		synchronized (tick) {
			woken = true;
			tick.notifyAll();
		}
	}

	/** Waits between rounds, less when {@link #wake woken} or canceled. */
	private void pause(long ms) {
		long until = System.nanoTime() + ms * 1_000_000;
		synchronized (tick) {
			try {
				while (!woken && !run.canceled()) {
					long left = (until - System.nanoTime()) / 1_000_000;
					if (left <= 0) {
						return;
					}
					tick.wait(Math.min(100, left));
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} finally {
				woken = false;
			}
		}
	}

	/**
	 * Stops following every image it waits for (their cloud went away before the platform verified them), after
	 * the round in progress; the caller sends them again.
	 *
	 * @return the journal ids it was waiting for
	 */
	synchronized List<Long> releaseAll() {
		List<Long> ids = List.copyOf(waiting.keySet());
		ids.forEach(waiting::remove);
		return ids;
	}

	/** @return how many images it waits for */
	int waiting() {
		return waiting.size();
	}

	void start() {
		thread = new Thread(this::loop, "tiepoint-verify");
		thread.setDaemon(true);
		thread.start();
	}

	void join() throws InterruptedException {
		if (thread != null) {
			thread.join();
		}
	}

	private void loop() {
		long deadline = Long.MAX_VALUE;
		long delay = 500;
		int skip = 0;
		while (!run.canceled() && !Thread.currentThread().isInterrupted()) {
			boolean transfersDone = transfersDone();
			if (waiting.isEmpty()) {
				if (transfersDone && run.allSettled()) {
					return;
				}
				pause(200);
				continue;
			}
			if (transfersDone && deadline == Long.MAX_VALUE) {
				deadline = System.currentTimeMillis() + run.options.verifyTimeout().toMillis();
			}
			if (System.currentTimeMillis() > deadline) {
				run.notes.add(waiting.size() + " image(s) still being verified by the platform after "
						+ run.options.verifyTimeout().toSeconds() + " s: run again later to see their state");
				return;
			}
			Round r;
			try {
				r = round(skip);
			} catch (JournalException je) {
				run.notes.add("journal failure while verifying: " + je.getMessage());
				return;
			}
			skip = r.settled == 0 && !r.failed ? skip + r.asked : 0;
			delay = r.failed ? Math.min(5000, delay * 2) : r.settled == 0 ? Math.min(2000, delay + 250) : 500;
			if (transfersDone && !r.failed && waiting.size() <= 20) {
				delay = Math.min(delay, 100); // the last few: nothing else to wait for, a few small calls (<= 5 a round)
			}
			if (waiting.isEmpty() && transfersDone() && run.allSettled()) {
				return; // the last one settled: the run ends now, not after a pause
			}
			pause(delay);
		}
	}

	private record Round(int asked, int settled, boolean failed) {
	}

	/**
	 * Oldest first, image by image, until a few in a row are still being verified: the platform verifies in
	 * about the order it was told, so a round costs about one call per image that settled (no listing of
	 * everything still waiting); a round that settles nothing starts further on next time. One image's failed
	 * call costs that image this round, not the round.
	 */
	private synchronized Round round(int skip) throws JournalException {
		List<Long> queue = waiting.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
		int from = queue.isEmpty() ? 0 : skip % queue.size();
		int asked = 0;
		int pendingInARow = 0;
		boolean failed = false;
		Map<Long, Update> updates = new LinkedHashMap<>();
		for (int k = 0; k < queue.size() && asked < POLL_MAX && pendingInARow < PENDING_RUN; k++) {
			Long id = queue.get((from + k) % queue.size());
			ImageEntry e = run.journal.image(id).orElse(null);
			if (e == null) {
				waiting.remove(id);
				run.settled(1);
				continue;
			}
			if (e.remoteId() == null) {
				updates.put(id, Update.to(ImageState.FAILED).error("no platform id to follow", true));
				continue;
			}
			asked++;
			RemoteImage r;
			try {
				r = Backoff.retrying(() -> platform.image(pid, e.remoteId()), run::canceled).orElse(null);
			} catch (PlatformException pe) {
				failed = true;
				continue;
			}
			if (r == null) {
				updates.put(id, Update.to(ImageState.FAILED).error("the platform lost the image", true));
			} else if (r.ready()) {
				updates.put(id, Update.to(ImageState.READY).error(null, false));
			} else if (r.invalid()) {
				updates.put(id, Update.to(ImageState.INVALID).error(String.join("; ", r.error()), false));
			} else {
				pendingInARow++;
				continue;
			}
			pendingInARow = 0;
		}
		run.journal.updateBatch(updates);
		updates.keySet().forEach(waiting::remove);
		run.settled(updates.size());
		return new Round(asked, updates.size(), failed);
	}
}
