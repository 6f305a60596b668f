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

import java.io.IOException;
import java.util.List;

import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.HubProject;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.spi.HubCloud;

/** Removal of images and projects, with their stored bytes and the project counters. */
public final class Removal {

	private static final HubLog LOG = HubLog.of(Removal.class);
	private final Access access;
	private final ImageStore images;
	private final ProjectStore projects;

	/**
	 * @param access   clouds and ownership
	 * @param images   image store
	 * @param projects project store
	 */
	public Removal(Access access, ImageStore images, ProjectStore projects) {
		this.access = access;
		this.images = images;
		this.projects = projects;
	}

	/**
	 * @param owner caller
	 * @param pid   project
	 * @param ids   image ids
	 * @return how many were removed
	 */
	public int removeImages(String owner, String pid, List<String> ids) {
		String projectId = access.project(owner, pid).id();
		int n = 0;
		for (String id : ids) {
			ImageRecord gone = images.delete(id, projectId);
			if (gone != null) {
				n++;
				if (gone.state() == HubImageState.Ready) {
					projects.countImage(projectId, -1, gone.megapixels() / 1000.0, null);
				}
				dropBytes(gone);
			}
		}
		return n;
	}

	/**
	 * @param owner caller
	 * @param pid   project
	 * @return true when removed
	 */
	public boolean removeProject(String owner, String pid) {
		HubProject project = access.project(owner, pid);
		if (project.runningTask() != null) {
			throw new HubException("ALREADY_RUNNING", "stop the project's task first");
		}
		String projectId = project.id();
		for (ImageRecord image : images.inProject(projectId, null)) {
			dropBytes(image);
		}
		images.deleteProject(projectId);
		projects.delete(projectId);
		access.forget(projectId);
		return true;
	}

	private void dropBytes(ImageRecord image) {
		HubCloud cloud = access.clouds().get(image.cloud()).orElse(null);
		if (cloud == null) {
			return;
		}
		try {
			cloud.delete(CloudImages.of(image));
		} catch (IOException e) {
			LOG.warn("could not delete the object of removed image " + image.id(), e);
		}
	}
}
