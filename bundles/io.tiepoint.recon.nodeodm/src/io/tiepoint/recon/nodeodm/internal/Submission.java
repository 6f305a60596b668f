/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.OperationCanceledException;

import io.tiepoint.hub.TaskImage;

/**
 * Submits a task to a node the way NodeODM's chunked API asks (and PyODM does it): {@code /task/new/init} with the
 * name and options, every image to {@code /task/new/upload/{uuid}} with {@code parallel} uploads at once, one image
 * per request, an image whose upload failed with a 5xx or a reset sent again up to {@code upload.retries} times after
 * waiting {@code retry.wait.ms} times the attempt, then {@code /task/new/commit/{uuid}}. Each retry is written to the
 * task's log.
 */
public final class Submission {

	private final NodeSettings settings;
	private final Consumer<String> log;
	private final BooleanSupplier canceled;

	/**
	 * @param settings the engine's settings
	 * @param log      the task's log
	 * @param canceled whether the hub task was stopped
	 */
	public Submission(NodeSettings settings, Consumer<String> log, BooleanSupplier canceled) {
		this.settings = settings;
		this.log = log;
		this.canceled = canceled;
	}

	/**
	 * @param node     the node
	 * @param name     the task's name there
	 * @param options  its options (NodeODM's JSON)
	 * @param images   the images
	 * @param uploaded told the count of images uploaded so far
	 * @return the task's uuid on the node, committed
	 * @throws NodeException when the node refuses, an image fails after its retries, or the node lost the task
	 */
	public String submit(NodeClient node, String name, String options, List<TaskImage> images, IntConsumer uploaded)
			throws NodeException {
		String uuid = node.init(name, options);
		log.accept("[nodeodm] task " + uuid + " created on " + node.base() + " with options " + options + "; sending "
				+ images.size() + " image(s), " + settings.parallel() + " at once");
		AtomicReference<NodeException> failure = new AtomicReference<>();
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallel(), Math.max(1, images.size())), r -> {
			Thread t = new Thread(r, "tiepoint-nodeodm-upload");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (TaskImage image : images) {
				futures.add(pool.submit(() -> {
					if (failure.get() == null && !canceled.getAsBoolean()) {
						try {
							send(node, uuid, image);
							synchronized (done) { // in order, so the task's progress never goes back
								uploaded.accept(done.incrementAndGet());
							}
						} catch (NodeException e) {
							failure.compareAndSet(null, e);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		} catch (ExecutionException e) {
			if (e.getCause() instanceof OperationCanceledException c) {
				throw c;
			}
			throw new IllegalStateException("upload worker failed", e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		} finally {
			pool.shutdownNow();
		}
		if (canceled.getAsBoolean()) {
			throw new OperationCanceledException();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		node.commit(uuid);
		log.accept("[nodeodm] task " + uuid + " committed: " + images.size() + " image(s) on " + node.base());
		return uuid;
	}

	private void send(NodeClient node, String uuid, TaskImage image) throws NodeException {
		for (int attempt = 0;; attempt++) {
			try {
				node.upload(uuid, image.filename(), image.path());
				return;
			} catch (NodeException e) {
				if (!e.retryable() || attempt >= settings.uploadRetries()) {
					log.accept("[nodeodm] upload of " + image.name() + " failed" + (e.retryable() ? " after "
							+ (attempt + 1) + " attempts" : "") + ": " + e.getMessage());
					throw e;
				}
				long wait = settings.retryWait().toMillis() * (attempt + 1);
				log.accept("[nodeodm] upload of " + image.name() + " failed (" + e.getMessage() + "); retry "
						+ (attempt + 1) + " of " + settings.uploadRetries() + " in " + wait + " ms");
				sleep(wait);
			}
		}
	}

	private void sleep(long millis) {
		long end = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < end) {
			if (canceled.getAsBoolean()) {
				throw new OperationCanceledException();
			}
			try {
				Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new OperationCanceledException();
			}
		}
	}
}
