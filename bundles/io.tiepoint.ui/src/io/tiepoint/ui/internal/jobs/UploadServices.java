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

import java.util.Map;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.project.Workspace;

/** Finds the workbench's {@link IngestService} (tests may set another), and the settings of a workspace. */
public final class UploadServices {

	private static IngestService service;

	private UploadServices() {
	}

	/** @return the service */
	public static synchronized IngestService get() {
		if (service == null) {
			service = new IngestEngineService();
		}
		return service;
	}

	/** @param s the service to use from now on (tests) */
	public static synchronized void set(IngestService s) {
		service = s;
	}

	/**
	 * @param workspace a workspace
	 * @return its effective settings: the user's file, the workspace's, the environment
	 * @throws ConfigException when a settings file cannot be read
	 */
	public static TiepointConfig config(Workspace workspace) throws ConfigException {
		Map<String, String> env = System.getenv();
		return TiepointConfig.load(Map.of(), TiepointConfig.userFile(env), workspace.root(), env, Map.of());
	}
}
