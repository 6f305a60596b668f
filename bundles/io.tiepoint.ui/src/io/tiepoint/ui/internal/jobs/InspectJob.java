/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.InspectionRun;
import io.tiepoint.ui.internal.map.FootprintStore;

/**
 * Adds folders (or re-checks files) of a project: runs the inspection ({@link InspectionRun}, with the
 * contributed checks), records the files in the journal ({@link Journal#discover}) and writes each
 * one's checksums, metadata and findings, {@code Inspected} or {@code Rejected} (an error finding), in
 * batches so the Images view follows. Nadir footprints go to the {@link FootprintStore} for the map.
 */
public class InspectJob extends Job {

	/** Job family of inspections. */
	public static final Object FAMILY = InspectJob.class;

	private static final int BATCH = 500;

	private final Workspace workspace;
	private final String project;
	private final List<Path> roots;
	private volatile InspectionResult result;

	/**
	 * @param workspace the workspace
	 * @param project   the project
	 * @param roots     folders (walked recursively) or files
	 */
	public InspectJob(Workspace workspace, String project, List<Path> roots) {
		super("Checking " + (roots.size() == 1 ? roots.get(0).getFileName() : roots.size() + " locations") + " for " + project);
		this.workspace = workspace;
		this.project = project;
		this.roots = List.copyOf(roots);
		setUser(false);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** @return the inspection's result once the job is done, or null */
	public InspectionResult result() {
		return result;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
		try {
			InspectionRun run = new InspectionRun(CheckConfig.defaults(),
					Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())), Platform.getExtensionRegistry());
			InspectionResult r = run.run(roots, progress.split(85));
			progress.subTask("Recording " + r.records().size() + " files");
			record(r, progress.split(15));
			result = r;
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (JournalException e) {
			return Status.error(e.getMessage(), e);
		} catch (IOException e) {
			return Status.error("cannot read " + roots + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Writes an inspection's records into the journal (any thread).
	 *
	 * @param r       the result
	 * @param monitor progress
	 * @throws JournalException when the journal fails
	 */
	public void record(InspectionResult r, IProgressMonitor monitor) throws JournalException {
		Journal journal = workspace.journal();
		List<Path> files = new ArrayList<>();
		for (ImageRecord rec : r.records()) {
			Path p = Path.of(rec.path());
			if (Files.isRegularFile(p)) {
				files.add(p);
			}
		}
		SubMonitor progress = SubMonitor.convert(monitor, files.size() / BATCH + 2);
		journal.discover(project, files);
		progress.split(1);
		Map<String, Long> ids = new HashMap<>();
		for (ImageEntry e : journal.images(project)) {
			ids.put(e.path(), e.id());
		}
		Map<Long, Update> batch = new LinkedHashMap<>();
		for (ImageRecord rec : r.records()) {
			Long id = ids.get(Path.of(rec.path()).toAbsolutePath().normalize().toString());
			if (id == null) {
				continue;
			}
			batch.put(id, update(rec));
			if (batch.size() >= BATCH) {
				journal.updateBatch(batch);
				batch = new LinkedHashMap<>();
				progress.split(1);
			}
		}
		journal.updateBatch(batch);
		try {
			FootprintStore.merge(workspace, project, r.overlap().footprints());
		} catch (IOException e) {
			throw new JournalException("cannot write the footprints of " + project + ": " + e.getMessage(), e);
		}
	}

	/**
	 * @param rec an inspected file
	 * @return the journal update that records it
	 */
	public static Update update(ImageRecord rec) {
		boolean error = rec.has(Finding.Severity.ERROR);
		Update u = Update.to(error ? ImageState.REJECTED : ImageState.INSPECTED).sha1(rec.sha1()).md5(rec.md5())
				.mediaType(rec.mediaType()).camera(rec.make(), rec.model())
				.taken(rec.dateTimeOriginal() == null ? null : rec.dateTimeOriginal().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
				.position(rec.latitude(), rec.longitude(), rec.altitude(), rec.relativeAltitude())
				.attitude(rec.gimbalYaw() != null ? rec.gimbalYaw() : rec.flightYaw(), rec.gimbalPitch())
				.dimensions(rec.width(), rec.height()).findings(findingsText(rec.findings()));
		String firstError = rec.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR)
				.map(Finding::message).findFirst().orElse(null);
		return u.error(firstError, false);
	}

	/**
	 * @param findings findings
	 * @return one {@code SEVERITY id: message} per line
	 */
	public static String findingsText(List<Finding> findings) {
		StringBuilder sb = new StringBuilder();
		for (Finding f : findings) {
			if (sb.length() > 0) {
				sb.append('\n');
			}
			sb.append(f.severity().name()).append(' ').append(f.id()).append(": ").append(f.message().replace('\n', ' '));
		}
		return sb.toString();
	}
}
