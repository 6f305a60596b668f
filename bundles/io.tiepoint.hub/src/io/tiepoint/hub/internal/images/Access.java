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

import org.bson.Document;
import org.bson.types.ObjectId;

import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.store.Ids;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.spi.HubCloud;

/** The served clouds and the ownership checks every image call starts with. */
public final class Access {

	private final Clouds clouds;
	private final ProjectStore projects;
	private final ImageStore images;
	/** Project id to owner; owners never change, removed projects are dropped. */
	private final Map<ObjectId, String> owners = new ConcurrentHashMap<>();
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
	public Document project(String owner, String pid) {
		Document p = projects.findOwned(Ids.parse(pid), owner);
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
	 * @return the project id, or NOT_FOUND
	 */
	public ObjectId projectId(String owner, String pid) {
		ObjectId id = Ids.parse(pid);
		String known = id == null ? null : owners.get(id);
		if (known == null) {
			Document p = project(owner, pid);
			if (owners.size() > MAX_CACHED) {
				owners.clear();
			}
			owners.put(id, p.getString("owner"));
			return id;
		}
		if (!known.equals(owner)) {
			throw HubException.notFound("project " + pid);
		}
		return id;
	}

	/** @param pid a removed project */
	public void forget(ObjectId pid) {
		owners.remove(pid);
	}

	/** @param owner caller @param iid image id @return the caller's image, or NOT_FOUND */
	public Document image(String owner, String iid) {
		Document i = images.find(Ids.parse(iid));
		if (i == null || !owner.equals(i.getString("owner"))) {
			throw HubException.notFound("image " + iid);
		}
		return i;
	}

	/** @param image an image @return its project id */
	public static ObjectId pid(Document image) {
		return image.getObjectId("pid");
	}
}
