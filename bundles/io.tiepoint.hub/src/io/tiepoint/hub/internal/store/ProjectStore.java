/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Project documents: {@code _id, owner, name, projectType, isImported, importedState, modelType,
 * visibility, numImage, gigaPixel, taskState, date, cloudPath, runningTask}, as {@link HubProject}s.
 */
public final class ProjectStore {

	private final MongoCollection<Document> projects;

	/** @param db the database */
	public ProjectStore(Database db) {
		this.projects = db.projects();
	}

	/**
	 * @param owner      user name
	 * @param name       project name
	 * @param type       PROJECT_TYPE
	 * @param imported   whether it holds an imported model
	 * @param modelType  IMPORTED_MODEL_TYPE or null
	 * @param visibility PROJECT_VISIBILITY
	 * @return the new project
	 */
	public HubProject create(String owner, String name, String type, boolean imported, String modelType,
			String visibility) {
		Document d = new Document("_id", new ObjectId()).append("owner", owner).append("name", name)
				.append("projectType", type).append("isImported", imported).append("importedState", null)
				.append("modelType", modelType).append("visibility", visibility).append("numImage", 0)
				.append("gigaPixel", 0.0).append("taskState", null).append("date", new Date())
				.append("cloudPath", new ArrayList<Document>());
		projects.insertOne(d);
		return record(d);
	}

	/** @param id project @return it or null */
	public HubProject find(String id) {
		ObjectId oid = Ids.parse(id);
		return oid == null ? null : record(projects.find(new Document("_id", oid)).first());
	}

	/**
	 * @param id    project
	 * @param owner the caller
	 * @return the project when it exists and belongs to the caller, else null
	 */
	public HubProject findOwned(String id, String owner) {
		HubProject p = find(id);
		return p != null && owner.equals(p.owner()) ? p : null;
	}

	/**
	 * @param owner  user
	 * @param search substring of the name (any case), or null for all
	 * @param r      the page asked for
	 * @return the page of the user's projects, oldest first
	 */
	public Pages.Page<HubProject> page(String owner, String search, Pages.Request r) {
		Bson filter = search == null || search.isBlank() ? Filters.eq("owner", owner)
				: Filters.and(Filters.eq("owner", owner),
						Filters.regex("name", Pattern.compile(Pattern.quote(search), Pattern.CASE_INSENSITIVE)));
		return Pages.page(projects, filter, r, ProjectStore::record);
	}

	/**
	 * Counts a verified image in.
	 *
	 * @param pid       project
	 * @param sign      +1 when an image became Ready, -1 when a Ready one was removed
	 * @param gigaPixel its size in gigapixels
	 * @param cloudPath where it is stored, or null
	 */
	public void countImage(String pid, int sign, double gigaPixel, HubProject.CloudPath cloudPath) {
		List<Bson> u = new ArrayList<>(List.of(Updates.inc("numImage", sign), Updates.inc("gigaPixel", sign * gigaPixel)));
		if (cloudPath != null) {
			u.add(Updates.addToSet("cloudPath", new Document("cloud", cloudPath.cloud()).append("bucket", cloudPath.bucket())
					.append("key", cloudPath.key())));
		}
		projects.updateOne(new Document("_id", Ids.parse(pid)), Updates.combine(u));
	}

	/** @param pid project @param taskState the state of its latest task */
	public void setTaskState(String pid, String taskState) {
		projects.updateOne(new Document("_id", Ids.parse(pid)), Updates.set("taskState", taskState));
	}

	/**
	 * Gives a project to a task, when no task holds it.
	 *
	 * @param pid       project
	 * @param tid       the task
	 * @param taskState the task's state
	 * @return true when the task holds the project now, false when another one does
	 */
	public boolean lock(String pid, String tid, String taskState) {
		return projects.updateOne(Filters.and(Filters.eq("_id", Ids.parse(pid)), Filters.eq("runningTask", null)),
				Updates.combine(Updates.set("runningTask", Ids.parse(tid)), Updates.set("taskState", taskState)))
				.getMatchedCount() > 0;
	}

	/** @param pid project @param tid the task that no longer holds it (nothing when another one does) */
	public void unlock(String pid, String tid) {
		projects.updateOne(Filters.and(Filters.eq("_id", Ids.parse(pid)), Filters.eq("runningTask", Ids.parse(tid))),
				Updates.unset("runningTask"));
	}

	/** @return the ids of the projects a task holds */
	public List<String> locked() {
		List<String> out = new ArrayList<>();
		for (Document d : projects.find(Filters.exists("runningTask", true)).projection(new Document("_id", 1))) {
			out.add(Ids.text(d.get("_id")));
		}
		return out;
	}

	/** @param pid project to delete */
	public void delete(String pid) {
		projects.deleteOne(new Document("_id", Ids.parse(pid)));
	}

	private static HubProject record(Document p) {
		if (p == null) {
			return null;
		}
		List<HubProject.CloudPath> paths = new ArrayList<>();
		for (Document c : p.getList("cloudPath", Document.class, List.of())) {
			paths.add(new HubProject.CloudPath(c.getString("cloud"), c.getString("bucket"), c.getString("key")));
		}
		return new HubProject(Ids.text(p.get("_id")), p.getString("owner"), p.getString("name"), p.getString("projectType"),
				p.getBoolean("isImported", false), p.getString("importedState"), p.getString("modelType"),
				p.getString("visibility"), ((Number) p.get("numImage", 0)).intValue(),
				((Number) p.get("gigaPixel", 0.0)).doubleValue(), p.getString("taskState"), ImageDocs.instant(p.get("date")),
				List.copyOf(paths), Ids.text(p.get("runningTask")));
	}
}
