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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageProviders;

/**
 * Takes a project's images to their destination: {@link Discovery} finds them, {@link Inspection} inspects
 * them through the {@link RejectPolicy}, a {@link Flow} (the platform's, or the user's own destination)
 * takes each one there on the {@link Transfers}, retried by the {@link ImageSender}. Every state change is
 * committed to the journal before the next step starts; a new run reconciles with the destination and
 * resumes from what it reports.
 */
public final class IngestEngine {

	private final Workspace workspace;
	private final Journal journal;
	private final IngestOptions options;
	private final StorageProviders providers;
	private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * @param workspace the workspace (its journal is used)
	 * @param options   how to ingest
	 * @param providers the storage providers
	 */
	public IngestEngine(Workspace workspace, IngestOptions options, StorageProviders providers) {
		this.workspace = workspace;
		this.journal = workspace.journal();
		this.options = options;
		this.providers = providers;
	}

	/** @param l receives progress */
	public void addListener(IngestListener l) {
		listeners.add(l);
	}

	/** @param l no longer receives progress */
	public void removeListener(IngestListener l) {
		listeners.remove(l);
	}

	/**
	 * Records the image files under the roots and inspects the new or changed ones, the whole set first.
	 *
	 * @param project the project (must exist)
	 * @param roots   folders or files
	 * @param monitor progress and cancellation
	 * @return the summary
	 * @throws IOException when a root is missing or holds no image, or the journal fails
	 */
	public IngestSummary inspect(String project, List<Path> roots, IProgressMonitor monitor) throws IOException {
		return inspect(project, roots, false, monitor);
	}

	/**
	 * Records the image files under the roots and inspects them, the whole set first.
	 *
	 * @param project the project (must exist)
	 * @param roots   folders or files
	 * @param recheck true to inspect every image under the roots again, false for the new or changed ones
	 * @param monitor progress and cancellation
	 * @return the summary
	 * @throws IOException when a root is missing or holds no image, or the journal fails
	 */
	public IngestSummary inspect(String project, List<Path> roots, boolean recheck, IProgressMonitor monitor)
			throws IOException {
		long t0 = System.nanoTime();
		requireProject(project);
		SubMonitor sm = SubMonitor.convert(monitor, "Inspecting images of " + project, 100);
		Discovery.Files found = Discovery.walk(roots);
		List<ImageEntry> todo = recheck ? Discovery.recordAll(journal, project, found)
				: Discovery.record(journal, project, found);
		sm.worked(5);
		IngestRun.fire(listeners, new IngestProgress("inspecting", 0, todo.size(), 0, 0, 0, -1));
		new Inspection(workspace, options.policy(), options.readThreads()).inspect(project, todo, sm.split(95));
		IngestRun.fire(listeners, new IngestProgress("inspected", todo.size(), todo.size(), 0, 0, 0, 0));
		List<String> notes = new ArrayList<>();
		if (found.note() != null) {
			notes.add(found.note());
		}
		return new IngestSummary(project, journal.counts(project), todo.size(), 0, 0, 0, 0, (System.nanoTime() - t0) / 1e9,
				rejections(project, null), notes);
	}

	/**
	 * Inspects the images under the roots and sends each one as soon as it passes, while the others are still
	 * being inspected; images inspected by an earlier run that have not arrived go first. A dry run inspects
	 * the whole set and estimates.
	 *
	 * @param project the project (must exist)
	 * @param roots   folders or files
	 * @param monitor progress and cancellation (canceling leaves every image resumable)
	 * @return the summary of the whole run
	 * @throws IOException when a root is missing or holds no image, the journal fails, or the destination
	 *                     cannot be used at all (per-image failures are results)
	 */
	public IngestSummary ingest(String project, List<Path> roots, IProgressMonitor monitor) throws IOException {
		IProgressMonitor mon = monitor == null ? new NullProgressMonitor() : monitor;
		if (options.dryRun()) {
			inspect(project, roots, mon);
			return upload(project, mon);
		}
		long t0 = System.nanoTime();
		Project p = requireProject(project);
		if (!p.direct() && options.connector() != null) {
			// an embedded hub takes a second to start: it starts while the folders are read
			options.connector().warm(options.hub() != null ? options.hub() : p.hub());
		}
		Discovery.Files found = Discovery.walk(roots);
		List<ImageEntry> todo = Discovery.record(journal, project, found);
		long[] inspectNanos = { 0 };
		Inspection inspection = new Inspection(workspace, options.policy(), options.readThreads());
		IngestSummary s = send(project, mon, todo.size(), inspection::threads, (run, submit) -> {
			long i0 = System.nanoTime();
			run.inspectTotal = todo.size();
			run.inspectedSoFar = 0;
			inspection.pipelined(project, found.files(), todo,
					run::canceled, e -> {
						run.inspectedSoFar++;
						if (candidate(e)) {
							submit.accept(e);
						}
					}, run.notes::add);
			inspectNanos[0] = System.nanoTime() - i0;
		});
		List<String> notes = new ArrayList<>();
		notes.add(String.format(Locale.ROOT, "inspected %d new image(s) in %.1f s%s", todo.size(), inspectNanos[0] / 1e9,
				todo.isEmpty() ? "" : ", each sent as soon as it passed"));
		if (found.note() != null) {
			notes.add(found.note());
		}
		notes.addAll(s.notes());
		Set<Long> fresh = new HashSet<>();
		todo.forEach(e -> fresh.add(e.id()));
		List<String> failures = new ArrayList<>(rejections(project, fresh));
		failures.addAll(s.failures());
		return new IngestSummary(project, s.counts(), s.filesHandled(), s.filesSent(), s.bytesSent(), 0, 0,
				(System.nanoTime() - t0) / 1e9, failures, notes, s.timeline());
	}

