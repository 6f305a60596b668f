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

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tiepoint.core.project.ImageEntry;

/**
 * Schedules a run's images on a bounded pool of transfers. One image per checksum is on its way at a time:
 * a twin (same bytes, another file) waits until the first is done, and then finds it there. Images may be
 * submitted while others are sent (a pipelined ingest hands them over as they pass their inspection). The
 * first image goes alone until its first byte leaves ({@link FirstOut}).
 */
final class Transfers {

	private final IngestRun run;
	private final Flow flow;
	private final ImageSender sender;
	private final Queue<Future<?>> futures = new ConcurrentLinkedQueue<>();
	/** Checksum -> the last image of that checksum queued. */
	private final Map<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();
	private ExecutorService pool;

	Transfers(IngestRun run, Flow flow) {
		this.run = run;
		this.flow = flow;
		this.sender = new ImageSender(run, flow);
	}

	/** @param expected images expected (the monitor's work) */
	void start(int expected) {
		run.feeding = true; // until finish(): what follows the transfers waits for every submitted image
		run.monitor.beginTask("Sending " + expected + " image(s) of " + run.project, expected);
		pool = Executors.newFixedThreadPool(run.options.threads(), r -> {
			Thread t = new Thread(r, "tiepoint-transfer");
			t.setDaemon(true);
			return t;
		});
		run.startReporting();
		flow.start();
	}

	/** @param e an image to take to its destination (or, when the flow only follows it, to wait for) */
	void submit(ImageEntry e) {
		run.filesTotal.incrementAndGet();
		if (flow.follow(e)) {
			return;
		}
		run.bytesTotal.addAndGet(e.size());
		boolean leads = run.firstOut.lead();
		Runnable task = () -> {
			try {
				if (!run.canceled() && (leads || run.firstOut.await(run::canceled))) {
					sender.send(e);
					run.monitor.worked(1);
				}
			} finally {
				if (leads) {
					run.firstOut.open(); // it ended without a byte: found at the destination, refused, canceled
				}
			}
		};
		String key = e.sha1() == null ? "id:" + e.id() : e.sha1();
		futures.add(chains.compute(key, (k, prev) -> prev == null ? CompletableFuture.runAsync(task, pool)
				: prev.handle((v, t) -> null).thenRunAsync(task, pool)));
	}

	/** Waits for every submitted image and for what follows them; stops the threads. */
	void finish() {
		run.feeding = false;
		try {
			for (Future<?> f : futures) {
				await(f);
			}
			flow.awaitSettled();
		} catch (InterruptedException ie) {
			Thread.currentThread().interrupt();
			run.stopping = true;
		} finally {
			run.stopping = run.stopping || run.monitor.isCanceled();
			pool.shutdownNow();
			try {
				pool.awaitTermination(30, TimeUnit.SECONDS);
			} catch (InterruptedException ie) {
				Thread.currentThread().interrupt();
			}
			run.stopReporting();
			run.monitor.done();
		}
	}

	private void await(Future<?> f) throws InterruptedException {
		while (true) {
			try {
				f.get(200, TimeUnit.MILLISECONDS);
				return;
			} catch (TimeoutException te) {
				if (run.monitor.isCanceled()) {
					run.stopping = true;
				}
			} catch (ExecutionException ee) {
				run.notes.add("internal error: " + ee.getCause());
				return;
			} catch (CancellationException ce) {
				return;
			}
		}
	}
}
