/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.internal.BuiltinChecks;
import io.tiepoint.exif.internal.CheckRegistry;
import io.tiepoint.exif.internal.FileWalker;
import io.tiepoint.exif.internal.OverlapEstimator;
import io.tiepoint.exif.internal.SetChecks;

/**
 * Scans folders: lists the files, inspects them on a bounded pool of threads, runs the set-wide
 * checks and estimates overlap. Findings are results: the run always completes unless canceled.
 */
public final class InspectionRun {

	private final CheckConfig config;
	private volatile int threads;
	/** The pool of the inspection under way, if any: {@link #threads(int)} resizes it. */
	private volatile ThreadPoolExecutor running;
	private final CheckRegistry contributions;

	/**
	 * @param config   thresholds
	 * @param threads  number of inspection threads (at least 1)
	 * @param registry the extension registry for contributed checks, or null (built-ins only)
	 */
	public InspectionRun(CheckConfig config, int threads, IExtensionRegistry registry) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, was " + threads);
		}
		this.config = Objects.requireNonNull(config, "config");
		this.threads = threads;
		this.contributions = new CheckRegistry(registry);
	}

	/**
	 * Changes how many threads inspect, the inspection under way included: e.g. one while another part of the
	 * program starts on the same cores, then all of them.
	 *
	 * @param n number of inspection threads (at least 1)
	 */
	public void threads(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("threads must be at least 1, was " + n);
		}
		threads = n;
		ThreadPoolExecutor pool = running;
		if (pool != null) {
			synchronized (pool) {
				if (n > pool.getMaximumPoolSize()) {
					pool.setMaximumPoolSize(n);
					pool.setCorePoolSize(n); // starts threads for the queued files
				} else {
					pool.setCorePoolSize(n);
					pool.setMaximumPoolSize(n); // a thread beyond n ends after its current file
				}
			}
		}
	}

	/**
	 * @param roots   folders (walked recursively) or files
	 * @param monitor progress and cancellation, may be null
	 * @return the result
	 * @throws OperationCanceledException when canceled
	 * @throws IOException                when walking fails unexpectedly (not for unreadable files)
	 */
	public InspectionResult run(List<Path> roots, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Inspecting images", 100);
		List<ImageRecord> records = inspectFiles(roots, progress.split(90), null);
		SetFindings set = checkSet(records, roots.isEmpty() ? "" : roots.get(0).toString(), progress.split(10));
		return set.applyTo(records);
	}

	/**
	 * Inspects each file on its own (no set checks): the records of {@link #run} before the set-level
	 * findings.
	 *
	 * @param roots   folders (walked recursively) or files
	 * @param monitor progress and cancellation, may be null
	 * @param each    receives each record as soon as it is inspected, on the caller's thread; may be null
	 * @return the records, sorted by path (files that could not be listed included)
	 * @throws OperationCanceledException when canceled
	 * @throws IOException                when walking fails unexpectedly (not for unreadable files)
	 */
	public List<ImageRecord> inspectFiles(List<Path> roots, IProgressMonitor monitor, Consumer<ImageRecord> each)
			throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Inspecting images", 100);
		SubMonitor walkProgress = progress.split(5);
		FileWalker.Listing listing = FileWalker.walk(roots, walkProgress::isCanceled);
		if (walkProgress.isCanceled()) {
			throw new OperationCanceledException();
		}
		List<ImageCheck> imageChecks = new ArrayList<>(BuiltinChecks.imageChecks());
		imageChecks.addAll(contributions.imageChecks());
		ImageInspector inspector = new ImageInspector(config, imageChecks);
		List<ImageRecord> records = inspectAll(inspector, listing.files(), progress.split(95), each);
		if (each != null) {
			listing.problems().forEach(each);
		}
		records.addAll(listing.problems());
		records.sort(Comparator.comparing(ImageRecord::path));
		return records;
	}

	/**
	 * The set-level findings of records (duplicates, cameras, gaps, outliers, overlap; contributed set
	 * checks), by path.
	 *
	 * @param records the records of one set
	 * @param where   names the set in a finding about a failed check (e.g. its first root)
	 * @param monitor progress, may be null
	 * @return the findings and the overlap statistics
	 */
	public SetFindings checkSet(List<ImageRecord> records, String where, IProgressMonitor monitor) {
		SubMonitor setProgress = SubMonitor.convert(monitor, "Checking the set", 10);
		List<SetCheck> setChecks = new ArrayList<>(BuiltinChecks.setChecks());
		setChecks.addAll(contributions.setChecks());
		setProgress.setWorkRemaining(setChecks.size() + 1);
		Map<String, List<Finding>> extra = new HashMap<>();
		List<ImageRecord> view = List.copyOf(records);
		for (SetCheck check : setChecks) {
			setProgress.split(1);
			try {
				check.check(view, config, f -> extra.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
			} catch (RuntimeException e) {
				extra.computeIfAbsent(where, k -> new ArrayList<>()).add(Finding.of(FindingIds.CHECK_FAILED,
						Severity.WARNING, where, "set check '" + check.id() + "' failed: " + e));
			}
		}
		OverlapStats overlapStats = OverlapStats.NONE;
		try {
			OverlapEstimator.Result overlap = OverlapEstimator.estimate(view, config);
			overlap.findings().forEach(f -> extra.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
			overlapStats = overlap.stats();
		} catch (RuntimeException e) {
			extra.computeIfAbsent(where, k -> new ArrayList<>()).add(Finding.of(FindingIds.CHECK_FAILED,
					Severity.WARNING, where, "overlap estimate failed: " + e));
		}
		setProgress.split(1);
		return new SetFindings(extra, overlapStats);
	}

	/**
	 * Set-level findings by path.
	 *
	 * @param byPath  the findings, by the path they name
	 * @param overlap the overlap statistics of the set
	 */
	public record SetFindings(Map<String, List<Finding>> byPath, OverlapStats overlap) {

		/** Copies the map. */
		public SetFindings {
			byPath = Map.copyOf(byPath);
		}

		/** @return the findings naming the path (none: empty) */
		public List<Finding> of(String path) {
			return byPath.getOrDefault(path, List.of());
		}

		/**
		 * @param records the per-file records of the set
		 * @return the result: each record with its set-level findings, and a record for a path named only
		 *         by a set finding
		 */
		public InspectionResult applyTo(List<ImageRecord> records) {
			Map<String, List<Finding>> extra = new HashMap<>(byPath);
			List<ImageRecord> merged = new ArrayList<>(records.size());
			for (ImageRecord r : records) {
				List<Finding> more = extra.remove(r.path());
				merged.add(more == null ? r : r.withFindings(more));
			}
			extra.forEach((path, fs) -> merged.add(new ImageRecord.Builder(path).build().withFindings(fs)));
			List<ImageRecord> usable = merged.stream().filter(r -> r.mediaType() != null && !r.has(Severity.ERROR)).toList();
			merged.sort(Comparator.comparing(ImageRecord::path));
			return new InspectionResult(merged, SetChecks.groups(usable), overlap);
		}
	}

	private List<ImageRecord> inspectAll(ImageInspector inspector, List<Path> files, SubMonitor progress,
			Consumer<ImageRecord> each) {
		progress.setWorkRemaining(files.size());
		int n = threads;
		ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				new Named());
		running = pool;
		threads(threads); // a change made while the pool was being created
		try {
			CompletionService<ImageRecord> done = new ExecutorCompletionService<>(pool);
			List<Future<ImageRecord>> futures = new ArrayList<>(files.size());
			for (Path f : files) {
				futures.add(done.submit(() -> inspector.inspect(f)));
			}
			List<ImageRecord> out = new ArrayList<>(files.size());
			for (int i = 0; i < files.size(); i++) {
				progress.split(1); // throws OperationCanceledException when canceled
				try {
					ImageRecord r = done.take().get();
					out.add(r);
					if (each != null) {
						each.accept(r);
					}
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new OperationCanceledException("interrupted");
				} catch (ExecutionException e) {
					// inspect() turns problems into findings; anything else is a bug worth surfacing
					throw new IllegalStateException("inspection failed unexpectedly", e.getCause());
				}
			}
			return out;
		} finally {
			running = null;
			pool.shutdownNow();
		}
	}

	private static final class Named implements ThreadFactory {
		private final AtomicInteger n = new AtomicInteger();

		@Override
		public Thread newThread(Runnable r) {
			Thread t = new Thread(r, "tiepoint-inspect-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		}
	}
}
