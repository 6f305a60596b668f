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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.store.HubProject;
import io.tiepoint.hub.internal.store.Ids;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.spi.HubCloud;

/** The served clouds and the ownership checks every image call starts with. */
public final class Access {

	private final Clouds clouds;
	private final ProjectStore projects;
	private final ImageStore images;
	/** Project id to owner; owners never change, removed projects are dropped. */
	private final Map<String, String> owners = new ConcurrentHashMap<>();
	private static final int MAX_CACHED = 100_000;

	/**
	 * @param clouds   the served clouds
	 * @param projects project store
	 * @param images   image store
	 */
	public Access(Clouds clouds, ProjectStore projects, ImageStore images) {
		this.clouds = clouds;
		this.projects = projects;
		this.images = images;
	}

	/** @return the served clouds */
	public Clouds clouds() {
		return clouds;
	}

	/** @param id an image's cloud @return it, or a client error when not served */
	public HubCloud cloud(String id) {
		return clouds.get(id).orElseThrow(
				() -> new HubException("CLOUD_NOT_SUPPORTED", "cloud " + id + " is not configured on this hub"));
	}

	/** @param owner caller @param pid project id @return the caller's project, or NOT_FOUND */
	public HubProject project(String owner, String pid) {
		HubProject p = projects.findOwned(pid, owner);
		if (p == null) {
			throw HubException.notFound("project " + pid);
		}
		return p;
	}

	/**
	 * The caller's project id, from a cache of owners (one database read saved per image call).
	 *
	 * @param owner caller
	 * @param pid   project id
	 * @return the project id (24 lower-case hex digits), or NOT_FOUND
	 */
	public String projectId(String owner, String pid) {
		String id = Ids.parse(pid) == null ? null : pid.toLowerCase(java.util.Locale.ROOT);
		String known = id == null ? null : owners.get(id);
		if (known == null) {
			HubProject p = project(owner, pid);
			if (owners.size() > MAX_CACHED) {
				owners.clear();
			}
			owners.put(p.id(), p.owner());
			return p.id();
		}
		if (!known.equals(owner)) {
			throw HubException.notFound("project " + pid);
		}
		return id;
	}

	/** @param pid a removed project */
	public void forget(String pid) {
		owners.remove(pid);
	}

	/** @param owner caller @param iid image id @return the caller's image, or NOT_FOUND */
	public ImageRecord image(String owner, String iid) {
		ImageRecord i = images.find(iid);
		if (i == null || !owner.equals(i.owner())) {
			throw HubException.notFound("image " + iid);
		}
		return i;
	}
}
