/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.FileMeta;
import io.tiepoint.hub.internal.store.files.ProjectOwners;
import io.tiepoint.hub.internal.store.files.StoredFile;
import io.tiepoint.hub.internal.store.FileIds;

/**
 * Who may see a file of the resource service: the user who uploaded it ({@code metadata.user}), or, for
 * the files of a project (its images, its tasks' artifacts, and what Convert derived from them:
 * {@code metadata.pid}), the project's owner. Anybody else is told the file does not exist (404), the
 * same answer as for a FileID never issued, so FileIDs, guessable as they are, reveal nothing.
 */
final class FileAccess {

	private final ChunkStore store;
	private final ProjectOwners projects;

	/** @param store the files @param projects the projects' owners, for project files */
	FileAccess(ChunkStore store, ProjectOwners projects) {
		this.store = store;
		this.projects = projects;
	}

	/**
	 * @param user a caller
	 * @param fid  a well-formed FileID
	 * @return the file
	 * @throws ResourceException 404 when there is no such file or the caller may not see it
	 */
	StoredFile readable(String user, String fid) {
		StoredFile file = store.file(FileIds.idOf(fid));
		FileMeta meta = file == null ? null : file.metadata();
		if (meta == null || !FileIds.routeOf(fid).equals(meta.route()) || !mayRead(user, meta)) {
			throw new ResourceException(404, "no file " + fid + " on this hub");
		}
		return file;
	}

	private boolean mayRead(String user, FileMeta meta) {
		return user.equals(meta.user()) || projects.owns(user, meta.pid());
	}
}
