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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Task documents: {@code _id, pid, owner, taskType, engine, state, createdAt, startDate, endDate, step,
 * totalSteps, error, result}}, as {@link HubTask}s. {@code result} holds what the engine reported: its values by key
 * and {@code files}, a list of {@code {name, size, fileId}} whose bytes are GridFS files of the bucket
 * {@link Database#GRIDFS_BUCKET} (metadata {@code {kind: "taskArtifact", task, pid}}).
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
	public static final List<State> ACTIVE = List.of(State.Pending, State.Queueing, State.Processing);
	private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
			.returnDocument(ReturnDocument.AFTER);
	/** The {@code metadata.kind} of a task's output files in GridFS. */
	public static final String ARTIFACT_KIND = "taskArtifact";
	private final MongoCollection<Document> tasks;
	private final GridFSBucket gridFs;

	/** @param db the database */
	public TaskStore(Database db) {
		this.tasks = db.tasks();
		this.gridFs = db.gridFs();
	}

	/**
	 * @param id       the new task's id ({@link Ids#next()})
	 * @param pid      project
	 * @param owner    user
	 * @param taskType TASK_TYPE
	 * @param engine   engine id
	 * @param state    initial state
	 * @param error    reasons (for a task created Failed)
	 * @return the new task
	 */
	public HubTask create(String id, String pid, String owner, String taskType, String engine, State state, List<String> error) {
		Document d = new Document("_id", Ids.parse(id)).append("pid", Ids.parse(pid)).append("owner", owner)
				.append("taskType", taskType).append("engine", engine).append("state", state.name())
				.append("createdAt", new Date()).append("startDate", null).append("endDate", null).append("step", 0)
				.append("totalSteps", 0).append("error", error);
		tasks.insertOne(d);
		return record(d);
	}

	/** @param id task @return it or null */
	public HubTask find(String id) {
		ObjectId oid = Ids.parse(id);
		return oid == null ? null : record(tasks.find(new Document("_id", oid)).first());
	}

	/** @param pid project @return its latest task or null */
	public HubTask latest(String pid) {
		return record(tasks.find(Filters.eq("pid", Ids.stored(pid))).sort(Sorts.descending("_id")).limit(1).first());
	}

	/** @param pid project @return its tasks, oldest first */
	public List<HubTask> all(String pid) {
		return tasks.find(Filters.eq("pid", Ids.stored(pid))).sort(Sorts.ascending("_id")).map(TaskStore::record)
				.into(new ArrayList<>());
	}

	/** @param task a task @return how many Queueing tasks were queued before it (0 unless Queueing) */
	public int queueing(HubTask task) {
		if (task.state() != State.Queueing) {
			return 0;
		}
		return (int) tasks.countDocuments(Filters.and(Filters.eq("state", State.Queueing.name()),
				Filters.lt("_id", Ids.parse(task.id()))));
	}

	private HubTask transition(String id, List<State> from, Bson update) {
		return record(tasks.findOneAndUpdate(Filters.and(Filters.eq("_id", Ids.parse(id)),
				Filters.in("state", from.stream().map(State::name).toList())), update, AFTER));
	}

	/** @param id a Pending task @return it after, Queueing, or null when it was not Pending */
	public HubTask queue(String id) {
		return transition(id, List.of(State.Pending), Updates.set("state", State.Queueing.name()));
	}

	/** @param id a Queueing task @return it after, Processing since now, or null when it was not Queueing */
	public HubTask begin(String id) {
		return transition(id, List.of(State.Queueing),
				Updates.combine(Updates.set("state", State.Processing.name()), Updates.set("startDate", new Date())));
	}

	/**
	 * @param id    an active task
	 * @param state how it ended
	 * @param error why (for Failed)
	 * @return it after, ended now, or null when it was no longer active
	 */
	public HubTask end(String id, State state, List<String> error) {
		return transition(id, ACTIVE, Updates.combine(Updates.set("state", state.name()), Updates.set("endDate", new Date()),
				Updates.set("error", error)));
	}

	/** @param id task @param step done @param total all */
	public void progress(String id, int step, int total) {
		tasks.updateOne(new Document("_id", Ids.parse(id)), Updates.combine(Updates.set("step", step), Updates.set("totalSteps", total)));
	}

	/**
	 * Records one result value ({@code result.<key>}).
	 *
	 * @param id    task
	 * @param key   the name, without {@code .} and not starting with {@code $}
	 * @param value a BSON-storable value
	 */
	public void result(String id, String key, Object value) {
		if (key == null || key.isEmpty() || key.contains(".") || key.startsWith("$") || "files".equals(key)) {
			throw new IllegalArgumentException("invalid result key '" + key + "' (no '.', no leading '$', not 'files')");
		}
		tasks.updateOne(new Document("_id", Ids.parse(id)), Updates.set("result." + key, value));
	}

	/**
	 * Copies a file into GridFS and lists it in the task's {@code result.files}; a file already listed
	 * under the same name is replaced (its GridFS copy deleted).
	 *
	 * @param id   task
	 * @param pid  the task's project
	 * @param name the name clients see
	 * @param file the file
	 * @return the entry: its fileId is the resource service's FileID (the md5's first 8 hex digits and the GridFS
	 *         id), so {@code /Resource/GetDownloadUrl?FID=} serves the file
	 * @throws IOException when the file cannot be read or GridFS refuses; the message names the file
	 */
	public HubTask.File artifact(String id, String pid, String name, Path file) throws IOException {
		if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
			throw new IllegalArgumentException("invalid artifact name '" + name + "'");
		}
		ObjectId tid = Ids.parse(id);
		ObjectId gridId;
		String fileId;
		long size;
		try {
			String[] sums = digests(file);
			size = Files.size(file);
			GridFSUploadOptions options = new GridFSUploadOptions().chunkSizeBytes(255 * 1024).metadata(
					new Document("kind", ARTIFACT_KIND).append("task", tid).append("pid", Ids.parse(pid)).append("name", name)
							.append("md5", sums[0]).append("sha1", sums[1]).append("route", FileIds.route(sums[0])));
			try (InputStream in = Files.newInputStream(file)) {
				gridId = gridFs.uploadFromStream(name, in, options);
			}
			fileId = GridFileIds.of(sums[0], gridId);
		} catch (IOException e) {
			throw new IOException("cannot publish " + file + ": " + e.getMessage(), e);
		} catch (MongoException e) {
			throw new IOException("cannot store " + file + " in GridFS: " + e.getMessage(), e);
		}
		Document task = tid == null ? null : tasks.find(new Document("_id", tid)).first();
		Document result = task == null ? null : task.get("result", Document.class);
		for (Document old : result == null ? List.<Document>of() : result.getList("files", Document.class, List.of())) {
			if (name.equals(old.getString("name"))) {
				tasks.updateOne(new Document("_id", tid), Updates.pull("result.files", new Document("name", name)));
				try {
					Object oldId = old.get("fileId");
					gridFs.delete(oldId instanceof ObjectId o ? o : GridFileIds.idOf(String.valueOf(oldId)));
				} catch (MongoException e) {
					// the listing no longer points at it; an orphaned copy is harmless
				}
			}
		}
		Document entry = new Document("name", name).append("size", size).append("fileId", fileId);
		tasks.updateOne(new Document("_id", tid), Updates.push("result.files", entry));
		return new HubTask.File(name, size, fileId);
	}

	private static String[] digests(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
			java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
			byte[] buf = new byte[1 << 16];
			int n;
			while ((n = in.read(buf)) > 0) {
				md5.update(buf, 0, n);
				sha1.update(buf, 0, n);
			}
			return new String[] { java.util.HexFormat.of().formatHex(md5.digest()),
					java.util.HexFormat.of().formatHex(sha1.digest()) };
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @param state a state @return tasks in it, oldest first */
	public List<HubTask> inState(State state) {
		return tasks.find(Filters.eq("state", state.name())).sort(Sorts.ascending("_id")).map(TaskStore::record)
				.into(new ArrayList<>());
	}

	private static HubTask record(Document t) {
		if (t == null) {
			return null;
		}
		Document r = t.get("result", Document.class);
		HubTask.Result result = null;
		if (r != null) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (Map.Entry<String, Object> e : r.entrySet()) {
				if (!"files".equals(e.getKey())) {
					values.put(e.getKey(), e.getValue() instanceof Document d ? d.toJson() : e.getValue());
				}
			}
			List<HubTask.File> files = new ArrayList<>();
			for (Document f : r.getList("files", Document.class, List.of())) {
				// a resource service FileID; an ObjectId in tasks of earlier versions
				files.add(new HubTask.File(f.getString("name"), ((Number) f.get("size", 0L)).longValue(),
						String.valueOf(Ids.text(f.get("fileId")))));
			}
			result = new HubTask.Result(Collections.unmodifiableMap(values), List.copyOf(files));
		}
		String state = t.getString("state");
		return new HubTask(Ids.text(t.get("_id")), Ids.text(t.get("pid")), t.getString("owner"), t.getString("taskType"),
				t.getString("engine"), state == null ? null : State.valueOf(state), ImageDocs.instant(t.get("createdAt")),
				ImageDocs.instant(t.get("startDate")), ImageDocs.instant(t.get("endDate")),
				((Number) t.get("step", 0)).intValue(), ((Number) t.get("totalSteps", 0)).intValue(),
				t.getList("error", String.class, List.of()), result);
	}
}
