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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.core.project.Footprints;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.InspectionRun;
import io.tiepoint.exif.OverlapStats;

/**
 * Inspects a project's images into its journal, through the {@link RejectPolicy}, and keeps their nadir
 * footprints for the map ({@link Footprints}): the same for the command line and the workbench. Either the
 * whole set first ({@link #inspect}), or each image handed on as soon as it passes while the rest are
 * inspected ({@link #pipelined}).
 */
final class Inspection {

	/** Journal rows written per transaction while inspecting a set: the views follow batch by batch. */
	private static final int BATCH = 200;

	private final Workspace workspace;
	private final RejectPolicy policy;
	private volatile int threads;
	private final List<InspectionRun> runs = new CopyOnWriteArrayList<>();

	Inspection(Workspace workspace, RejectPolicy policy, int threads) {
		this.workspace = workspace;
		this.policy = policy;
		this.threads = threads;
	}

	/**
	 * Changes how many threads inspect, the inspection under way included.
	 *
	 * @param n number of threads (at least 1)
	 */
	void threads(int n) {
		threads = n;
		runs.forEach(r -> r.threads(n));
	}

	/**
	 * Inspects the images, then records them with the set's findings.
	 *
	 * @param project the project
	 * @param todo    its images to inspect
	 * @param monitor progress and cancellation
	 * @throws IOException when the journal or the footprints cannot be written
	 */
	void inspect(String project, List<ImageEntry> todo, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Inspecting " + todo.size() + " image(s) of " + project, 100);
		if (todo.isEmpty()) {
			return;
		}
		InspectionResult result = run(CheckConfig.defaults()).run(paths(todo), progress.split(85));
		Map<String, ImageRecord> byPath = new HashMap<>();
		result.records().forEach(r -> byPath.put(r.path(), r));
		SubMonitor writing = progress.split(15).setWorkRemaining(todo.size() / BATCH + 1);
		Map<Long, Update> batch = new LinkedHashMap<>();
		for (ImageEntry e : todo) {
			ImageRecord r = byPath.get(e.path());
			batch.put(e.id(), r == null ? disappeared(e) : policy.update(r, e));
			if (batch.size() >= BATCH) {
				workspace.journal().updateBatch(batch);
				batch = new LinkedHashMap<>();
				writing.split(1);
			}
		}
		workspace.journal().updateBatch(batch);
		footprints(project, result.overlap());
	}

	/**
	 * Inspects the images one by one and hands each to {@code inspected} as soon as its journal row is written
	 * (the caller decides whether it is sent). The findings that need the whole set (another camera, far positions, gaps) are known before
	 * the first hand-over: they come from a first pass over the metadata of every file of the set ({@code files}).
	 * The set's findings are computed again from the complete records at the end and stored.
	 *
	 * @param project   the project
	 * @param files     every image file of the set (for the set-level findings)
	 * @param todo      the images to inspect
	 * @param canceled  stops the inspection
	 * @param inspected receives each image as the journal now holds it, on the inspection's thread
	 * @param notes     receives what the complete set found too late (after an image was handed on)
	 * @throws IOException when the journal or the footprints cannot be written
	 */
	void pipelined(String project, List<Path> files, List<ImageEntry> todo, BooleanSupplier canceled,
			Consumer<ImageEntry> inspected, Consumer<String> notes) throws IOException {
		if (todo.isEmpty()) {
			return;
		}
		String where = files.isEmpty() ? "" : files.get(0).toString();
		InspectionRun meta = run(CheckConfig.defaults().with(CheckConfig.Key.HASH_ENABLED, 0));
		InspectionRun.SetFindings early = meta.checkSet(meta.inspectFiles(files, cancelOnly(canceled), null), where, null);
		Map<String, ImageEntry> byPath = new HashMap<>();
		todo.forEach(e -> byPath.put(e.path(), e));
		InspectionRun full = run(CheckConfig.defaults());
		Set<Long> rejected = java.util.concurrent.ConcurrentHashMap.newKeySet();
		List<ImageRecord> records;
		try {
			records = full.inspectFiles(paths(todo), cancelOnly(canceled), r -> {
				ImageEntry e = byPath.get(r.path());
				if (e == null) {
					return;
				}
				try {
					workspace.journal().update(e.id(), policy.update(r.withFindings(early.of(r.path())), e));
					ImageEntry now = workspace.journal().image(e.id()).orElse(null);
					if (now != null) {
						if (now.state() == ImageState.REJECTED) {
							rejected.add(now.id());
						}
						inspected.accept(now);
					}
				} catch (JournalException je) {
					throw new UncheckedIOException(je);
				}
			});
		} catch (UncheckedIOException ue) {
			throw ue.getCause();
		}
		InspectionRun.SetFindings late = full.checkSet(records, where, null);
		Map<Long, Update> updates = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (ImageRecord r : records) {
			ImageEntry e = byPath.get(r.path());
			if (e == null || !seen.add(r.path())) {
				continue;
			}
			ImageRecord complete = r.withFindings(late.of(r.path()));
			Update u = Update.fields().findings(RejectPolicy.findingLines(complete.findings()));
			List<String> reasons = policy.reasons(complete);
			if (rejected.contains(e.id()) && !reasons.isEmpty()) {
				u.error(String.join("; ", reasons), false); // in the words of the whole set, as an inspection of it says
			}
			updates.put(e.id(), u);
			for (Finding f : late.of(r.path())) {
				if (policy.warnings().contains(f.id()) && early.of(r.path()).stream().noneMatch(g -> g.id().equals(f.id()))) {
					notes.accept(e.name() + ": " + f.id() + " found only with the complete records, after it was handed"
							+ " to the transfers: " + f.message());
				}
			}
		}
		for (ImageEntry e : todo) {
			if (!seen.contains(e.path())) {
				updates.put(e.id(), disappeared(e));
			}
		}
		workspace.journal().updateBatch(updates);
		footprints(project, late.overlap());
	}

	private InspectionRun run(CheckConfig config) {
		InspectionRun r = new InspectionRun(config, threads, RegistryFactory.getRegistry());
		runs.add(r);
		r.threads(threads); // a change made meanwhile
		return r;
	}

	private void footprints(String project, OverlapStats overlap) throws IOException {
		try {
			Footprints.merge(workspace, project, overlap.footprints());
		} catch (IOException e) {
			throw new IOException("cannot write the footprints of " + project + ": " + e.getMessage(), e);
		}
	}

	private static Update disappeared(ImageEntry e) {
		return e.state() == ImageState.DISCOVERED || e.state().sendable()
				? Update.to(ImageState.REJECTED).error("not inspected: the file disappeared", false)
				: Update.fields();
	}

	private static List<Path> paths(List<ImageEntry> entries) {
		return entries.stream().map(e -> Path.of(e.path())).toList();
	}

	/** A monitor for work whose progress the caller reports itself: it only carries the cancellation. */
	static IProgressMonitor cancelOnly(BooleanSupplier canceled) {
		return new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				return canceled.getAsBoolean();
			}
		};
	}
}
