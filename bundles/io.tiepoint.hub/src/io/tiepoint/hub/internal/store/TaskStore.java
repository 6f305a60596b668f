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

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Task documents: {@code _id, pid, owner, taskType, engine, state, createdAt, startDate, endDate, step,
 * totalSteps, error}.
 */
public final class TaskStore {

	/** Task states ({@code TASK_STATE}). */
	public enum State {
		/** Created. */
		Pending,
		/** Waiting for an engine slot. */
		Queueing,
		/** Running. */
		Processing,
		/** Finished. */
		Done,
		/** The engine failed. */
		Failed,
		/** Stopped by the user. */
		Stopped
	}

	/** States of a task that is not finished. */
	public static final List<String> ACTIVE = List.of(State.Pending.name(), State.Queueing.name(),
			State.Processing.name());
	private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
			.returnDocument(ReturnDocument.AFTER);
	private final MongoCollection<Document> tasks;

	/** @param db the database */
	public TaskStore(Database db) {
		this.tasks = db.tasks();
	}

	/**
	 * @param id       the new task's id
	 * @param pid      project
	 * @param owner    user
	 * @param taskType TASK_TYPE
	 * @param engine   engine id
	 * @param state    initial state
	 * @param error    reasons (for a task created Failed)
	 * @return the new task
	 */
	public Document create(ObjectId id, ObjectId pid, String owner, String taskType, String engine, State state, List<String> error) {
		Document d = new Document("_id", id).append("pid", pid).append("owner", owner)
				.append("taskType", taskType).append("engine", engine).append("state", state.name())
				.append("createdAt", new Date()).append("startDate", null).append("endDate", null).append("step", 0)
				.append("totalSteps", 0).append("error", error);
		tasks.insertOne(d);
		return d;
	}

	/** @param id task @return it or null */
	public Document find(ObjectId id) {
		return tasks.find(new Document("_id", id)).first();
	}

	/** @param pid project @return its latest task or null */
	public Document latest(ObjectId pid) {
		return tasks.find(Filters.eq("pid", pid)).sort(Sorts.descending("_id")).limit(1).first();
	}

	/** @param pid project @return its tasks, oldest first */
	public List<Document> all(ObjectId pid) {
		return tasks.find(Filters.eq("pid", pid)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
	}

	/** @param task a task @return how many Queueing tasks were queued before it (0 unless Queueing) */
	public int queueing(Document task) {
		if (!State.Queueing.name().equals(task.getString("state"))) {
			return 0;
		}
		return (int) tasks.countDocuments(Filters.and(Filters.eq("state", State.Queueing.name()),
				Filters.lt("_id", task.getObjectId("_id"))));
	}

	/**
	 * @param id     task
	 * @param from   expected states
	 * @param update change
	 * @return the task after, or null when it was in another state
	 */
	public Document transition(ObjectId id, List<String> from, Bson update) {
		return tasks.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.in("state", from)), update, AFTER);
	}

	/** @param id task @param step done @param total all */
	public void progress(ObjectId id, int step, int total) {
		tasks.updateOne(new Document("_id", id), Updates.combine(Updates.set("step", step), Updates.set("totalSteps", total)));
	}

	/** @param state a state @return tasks in it, oldest first */
	public List<Document> inState(State state) {
		return tasks.find(Filters.eq("state", state.name())).sort(Sorts.ascending("_id")).into(new ArrayList<>());
	}
}
