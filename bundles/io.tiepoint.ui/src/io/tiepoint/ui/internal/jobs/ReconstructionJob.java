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
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Workspace;

/**
 * Launches a reconstruction of a project, now or once its images are ready: while waiting it shows how
 * many images are Ready (polling the journal) and can be canceled.
 */
public class ReconstructionJob extends Job {

	private final Workspace workspace;
	private final String project;
	private final String taskType;
	private final boolean whenReady;
	private final long pollMillis;
	private final String engine;
	private volatile String taskId;

	/**
	 * @param workspace  the workspace
	 * @param project    the project
	 * @param taskType   the task type
	 * @param whenReady  wait until no image is on its way
	 * @param pollMillis how often to look at the journal while waiting
	 */
	public ReconstructionJob(Workspace workspace, String project, String taskType, boolean whenReady, long pollMillis) {
		this(workspace, project, taskType, null, whenReady, pollMillis);
	}

	/**
	 * @param workspace  the workspace
	 * @param project    the project
	 * @param taskType   the task type
	 * @param engine     the hub's engine to run, or null for the hub's choice
	 * @param whenReady  wait until no image is on its way
	 * @param pollMillis how often to look at the journal while waiting
	 */
	public ReconstructionJob(Workspace workspace, String project, String taskType, String engine, boolean whenReady,
			long pollMillis) {
		super("Reconstruction of " + project + " (" + taskType + (engine == null ? "" : ", " + engine) + ")");
		this.workspace = workspace;
		this.project = project;
		this.taskType = taskType;
		this.engine = engine;
		this.whenReady = whenReady;
		this.pollMillis = pollMillis;
		setUser(false);
	}

	/** @return the hub's task id once launched, or null */
	public String taskId() {
		return taskId;
	}

	/**
	 * @param counts images per state
	 * @return images still on their way to Ready (inspected, registered, uploading, uploaded)
	 */
	public static int onTheirWay(Map<ImageState, Integer> counts) {
		int n = 0;
		for (ImageState s : new ImageState[] { ImageState.DISCOVERED, ImageState.INSPECTED, ImageState.REGISTERED,
				ImageState.UPLOADING, ImageState.UPLOADED }) {
			n += counts.getOrDefault(s, 0);
		}
		return n;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 1000);
		try {
			if (whenReady) {
				int reported = 0;
				while (true) {
					Map<ImageState, Integer> c = workspace.journal().counts(project);
					int total = c.values().stream().mapToInt(Integer::intValue).sum();
					int ready = c.getOrDefault(ImageState.READY, 0) + c.getOrDefault(ImageState.EXISTING, 0);
					int waiting = onTheirWay(c);
					progress.subTask(String.format("waiting: %,d of %,d images ready, %,d on their way", ready, total, waiting));
					int permille = total == 0 ? 0 : (int) (800L * ready / total);
					if (permille > reported) {
						progress.worked(permille - reported);
						reported = permille;
					}
					if (waiting == 0) {
						if (ready == 0) {
							return Status.error("cannot reconstruct " + project + ": no image is Ready");
						}
						break;
					}
					if (progress.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					Thread.sleep(pollMillis);
				}
				progress.setWorkRemaining(200);
			}
			progress.subTask("launching " + taskType);
			// now: with what is Ready (the user chose so); when ready: the hub starts once what arrived is verified,
			// refused with the list when images meant to be sent did not arrive
			taskId = UploadServices.get().launchReconstruction(workspace, project, taskType, engine, whenReady, !whenReady,
					progress.split(200));
			return Status.info("reconstruction task " + taskId + " of " + project + " started");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Status.CANCEL_STATUS;
		} catch (IOException e) { // JournalException too
			return Status.error(e.getMessage(), e);
		}
	}
}
