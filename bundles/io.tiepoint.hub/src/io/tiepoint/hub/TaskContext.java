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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

	/**
	 * Records one result value of the task ({@code Task.result} for clients). Well-known keys, shown as
	 * typed fields: {@code registeredImages}, {@code images}, {@code points} (integers),
	 * {@code meanReprojectionError} (pixels), {@code alignmentError} and {@code georegistrationError}
	 * (metres); any other key is listed under {@code Task.result.values}. A later call with the same key
	 * replaces the value. The default implementation ignores the value.
	 *
	 * @param key   a name without {@code .} and not starting with {@code $}
	 * @param value a String, Number, Boolean, or a List/Map of those
	 */
	default void result(String key, Object value) {
	}

	/**
	 * Publishes a file of the task's output (a point cloud, a model archive...) for download: the hub
	 * copies it into its own storage at once, so the engine may delete or change it afterwards. Clients
	 * see it in {@code Task.result.files}. The default implementation ignores the file.
	 *
	 * @param name the file name clients see, e.g. {@code points.ply}
	 * @param file the file to publish
	 * @throws IOException when the file cannot be read or stored; the message names the file
	 */
	default void artifact(String name, Path file) throws IOException {
	}

	/**
	 * @return the engine's settings from the hub's configuration ({@code engine.<id>.<key>} entries, by key
	 *         without the prefix; e.g. {@code url}); secrets among them must never be logged. The default is empty.
	 */
	default Map<String, String> settings() {
		return Map.of();
	}

	/**
	 * Appends one line to the task's log, which clients read as {@code Task.log} (what the engine did: retries,
	 * resubmissions, a remote engine's console output). Never write a secret. The default implementation ignores
	 * the line.
	 *
	 * @param line one line of text, without a line break
	 */
	default void log(String line) {
	}
}
