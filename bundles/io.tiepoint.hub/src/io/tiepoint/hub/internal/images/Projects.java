/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.images;

import io.tiepoint.hub.internal.store.HubProject;
import io.tiepoint.hub.internal.store.Pages;
import io.tiepoint.hub.internal.store.ProjectStore;

/** The projects a caller creates and reads. */
public final class Projects {

	private final ProjectStore store;

	/** @param store project store */
	public Projects(ProjectStore store) {
		this.store = store;
	}

	/**
	 * @param owner      caller
	 * @param name       project name
	 * @param type       PROJECT_TYPE
	 * @param imported   whether it holds an imported model
	 * @param modelType  IMPORTED_MODEL_TYPE or null
	 * @param visibility PROJECT_VISIBILITY
	 * @return the new project
	 */
	public HubProject create(String owner, String name, String type, boolean imported, String modelType,
			String visibility) {
		return store.create(owner, name, type, imported, modelType, visibility);
	}

	/** @param owner caller @param pid project id @return the caller's project, or null */
	public HubProject find(String owner, String pid) {
		return store.findOwned(pid, owner);
	}

	/**
	 * @param owner  caller
	 * @param search substring of the name (any case), or null for all
	 * @param r      the page asked for
	 * @return the page of the caller's projects, oldest first
	 */
	public Pages.Page<HubProject> page(String owner, String search, Pages.Request r) {
		return store.page(owner, search, r);
	}
}
