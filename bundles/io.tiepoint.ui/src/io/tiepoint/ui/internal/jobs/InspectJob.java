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
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.operations.InspectOperation;
import io.tiepoint.core.project.Workspace;

/**
 * Adds folders (or re-checks files) of a project: the core's {@link InspectOperation} as a job, with the
 * workspace's settings (the same reject policy as {@code tiepoint ingest}). The journal is written in
 * batches, so the Images view follows; footprints go beside the journal for the Map.
 */
public class InspectJob extends Job {

	/** Job family of inspections. */
	public static final Object FAMILY = InspectJob.class;

	private final Workspace workspace;
	private final String project;
	private final List<Path> roots;
	private final boolean recheck;

	/**
	 * @param workspace the workspace
	 * @param project   the project
	 * @param roots     folders (walked recursively) or files
	 */
	public InspectJob(Workspace workspace, String project, List<Path> roots) {
		this(workspace, project, roots, false);
	}

	/**
	 * @param workspace the workspace
	 * @param project   the project
	 * @param roots     folders (walked recursively) or files
	 * @param recheck   true to inspect every image under the roots again, false for new or changed ones
	 */
	public InspectJob(Workspace workspace, String project, List<Path> roots, boolean recheck) {
		super((recheck ? "Re-checking " : "Checking ") + (roots.size() == 1 ? roots.get(0).getFileName()
				: roots.size() + " locations") + " for " + project);
		this.workspace = workspace;
		this.project = project;
		this.roots = List.copyOf(roots);
		this.recheck = recheck;
		setUser(false);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			IngestOptions options = IngestOptions.builder(UploadServices.config(workspace)).build();
			new InspectOperation(workspace, project, roots, recheck, options).execute(monitor);
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException | ConfigException e) {
			return Status.error(e.getMessage(), e);
		}
	}
}
