/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.ConversionJob;
import io.tiepoint.hub.internal.store.files.ConversionJobs;
import io.tiepoint.hub.internal.store.files.StoredFile;
import io.tiepoint.hub.internal.store.FileIds;

/**
 * The bounded pool of conversion workers: each claims the oldest queued job of {@link ConversionJobs},
 * copies its source from GridFS into a work directory of its own (under the hub's {@code convert}
 * directory), converts it and records the results. Stopping the hub kills the FFmpeg runs and leaves
 * their jobs {@code running}: the next start queues them again ({@link ConversionJobs#requeueRunning()}),
 * with the levels they had finished.
 */
final class ConversionWorkers implements AutoCloseable {

	private static final HubLog LOG = HubLog.of(ConversionWorkers.class);
	private final ConversionJobs jobs;
	private final ChunkStore store;
	private final Path workRoot;
	private final ImageConversion images;
	private final MediaConversion media;
	private final TextConversion texts;
	private final MediaTools tools;
	private final List<Thread> threads = new ArrayList<>();
	private final Object signal = new Object();
	private volatile boolean closed;

	ConversionWorkers(ConversionJobs jobs, ChunkStore store, Path workRoot, ImageConversion images, MediaTools tools,
			int count) throws IOException {
		this.jobs = jobs;
		this.store = store;
		this.workRoot = workRoot;
		this.images = images;
		this.tools = tools;
		this.media = new MediaConversion(tools, store);
		this.texts = new TextConversion(store);
		delete(workRoot); // what a killed hub left
		Files.createDirectories(workRoot);
		long resumed = jobs.requeueRunning();
		if (resumed > 0) {
			LOG.info(resumed + " conversion(s) interrupted by the last stop queued again");
		}
		for (int i = 0; i < count; i++) {
			Thread t = new Thread(this::work, "tiepoint-resource-convert-" + (i + 1));
			t.setDaemon(true);
			threads.add(t);
			t.start();
		}
	}

	/** Wakes a worker: a job was queued. */
	void wake() {
		synchronized (signal) {
			signal.notifyAll();
		}
	}

	private void work() {
		while (!closed) {
			ConversionJob job;
			try {
				job = jobs.claim();
			} catch (RuntimeException e) {
				if (!closed) {
					LOG.warn("cannot read the conversion queue: " + e.getMessage());
				}
				job = null;
			}
			if (job == null) {
				synchronized (signal) {
					try {
						signal.wait(500);
					} catch (InterruptedException e) {
						return;
					}
				}
				continue;
			}
			run(job);
		}
	}

	private void run(ConversionJob job) {
		String key = job.key();
		Path work = workRoot.resolve(key.replace(':', '-'));
		try {
			StoredFile file = store.file(FileIds.idOf(job.source()));
			if (file == null) {
				jobs.failed(key, "the file to convert was deleted", false);
				return;
			}
			delete(work);
			Files.createDirectories(work);
			String type = switch (job.kind()) {
			case "image" -> images.run(job, file, jobs);
			case "text" -> texts.run(job, file, jobs);
			case "video", "audio" -> media.run(job, file, local(file, work), work, jobs, () -> closed);
			default -> "NoSupport";
			};
			jobs.done(key, type);
		} catch (MediaTools.Cancelled e) {
			// the hub stops: the job stays running, queued again at the next start
		} catch (IOException | RuntimeException e) {
			if (closed) {
				return; // the database or the run went away with the hub: the job is taken up again
			}
			LOG.warn("conversion " + key + " failed: " + e.getMessage());
			jobs.failed(key, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
					e instanceof MediaTools.Missing);
		} finally {
			try {
				delete(work);
			} catch (IOException e) {
				LOG.warn("cannot delete " + work + ": " + e.getMessage());
			}
		}
	}

	/** Copies the source out of GridFS for FFmpeg, keeping its extension (some formats are known by it). */
	private Path local(StoredFile file, Path work) throws IOException {
		String ext = file.extension();
		Path local = work.resolve(ext.isEmpty() ? "source" : "source." + ext);
		try (InputStream in = store.open(file.id(), file.length(), 0)) {
			Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
		}
		return local;
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	/** @return whether FFmpeg can run here */
	MediaTools tools() {
		return tools;
	}

	@Override
	public void close() {
		closed = true;
		wake();
		for (Thread t : threads) {
			t.interrupt();
		}
		for (Thread t : threads) {
			try {
				t.join(10_000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