	/**
	 * Sends the project's inspected images to their destination and follows them to the end.
	 *
	 * @param project the project
	 * @param monitor progress and cancellation (canceling leaves every image resumable)
	 * @return the summary
	 * @throws IOException when the journal fails or the destination cannot be used at all
	 */
	public IngestSummary upload(String project, IProgressMonitor monitor) throws IOException {
		return send(project, monitor == null ? new NullProgressMonitor() : monitor, 0, null, null);
	}

	private IngestSummary send(String project, IProgressMonitor mon, int expected, IntConsumer inspectionThreads,
			EarlyFeed.Source feed) throws IOException {
		long t0 = System.nanoTime();
		Project p = requireProject(project);
		if (options.retryFailed()) {
			Retries.reset(journal, project, null);
		}
		List<ImageEntry> candidates = journal.images(project).stream().filter(this::candidate).toList();
		if (options.dryRun()) {
			return DryRun.estimate(workspace, options, project, journal.images(project), candidates,
					rejections(project, null), t0);
		}
		IngestRun run = new IngestRun(project, journal, options, mon, listeners);
		// the destination opens while the inspection starts, on one thread beside it (an embedded hub's start, a
		// storage session's cold SDK client: each takes a core, and the first byte waits for it), then on all
		if (feed != null) {
			inspectionThreads.accept(1);
		}
		EarlyFeed early = feed == null ? null : EarlyFeed.start(run, feed);
		Flow opened;
		try {
			opened = Flows.open(run, p, providers);
		} catch (IOException | RuntimeException e) {
			stop(run, early);
			throw e;
		} finally {
			if (inspectionThreads != null) {
				inspectionThreads.accept(options.readThreads());
			}
		}
		try (Flow flow = opened) {
			flow.reconcile(candidates);
			List<ImageEntry> ready = journal.images(project).stream().filter(this::candidate).toList();
			Transfers transfers = new Transfers(run, flow);
			transfers.start(ready.size() + expected);
			try {
				if (early == null) {
					ready.forEach(transfers::submit);
				} else {
					early.attach(transfers::submit);
					ready.forEach(early::once);
					early.join();
				}
			} catch (OperationCanceledException oce) {
				run.stopping = true;
			} finally {
				transfers.finish();
			}
			if (flow instanceof CloudLanes lanes) {
				CloudChoice.record(workspace.stateDir(), project, lanes.choices());
			}
		}
		new LinkRate(workspace.stateDir()).record(run);
		List<String> failures = new ArrayList<>();
		for (ImageEntry e : journal.images(project)) {
			if (e.state() == ImageState.FAILED || e.state() == ImageState.INVALID) {
				failures.add(e.name() + ": " + e.state().label() + ": " + e.error());
			}
		}
		List<String> notes = new ArrayList<>(run.notes);
		if (mon.isCanceled()) {
			notes.add("canceled: run the same command again to resume");
		}
		return new IngestSummary(project, journal.counts(project), candidates.size() + expected, run.filesSent.get(),
				run.sent.get(), 0, 0, (System.nanoTime() - t0) / 1e9, failures, notes, run.timeline());
	}

	/** The destination could not be opened: the inspection started beside it stops (what it did is kept). */
	private static void stop(IngestRun run, EarlyFeed early) {
		if (early == null) {
			return;
		}
		run.stopping = true;
		try {
			early.join();
		} catch (IOException | RuntimeException e) {
			// the destination's failure is the one to report
		}
	}

	/** @return whether the run takes the image: on its way, or sendable by the options */
	private boolean candidate(ImageEntry e) {
		if (e.excluded()) {
			return false;
		}
		return switch (e.state()) {
		case INSPECTED, REGISTERED, UPLOADING, UPLOADED -> true;
		case FAILED -> e.retryable();
		case REJECTED -> options.includeRejected() && e.sha1() != null;
		default -> false;
		};
	}

	private List<String> rejections(String project, Set<Long> only) throws JournalException {
		List<String> out = new ArrayList<>();
		for (ImageEntry e : journal.images(project, ImageState.REJECTED)) {
			if (only == null || only.contains(e.id())) {
				out.add(e.name() + ": rejected: " + e.error());
			}
		}
		return out;
	}

	private Project requireProject(String project) throws JournalException {
		return journal.project(project).orElseThrow(() -> new JournalException("no project '" + project + "' in "
				+ workspace.root() + " (create it first)"));
	}
}
