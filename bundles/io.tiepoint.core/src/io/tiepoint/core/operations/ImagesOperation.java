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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.core.ingest.Retries;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.project.Workspace;

/**
 * Changes a selection of a project's images in the journal: leaves them out of uploads or takes them back
 * ({@link #exclude}), or puts failed and refused ones back in line to be sent ({@link #retry}, the rule of
 * {@code tiepoint ingest --retry}).
 */
public final class ImagesOperation implements TiepointOperation {

	private enum Kind {
		EXCLUDE, INCLUDE, RETRY
	}

	private final Workspace workspace;
	private final String project;
	private final List<Long> ids;
	private final Kind kind;
	private int changed;

	private ImagesOperation(Workspace workspace, String project, Collection<Long> ids, Kind kind) {
		this.workspace = workspace;
		this.project = project;
		this.ids = ids == null ? null : List.copyOf(ids);
		this.kind = kind;
	}

	/**
	 * @param workspace the workspace
	 * @param project   the project
	 * @param ids       the images
	 * @param excluded  true to leave them out of uploads, false to take them back
	 * @return the operation
	 */
	public static ImagesOperation exclude(Workspace workspace, String project, Collection<Long> ids, boolean excluded) {
		return new ImagesOperation(workspace, project, ids, excluded ? Kind.EXCLUDE : Kind.INCLUDE);
	}

	/**
	 * @param workspace the workspace
	 * @param project   the project
	 * @param ids       the images, or null for every failed or refused image of the project
	 * @return the operation
	 */
	public static ImagesOperation retry(Workspace workspace, String project, Collection<Long> ids) {
		return new ImagesOperation(workspace, project, ids, Kind.RETRY);
	}

	@Override
	public void execute(IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, 1);
		if (kind == Kind.RETRY) {
			changed = Retries.reset(workspace.journal(), project, ids);
		} else {
			Map<Long, Update> updates = new LinkedHashMap<>();
			ids.forEach(id -> updates.put(id, Update.fields().excluded(kind == Kind.EXCLUDE)));
			workspace.journal().updateBatch(updates);
			changed = updates.size();
		}
		progress.split(1);
	}

	/** @return how many images changed, once executed */
	public int changed() {
		return changed;
	}
}
