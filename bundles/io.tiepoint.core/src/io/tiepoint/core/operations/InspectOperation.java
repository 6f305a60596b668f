/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.core.ingest.IngestEngine;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.project.Workspace;

/**
 * Records the image files under some folders in a project and inspects them, the whole set first: checksums,
 * metadata, the decode check, the set's findings, footprints; each image {@code Inspected} or
 * {@code Rejected} by the reject policy of the options. The workbench's Add Images and Re-check, and
 * {@code tiepoint ingest --inspect-first}.
 */
public final class InspectOperation implements TiepointOperation {

	private final Workspace workspace;
	private final String project;
	private final List<Path> paths;
	private final boolean recheck;
	private final IngestOptions options;
	private IngestSummary summary;

	/**
	 * @param workspace the workspace
	 * @param project   the project (must exist)
	 * @param paths     folders or files
	 * @param recheck   true to inspect every image under the paths again, false for the new or changed ones
	 * @param options   the reject policy and the inspection threads
	 */
	public InspectOperation(Workspace workspace, String project, List<Path> paths, boolean recheck,
			IngestOptions options) {
		this.workspace = workspace;
		this.project = project;
		this.paths = List.copyOf(paths);
		this.recheck = recheck;
		this.options = options;
	}

	@Override
	public void execute(IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Checking images of " + project, 1);
		summary = new IngestEngine(workspace, options, null).inspect(project, paths, recheck, progress.split(1));
	}

	/** @return what was inspected, once executed */
	public IngestSummary summary() {
		return summary;
	}
}
