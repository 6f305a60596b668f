/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.images;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.HubProject;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.spi.HubCloud;

/**
 * The verification worker: a bounded pool that takes Uploaded images to Ready or Invalid. An image is
 * claimed in the database first, so two workers (or two hubs) never verify it twice; a read failure
 * of the store releases the claim and the sweeper queues the image again.
 */
public final class Verifier implements AutoCloseable {

	private static final HubLog LOG = HubLog.of(Verifier.class);
	private final ImageStore images;
	private final ProjectStore projects;
	private final Clouds clouds;
	private final Consumer<String> settled;
	private final ThreadPoolExecutor pool;
	private final Set<String> queued = ConcurrentHashMap.newKeySet();
	private final AtomicLong bytes = new AtomicLong();
	private final AtomicLong nanos = new AtomicLong();
	private final AtomicLong count = new AtomicLong();
	private final IProgressMonitor monitor = new NullProgressMonitor();

	/**
	 * @param images   image store
	 * @param projects project store (counters)
	 * @param clouds   the served clouds
	 * @param threads  pool size
	 * @param settled  told the project id whenever an image became Ready or Invalid
	 */
	public Verifier(ImageStore images, ProjectStore projects, Clouds clouds, int threads,
			Consumer<String> settled) {
		this.images = images;
		this.projects = projects;
		this.clouds = clouds;
		this.settled = settled;
		AtomicInteger n = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
			Thread t = new Thread(r, "tiepoint-hub-verify-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/** @param imageId an image that may be Uploaded; queued at most once at a time */
	public void enqueue(String imageId) {
		if (!pool.isShutdown() && queued.add(imageId)) {
			try {
				pool.execute(() -> {
					queued.remove(imageId);
					verify(imageId);
				});
			} catch (RejectedExecutionException e) {
				queued.remove(imageId); // closing: the image stays Uploaded and is queued after the next start
			}
		}
	}

	/** @return images verified, bytes read and nanoseconds spent since start */
	public long[] stats() {
		return new long[] { count.get(), bytes.get(), nanos.get() };
	}

	private void verify(String id) {
		try {
			ImageRecord image = images.claimForVerification(id);
			if (image == null) {
				return;
			}
			HubCloud cloud = clouds.get(image.cloud()).orElse(null);
			if (cloud == null) {
				finish(image, List.of("cloud " + image.cloud() + " is not configured"), null);
				return;
			}
			long t0 = System.nanoTime();
			StoredImageCheck.Outcome o;
			try {
				o = StoredImageCheck.run(cloud, image, monitor);
			} catch (IOException e) {
				LOG.warn("cannot read image " + id + " for verification; will retry", e);
				release(id);
				return;
			} catch (OperationCanceledException e) {
				release(id);
				return;
			}
			nanos.addAndGet(System.nanoTime() - t0);
			bytes.addAndGet(o.size());
			count.incrementAndGet();
			finish(image, o.reasons(), o);
		} catch (RuntimeException e) {
			LOG.error("verification of image " + id + " failed; it is retried by the sweeper", e);
			release(id);
		}
	}

	private void release(String id) {
		try {
			images.release(id);
		} catch (RuntimeException e) {
			LOG.error("cannot release the verification claim of image " + id, e);
		}
	}

	private void finish(ImageRecord image, List<String> reasons, StoredImageCheck.Outcome o) {
		HubImageState to = reasons.isEmpty() ? HubImageState.Ready : HubImageState.Invalid;
		ImageRecord after = images.settle(image.id(), new ImageStore.Verdict(to, reasons, o == null ? null : o.size(),
				o == null ? 0 : o.width(), o == null ? 0 : o.height(), o == null ? 0.0 : o.megapixels()));
		if (after == null) {
			return; // expired or removed meanwhile
		}
		String pid = after.pid();
		if (to == HubImageState.Ready) {
			projects.countImage(pid, 1, o.megapixels() / 1000.0, new HubProject.CloudPath(after.cloud(), after.bucket(),
					pid + "/"));
		}
		settled.accept(pid);
	}

	@Override
	public void close() {
		monitor.setCanceled(true);
		pool.shutdownNow();
		try {
			if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
				LOG.warn("verification workers did not stop within 10 s");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
