/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * What a {@link ReconstructionEngine} gets for one task.
 */
public interface TaskContext {

	/** @return the project id */
	String projectId();

	/** @return the task id */
	String taskId();

	/** @return the requested task type (a {@code TASK_TYPE} name, e.g. {@code Reconstruction}) */
	String taskType();

	/** @return the project's Ready images, copied into {@link #workDir()} */
	List<TaskImage> images();

	/** @return a private, existing directory for the engine's output */
	Path workDir();

	/**
	 * Reports progress to clients ({@code Task.step}/{@code Task.totalSteps}).
	 *
	 * @param step       steps done
	 * @param totalSteps steps in all
	 */
	void progress(int step, int totalSteps);

	/** @return the monitor; it is canceled when {@code stopReconstruction} is called */
	IProgressMonitor monitor();
}
