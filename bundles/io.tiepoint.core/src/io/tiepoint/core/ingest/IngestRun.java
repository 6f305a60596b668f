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

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.project.Journal;

/**
 * What one upload run shares between its transfers, its follow-up of the platform's verification and its
 * progress report: counters, notes, the bandwidth limit and the cancellation. Progress goes to the
 * listeners about twice a second and to the monitor's sub-task.
 */
final class IngestRun {

	final String project;
	final Journal journal;
	final IngestOptions options;
	final IProgressMonitor monitor;
	final RateLimiter limiter;
	/** Bytes given to the destination in this run, every attempt counted. */
	final AtomicLong sent = new AtomicLong();
	private final AtomicLong firstByte = new AtomicLong();
	/** The first image goes alone until its first byte leaves. */
	final FirstOut firstOut = new FirstOut();
	private volatile long lastByte;
	private volatile long lastSettled;
	/** Time spent sending, summed over the transfers. */
	final AtomicLong sendNanos = new AtomicLong();
	final AtomicInteger filesSent = new AtomicInteger();
	/** Images settled in this run (arrived, refused or failed). */
	final AtomicInteger done = new AtomicInteger();
	/** Images of this run and the bytes they still need. */
	final AtomicInteger filesTotal = new AtomicInteger();
	final AtomicLong bytesTotal = new AtomicLong();
	final List<String> notes = new CopyOnWriteArrayList<>();
	private final List<IngestListener> listeners;
	/** Stops the run: the journal failed, or the user canceled. */
	volatile boolean stopping;
	/** Whether more images may still be submitted: a verification must not end before the last one. */
	volatile boolean feeding;
	/** What the inspection running beside the transfers has done, for the progress line (-1: none). */
	volatile int inspectedSoFar = -1;
	volatile int inspectTotal;
	/** Images waiting for the platform's verification, for the progress line. */
	volatile IntSupplier verifying = () -> 0;
	private Thread reporter;
	private long lastBytes;
	private long lastNanos = System.nanoTime();
	private double rate;

	IngestRun(String project, Journal journal, IngestOptions options, IProgressMonitor monitor,
			List<IngestListener> listeners) {
		this.project = project;
		this.journal = journal;
		this.options = options;
		this.monitor = monitor;
		this.listeners = listeners;
		this.limiter = new RateLimiter(options.limitRate());
	}

	/**
	 * Counts bytes given to a destination's client.
	 *
	 * @param n how many
	 */
	void gave(long n) {
		sent.addAndGet(n);
		long now = System.currentTimeMillis();
		if (firstByte.compareAndSet(0, now)) {
			firstOut.open();
		}
		lastByte = now;
	}

	/**
	 * Counts settled images.
	 *
	 * @param n how many
	 */
	void settled(int n) {
		if (n > 0) {
			done.addAndGet(n);
			lastSettled = System.currentTimeMillis();
		}
	}

	/** @return when the first and last bytes went out and the last image settled */
	Timeline timeline() {
		return new Timeline(firstByte.get(), lastByte, lastSettled);
	}

	boolean canceled() {
		return stopping || monitor.isCanceled();
	}

	/** @return whether every image handed to the run is settled, and no more can come */
	boolean allSettled() {
		return !feeding && done.get() >= filesTotal.get();
	}

	void startReporting() {
		reporter = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				String phase = verifying.getAsInt() == 0 ? "uploading" : "uploading, verifying";
				int inspected = inspectedSoFar;
				report(inspected >= 0 && feeding ? "inspecting " + inspected + "/" + inspectTotal + ", " + phase : phase);
				try {
					Thread.sleep(500);
				} catch (InterruptedException ie) {
					return;
				}
			}
		}, "tiepoint-progress");
		reporter.setDaemon(true);
		reporter.start();
	}

	void stopReporting() {
		if (reporter != null) {
			reporter.interrupt();
		}
		report("done");
	}

	synchronized void report(String phase) {
		long now = System.nanoTime();
		long bytes = sent.get();
		double dt = (now - lastNanos) / 1e9;
		if (dt > 0.05) {
			double inst = (bytes - lastBytes) / dt;
			rate = rate == 0 ? inst : 0.7 * rate + 0.3 * inst;
			lastBytes = bytes;
			lastNanos = now;
		}
		int files = filesTotal.get();
		long total = bytesTotal.get();
		long left = Math.max(0, total - bytes);
		long eta = rate > 1 ? (long) (left / rate) : -1;
		fire(listeners, new IngestProgress(phase, Math.min(done.get(), files), files, bytes, total, rate, eta));
		monitor.subTask(String.format(Locale.ROOT, "%d/%d images, %s of %s, %s/s%s", done.get(), files, Units.bytes(bytes),
				Units.bytes(total), Units.bytes((long) rate), eta >= 0 ? ", " + Units.duration(eta) + " left" : ""));
	}

	static void fire(List<IngestListener> listeners, IngestProgress p) {
		for (IngestListener l : listeners) {
			try {
				l.progress(p);
			} catch (RuntimeException e) {
				// a listener's failure does not stop the run
			}
		}
	}
}
