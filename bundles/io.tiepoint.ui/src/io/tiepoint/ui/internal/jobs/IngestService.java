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
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;

import io.tiepoint.core.project.Workspace;
import io.tiepoint.platform.RemoteEngine;

/** Uploads and reconstruction launches, as the ingest engine provides them. */
public interface IngestService {

	/**
	 * @param workspace the workspace
	 * @param project   the project
	 * @param request   the settings, or null for the project's hub and cloud
	 * @return a job (not scheduled) that uploads the project's pending images with progress
	 */
	Job createUploadJob(Workspace workspace, String project, UploadRequest request);

	/**
	 * Starts a reconstruction of the project's ready images on its hub.
	 *
	 * @param workspace the workspace
	 * @param project   the project
	 * @param taskType  the task type, e.g. {@code Native}
	 * @param monitor   progress
	 * @return the task id
	 * @throws IOException when the hub refuses or cannot be reached
	 */
	String launchReconstruction(Workspace workspace, String project, String taskType, IProgressMonitor monitor)
			throws IOException;

	/**
	 * Starts a reconstruction with one of the hub's engines.
	 *
	 * @param workspace the workspace
	 * @param project   the project
	 * @param taskType  the task type, e.g. {@code Native}
	 * @param engine    the engine's id, or null for the hub's choice (the default implementation takes only null)
	 * @param monitor   progress
	 * @return the task id
	 * @throws IOException when the hub refuses or cannot be reached
	 */
	default String launchReconstruction(Workspace workspace, String project, String taskType, String engine,
			IProgressMonitor monitor) throws IOException {
		if (engine != null) {
			throw new IOException("this service cannot choose the engine " + engine);
		}
		return launchReconstruction(workspace, project, taskType, monitor);
	}

	/**
	 * Starts a reconstruction as {@code tiepoint launch} does: compared first with what the journal meant to send.
	 *
	 * @param workspace the workspace
	 * @param project   the project
	 * @param taskType  the task type, e.g. {@code Native}
	 * @param engine    the engine's id, or null for the hub's choice
	 * @param whenReady let the hub start it once every image that arrived is verified (preStartReconstruction)
	 * @param anyway    start even when images meant to be sent are not Ready (else refused, naming them)
	 * @param monitor   progress
	 * @return the task id
	 * @throws IOException when the hub refuses or cannot be reached, or images are missing and not {@code anyway}
	 */
	default String launchReconstruction(Workspace workspace, String project, String taskType, String engine,
			boolean whenReady, boolean anyway, IProgressMonitor monitor) throws IOException {
		return launchReconstruction(workspace, project, taskType, engine, monitor);
	}

	/**
	 * @param workspace the workspace
	 * @param project   the project
	 * @return the reconstruction engines of the project's hub (empty by default, and when the hub lists none)
	 * @throws IOException when the hub cannot be reached
	 */
	default List<RemoteEngine> engines(Workspace workspace, String project) throws IOException {
		return List.of();
	}
}
