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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.runtime.OperationCanceledException;

import io.tiepoint.core.project.ImageEntry;

/**
 * A pipelined ingest's inspection, started while the destination opens (a provider's session, e.g. an S3 client:
 * a good part of a second on a cold JVM; a hub's connection, an embedded hub's start: a second or more), so that
 * the first bytes leave as soon as both are ready instead of one after the other. What it passes is held until
 * the transfers {@link #attach attach}; an image the transfers already got from the journal (inspected
 * meanwhile, then read as ready) is submitted once.
 */
final class EarlyFeed {

	/** Images handed to a run while it is already sending: how the inspection hands over what passed. */
	@FunctionalInterface
	interface Source {
		void feed(IngestRun run, Consumer<ImageEntry> submit) throws IOException;
	}

	private final Set<Long> submitted = ConcurrentHashMap.newKeySet();
	private final List<ImageEntry> held = new ArrayList<>();
	private final Thread thread;
	private final BooleanSupplier canceled;
	/** How many images the inspection passes before the transfers exist; then it waits for them. */
	private final int ahead;
	private Consumer<ImageEntry> target;
	private volatile Throwable failure;

	private EarlyFeed(IngestRun run, Source source, int ahead, BooleanSupplier canceled) {
		this.ahead = ahead;
		this.canceled = canceled;
		thread = new Thread(() -> {
			try {
				source.feed(run, this::pass);
			} catch (IOException | RuntimeException | Error e) {
				failure = e;
			}
		}, "tiepoint-inspection");
		thread.setDaemon(true);
	}

	/** @return the inspection, running */
	static EarlyFeed start(IngestRun run, Source source) {
		return start(run, source, Math.max(2, run.options.threads()), run::canceled);
	}

	/**
	 * @param ahead    how many images pass before the transfers exist; then the inspection waits for them
	 * @param canceled ends that wait
	 * @return the inspection, running
	 */
	static EarlyFeed start(IngestRun run, Source source, int ahead, BooleanSupplier canceled) {
		EarlyFeed f = new EarlyFeed(run, source, ahead, canceled);
		f.thread.start();
		return f;
	}

	private synchronized void pass(ImageEntry e) {
		if (target == null) {
			held.add(e);
			// enough for every transfer at the start; inspecting further ahead takes the CPU the destination's
			// opening needs (an embedded hub's start on 2 cores), which is what the first byte waits for
			while (target == null && held.size() >= ahead && !canceled.getAsBoolean()) {
				try {
					wait(50);
				} catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		} else {
			once(e);
		}
	}

	/**
	 * Submits one image to the transfers unless it was already: the transfers' own list and the inspection
	 * may both name an image inspected while the destination opened.
	 */
	synchronized void once(ImageEntry e) {
		if (submitted.add(e.id())) {
			target.accept(e);
		}
	}

	/** @param transfers from now on, what passes goes there; what was held goes first */
	synchronized void attach(Consumer<ImageEntry> transfers) {
		target = transfers;
		held.forEach(this::once);
		held.clear();
		notifyAll();
	}

	/**
	 * Waits for the inspection to end.
	 *
	 * @throws IOException                as the inspection threw it
	 * @throws OperationCanceledException when it was canceled
	 */
	void join() throws IOException {
		try {
			thread.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException("interrupted while the images were inspected");
		}
		Throwable t = failure;
		if (t instanceof IOException io) {
			throw io;
		} else if (t instanceof RuntimeException re) {
			throw re;
		} else if (t instanceof Error er) {
			throw er;
		}
	}
}
