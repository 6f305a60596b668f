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
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Project documents: {@code _id, owner, name, projectType, isImported, importedState, modelType,
 * visibility, numImage, gigaPixel, taskState, date, cloudPath, preStart, runningTask}.
 */
public final class ProjectStore {

	private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
			.returnDocument(ReturnDocument.AFTER);
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
	public Document create(String owner, String name, String type, boolean imported, String modelType,
			String visibility) {
		Document d = new Document("_id", new ObjectId()).append("owner", owner).append("name", name)
				.append("projectType", type).append("isImported", imported).append("importedState", null)
				.append("modelType", modelType).append("visibility", visibility).append("numImage", 0)
				.append("gigaPixel", 0.0).append("taskState", null).append("date", new Date())
				.append("cloudPath", new ArrayList<Document>());
		projects.insertOne(d);
		return d;
	}

	/** @param id project @return it or null */
	public Document find(ObjectId id) {
		return id == null ? null : projects.find(new Document("_id", id)).first();
	}

	/**
	 * @param id    project
	 * @param owner the caller
	 * @return the project when it exists and belongs to the caller, else null
	 */
	public Document findOwned(ObjectId id, String owner) {
		Document d = find(id);
		return d != null && owner.equals(d.getString("owner")) ? d : null;
	}

	/** @param owner user @param search substring of the name or null @return the filter of their projects */
	public static Bson ownedBy(String owner, String search) {
		if (search == null || search.isBlank()) {
			return Filters.eq("owner", owner);
		}
		return Filters.and(Filters.eq("owner", owner),
				Filters.regex("name", Pattern.compile(Pattern.quote(search), Pattern.CASE_INSENSITIVE)));
	}

	/** @return the collection (paging) */
	public MongoCollection<Document> collection() {
		return projects;
	}

	/**
	 * Counts a verified image in.
	 *
	 * @param pid       project
	 * @param sign      +1 when an image became Ready, -1 when a Ready one was removed
	 * @param gigaPixel its size in gigapixels
	 * @param cloudPath where it is stored ({@code cloud, bucket, key}) or null
	 */
	public void countImage(ObjectId pid, int sign, double gigaPixel, Document cloudPath) {
		List<Bson> u = new ArrayList<>(List.of(Updates.inc("numImage", sign), Updates.inc("gigaPixel", sign * gigaPixel)));
		if (cloudPath != null) {
			u.add(Updates.addToSet("cloudPath", cloudPath));
		}
		projects.updateOne(new Document("_id", pid), Updates.combine(u));
	}

	/** @param pid project @param update a change @return the project after it */
	public Document update(ObjectId pid, Bson update) {
		return projects.findOneAndUpdate(new Document("_id", pid), update, AFTER);
	}

	/**
	 * @param pid    project
	 * @param filter extra precondition
	 * @param update a change
	 * @return the project after, or null when the precondition failed
	 */
	public Document updateIf(ObjectId pid, Bson filter, Bson update) {
		return projects.findOneAndUpdate(Filters.and(Filters.eq("_id", pid), filter), update, AFTER);
	}

	/** @return projects waiting for {@code preStartReconstruction} */
	public List<Document> waitingForPreStart() {
		return projects.find(Filters.exists("preStart", true)).into(new ArrayList<>());
	}

	/** @param pid project to delete */
	public void delete(ObjectId pid) {
		projects.deleteOne(new Document("_id", pid));
	}
}
