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

import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;

/**
 * A reconstruction engine, contributed through the extension point
 * {@code io.tiepoint.hub.reconstructionEngines} or registered with {@link Hub#registerEngine}.
 * Implementations must have a public no-argument constructor when contributed by extension.
 */
public interface ReconstructionEngine {

	/** The extension point engines are contributed to. */
	String EXTENSION_POINT = "io.tiepoint.hub.reconstructionEngines";

	/** @return a stable id, e.g. {@code colmap} */
	String id();

	/** @return the {@code TASK_TYPE} names this engine runs, e.g. {@code Reconstruction} */
	Set<String> taskTypes();

	/**
	 * Runs one task to completion in the calling thread. Check {@code context.monitor().isCanceled()}
	 * often and throw {@link org.eclipse.core.runtime.OperationCanceledException} when it is.
	 *
	 * @param context the task's images, work directory and progress sinks
	 * @throws CoreException when the reconstruction fails; its status message reaches the client
	 */
	void reconstruct(TaskContext context) throws CoreException;

	/**
	 * Checks the engine's settings (the hub's {@code engine.<id>.*} entries, without the prefix) when a hub that
	 * runs it by default starts, so that a configuration error stops the start instead of failing the first
	 * task. The same settings reach each task through {@link TaskContext#settings()}. The default accepts any.
	 *
	 * @param settings the engine's settings
	 * @throws CoreException when they are incomplete or invalid; the message says which and never holds a secret
	 */
	default void check(Map<String, String> settings) throws CoreException {
	}
}
