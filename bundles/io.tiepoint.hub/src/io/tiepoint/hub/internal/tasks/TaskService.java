/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.store.Ids;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.internal.store.TaskStore;
import io.tiepoint.hub.internal.store.TaskStore.State;

/**
 * Reconstruction tasks. One task per project at a time, guarded by the project's {@code runningTask}
 * (set with a precondition). Tasks run one after another on a single worker; a task started by
 * {@code preStartReconstruction} stays Pending until every image is Ready or Invalid.
 */
public final class TaskService implements AutoCloseable {

	/**
	 * What a start call answers.
	 *
	 * @param error   why it did not start, or null
	 * @param message human-readable detail of the error
	 * @param task    the task, or null
	 */
	public record Outcome(ProjectErrorCode error, String message, Document task) {
	}

	private static final HubLog LOG = HubLog.of(TaskService.class);
	private static final String DEFAULT_TYPE = "Reconstruction";
	private final ProjectStore projects;
	private final ImageStore images;
	private final TaskStore tasks;
	private final EngineRegistry engines;
	private final TaskRunner runner;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "tiepoint-hub-task");
		t.setDaemon(true);
		return t;
	});

	/**
	 * @param projects project store
	 * @param images   image store
	 * @param tasks    task store
	 * @param clouds   the served clouds
	 * @param engines  engine registry
	 * @param workRoot parent of the task work directories
	 */
	public TaskService(ProjectStore projects, ImageStore images, TaskStore tasks, Clouds clouds,
			EngineRegistry engines, Path workRoot) {
		this(projects, images, tasks, clouds, engines, workRoot, id -> Map.of());
	}

	/**
	 * @param projects project store
	 * @param images   image store
	 * @param tasks    task store
	 * @param clouds   the served clouds
	 * @param engines  engine registry
	 * @param workRoot parent of the task work directories (and of the tasks' logs)
	 * @param settings an engine's settings by its id
	 */
	public TaskService(ProjectStore projects, ImageStore images, TaskStore tasks, Clouds clouds,
			EngineRegistry engines, Path workRoot, java.util.function.Function<String, Map<String, String>> settings) {
		this.projects = projects;
		this.images = images;
		this.tasks = tasks;
		this.engines = engines;
		this.runner = new TaskRunner(projects, images, tasks, clouds, workRoot, settings);
		recover();
	}

	/**
	 * After a restart: a task that was Processing failed with the process; Queueing tasks are queued
	 * again; Pending ones keep waiting for their images.
	 */
	private void recover() {
		for (Document t : tasks.inState(State.Processing)) {
			LOG.warn("task " + t.getObjectId("_id") + " was interrupted by the last shutdown; marked Failed");
			runner.end(t.getObjectId("_id"), t.getObjectId("pid"), State.Failed, List.of("interrupted by a hub restart"));
			projects.updateIf(t.getObjectId("pid"), Filters.eq("runningTask", t.getObjectId("_id")), Updates.unset("runningTask"));
		}
		for (Document t : tasks.inState(State.Queueing)) {
			Optional<ReconstructionEngine> engine = engines.find(t.getString("engine"), t.getString("taskType"));
			if (engine.isPresent()) {
				submit(t, engine.get());
			} else {
				runner.end(t.getObjectId("_id"), t.getObjectId("pid"), State.Failed, List.of(ProjectErrorCode.NO_ENGINE.name()));
				projects.updateIf(t.getObjectId("pid"), Filters.eq("runningTask", t.getObjectId("_id")), Updates.unset("runningTask"));
			}
		}
	}

	/** @param owner caller @param pid project @param taskType TASK_TYPE or null @return the outcome */
	public Outcome start(String owner, String pid, String taskType) {
		return begin(owner, pid, taskType, null, false);
	}

	/**
	 * @param owner caller @param pid project @param taskType TASK_TYPE or null
	 * @param engine the engine the client chose, or null for the hub's choice
	 * @return the outcome
	 */
	public Outcome start(String owner, String pid, String taskType, String engine) {
		return begin(owner, pid, taskType, engine, false);
	}

	/**
	 * Starts once every image is Ready or Invalid (at once when they already are).
	 *
	 * @param owner caller @param pid project @param taskType TASK_TYPE or null @return the outcome
	 */
	public Outcome preStart(String owner, String pid, String taskType) {
		return begin(owner, pid, taskType, null, true);
	}

	/**
	 * Starts once every image is Ready or Invalid (at once when they already are).
	 *
	 * @param owner caller @param pid project @param taskType TASK_TYPE or null
	 * @param engine the engine the client chose, or null for the hub's choice
	 * @return the outcome
	 */
	public Outcome preStart(String owner, String pid, String taskType, String engine) {
		return begin(owner, pid, taskType, engine, true);
	}

	/** @return the engines clients can choose */
	public List<EngineRegistry.Info> engines() {
		return engines.list();
	}

	/**
	 * @param task a task
	 * @param from first line, from 0 (null: 0)
	 * @param max  at most this many lines (null: 1000; never more than 10000)
	 * @return lines of its log
	 */
	public List<String> log(Document task, Integer from, Integer max) {
		int n = max == null ? 1000 : Math.min(10_000, Math.max(0, max));
		return runner.log().read(task.getObjectId("_id"), from == null ? 0 : Math.max(0, from), n);
	}

	private Outcome begin(String owner, String pidText, String taskType, String engineId, boolean wait) {
		String type = taskType == null ? DEFAULT_TYPE : taskType;
		Document project = projects.findOwned(Ids.parse(pidText), owner);
		if (project == null) {
			return new Outcome(ProjectErrorCode.PROJECT_NOT_FOUND, "project " + pidText + " not found", null);
		}
		ObjectId pid = project.getObjectId("_id");
		if (project.get("runningTask") != null) {
			return new Outcome(ProjectErrorCode.ALREADY_RUNNING, "a task of this project is active", null);
		}
		Optional<ReconstructionEngine> engine = engines.find(engineId, type);
		if (engine.isEmpty()) {
			boolean known = engineId == null || engines.list().stream().anyMatch(i -> i.id().equals(engineId));
			return new Outcome(ProjectErrorCode.NO_ENGINE, engineId == null ? "no engine runs " + type
					: known ? "engine " + engineId + " does not run " + type
							: "no engine " + engineId + " on this hub (see support.engines)", null);
		}
		if (wait && images.count(pid, HubImageState.ALL) == 0) {
			return new Outcome(ProjectErrorCode.NO_IMAGES, "the project has no image", null);
		}
		if (!wait) {
			// images whose bytes arrived are about to settle: wait for them; Pending and Uploading ones (a client
			// may have abandoned them) do not hold the start up: the seed leaves that decision to the client
			long verifying = images.count(pid, List.of(HubImageState.Uploaded.name()));
			if (verifying > 0) {
				return new Outcome(ProjectErrorCode.IMAGES_NOT_READY, verifying + " image(s) being verified", null);
			}
			if (images.count(pid, List.of(HubImageState.Ready.name())) == 0) {
				return new Outcome(ProjectErrorCode.NO_IMAGES, "the project has no Ready image", null);
			}
		}
		ObjectId tid = new ObjectId();
		State initial = wait ? State.Pending : State.Queueing;
		if (projects.updateIf(pid, Filters.eq("runningTask", null), Updates.combine(Updates.set("runningTask", tid),
				Updates.set("taskState", initial.name()))) == null) {
			return new Outcome(ProjectErrorCode.ALREADY_RUNNING, "a task of this project is active", null);
		}
		Document task = tasks.create(tid, pid, owner, type, engine.get().id(), initial, List.of());
		if (wait) {
			settled(pid);
		} else {
			submit(task, engine.get());
		}
		return new Outcome(null, null, tasks.find(tid));
	}

	private void submit(Document task, ReconstructionEngine engine) {
		worker.execute(() -> runner.run(task, engine));
	}

	/** @param pid a project one of whose images became Ready or Invalid */
	public void settled(ObjectId pid) {
		Document project = projects.find(pid);
		ObjectId tid = project == null ? null : project.getObjectId("runningTask");
		Document task = tid == null ? null : tasks.find(tid);
		if (task == null || !State.Pending.name().equals(task.getString("state"))
				|| images.count(pid, HubImageState.OPEN) > 0) {
			return;
		}
		boolean none = images.count(pid, List.of(HubImageState.Ready.name())) == 0;
		Optional<ReconstructionEngine> engine = engines.find(task.getString("engine"), task.getString("taskType"));
		if (none || engine.isEmpty()) {
			runner.end(tid, pid, State.Failed, List.of((none ? ProjectErrorCode.NO_IMAGES : ProjectErrorCode.NO_ENGINE).name()));
			projects.updateIf(pid, Filters.eq("runningTask", tid), Updates.unset("runningTask"));
			return;
		}
		Document queued = tasks.transition(tid, List.of(State.Pending.name()), Updates.set("state", State.Queueing.name()));
		if (queued != null) {
			projects.update(pid, Updates.set("taskState", State.Queueing.name()));
			submit(queued, engine.get());
		}
	}

	/** Re-checks every pending task (sweeper). */
	public void sweep() {
		for (Document p : projects.collection().find(Filters.exists("runningTask", true))) {
			settled(p.getObjectId("_id"));
		}
	}

	/**
	 * @param owner caller
	 * @param pid   project
	 * @return the project's latest task after the stop request
	 */
	public Document stop(String owner, String pid) {
		Document project = projects.findOwned(Ids.parse(pid), owner);
		if (project == null) {
			throw HubException.notFound("project " + pid);
		}
		Document task = tasks.latest(project.getObjectId("_id"));
		if (task == null) {
			throw HubException.notFound("task of project " + pid);
		}
		ObjectId tid = task.getObjectId("_id");
		if (runner.cancel(tid)) {
			for (int i = 0; i < 50 && State.Processing.name().equals(tasks.find(tid).getString("state")); i++) {
				sleep();
			}
		} else {
			runner.end(tid, project.getObjectId("_id"), State.Stopped, List.of());
			projects.updateIf(project.getObjectId("_id"), Filters.eq("runningTask", tid), Updates.unset("runningTask"));
		}
		return tasks.find(tid);
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** @param task a task @return tasks queued before it */
	public int queueing(Document task) {
		return tasks.queueing(task);
	}

	/** @return the store */
	public TaskStore store() {
		return tasks;
	}

	@Override
	public void close() {
		worker.shutdownNow();
		try {
			if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
				LOG.warn("the task worker did not stop within 10 s");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
