/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.files;

import io.tiepoint.hub.internal.store.Ids;
import io.tiepoint.hub.internal.store.ProjectStore;

/**
 * Whether a user owns a project, for the files of projects (images, task artifacts, what was derived from
 * them), which their project's owner may read.
 *
 * @param projects the projects
 */
public record ProjectOwners(ProjectStore projects) {

	/** @param user a user @param pid a project, 24 hex digits (anything else is no project) @return whether it is theirs */
	public boolean owns(String user, String pid) {
		return pid != null && Ids.parse(pid) != null
				&& StoreFailures.call(() -> projects.findOwned(pid, user)) != null;
	}
}
