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

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.HubProject;
import io.tiepoint.hub.internal.store.HubTask;
import io.tiepoint.hub.internal.store.Ids;
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
	public record Outcome(ProjectErrorCode error, String message, HubTask task) {
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
		for (HubTask t : tasks.inState(State.Processing)) {
			LOG.warn("task " + t.id() + " was interrupted by the last shutdown; marked Failed");
			runner.end(t.id(), t.pid(), State.Failed, List.of("interrupted by a hub restart"));
			projects.unlock(t.pid(), t.id());
		}
		for (HubTask t : tasks.inState(State.Queueing)) {
			Optional<ReconstructionEngine> engine = engines.find(t.engine(), t.taskType());
			if (engine.isPresent()) {
				submit(t, engine.get());
			} else {
				runner.end(t.id(), t.pid(), State.Failed, List.of(ProjectErrorCode.NO_ENGINE.name()));
				projects.unlock(t.pid(), t.id());
			}
		}
	}

	/** @param owner caller @param pid project @param taskType TASK_TYPE or null @return the outcome */
	public Outcome start(String owner, String pid, String taskType) {
		return begin(owner, pid, taskType, null, false);
	}

	/**
	 * @param owner  caller @param pid project @param taskType TASK_TYPE or null
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
	 * @param owner  caller @param pid project @param taskType TASK_TYPE or null
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
	public List<String> log(HubTask task, Integer from, Integer max) {
		int n = max == null ? 1000 : Math.min(10_000, Math.max(0, max));
		return runner.log().read(task.id(), from == null ? 0 : Math.max(0, from), n);
	}

	private Outcome begin(String owner, String pidText, String taskType, String engineId, boolean wait) {
		String type = taskType == null ? DEFAULT_TYPE : taskType;
		HubProject project = projects.findOwned(pidText, owner);
		if (project == null) {
			return new Outcome(ProjectErrorCode.PROJECT_NOT_FOUND, "project " + pidText + " not found", null);
		}
		String pid = project.id();
		if (project.runningTask() != null) {
			return new Outcome(ProjectErrorCode.ALREADY_RUNNING, "a task of this project is active", null);
		}
		Optional<ReconstructionEngine> engine = engines.find(engineId, type);
		if (engine.isEmpty()) {
			boolean known = engineId == null || engines.list().stream().anyMatch(i -> i.id().equals(engineId));
			return new Outcome(ProjectErrorCode.NO_ENGINE, engineId == null ? "no engine runs " + type
					: known ? "engine " + engineId + " does not run " + type
							: "no engine " + engineId + " on this hub (see support.engines)",
					null);
		}
		if (wait && images.count(pid, HubImageState.ALL) == 0) {
			return new Outcome(ProjectErrorCode.NO_IMAGES, "the project has no image", null);
		}
		if (!wait) {
			// images whose bytes arrived are about to settle: wait for them; Pending and Uploading ones (a client
			// may have abandoned them) do not hold the start up: the seed leaves that decision to the client
			long verifying = images.count(pid, List.of(HubImageState.Uploaded));
			if (verifying > 0) {
				return new Outcome(ProjectErrorCode.IMAGES_NOT_READY, verifying + " image(s) being verified", null);
			}
			if (images.count(pid, List.of(HubImageState.Ready)) == 0) {
				return new Outcome(ProjectErrorCode.NO_IMAGES, "the project has no Ready image", null);
			}
		}
		String tid = Ids.next();
		State initial = wait ? State.Pending : State.Queueing;
		if (!projects.lock(pid, tid, initial.name())) {
			return new Outcome(ProjectErrorCode.ALREADY_RUNNING, "a task of this project is active", null);
		}
		HubTask task = tasks.create(tid, pid, owner, type, engine.get().id(), initial, List.of());
		if (wait) {
			settled(pid);
		} else {
			submit(task, engine.get());
		}
		return new Outcome(null, null, tasks.find(tid));
	}

	private void submit(HubTask task, ReconstructionEngine engine) {
		worker.execute(() -> runner.run(task, engine));
	}

	/** @param pid a project one of whose images became Ready or Invalid */
	public void settled(String pid) {
		HubProject project = projects.find(pid);
		String tid = project == null ? null : project.runningTask();
		HubTask task = tid == null ? null : tasks.find(tid);
		if (task == null || task.state() != State.Pending || images.count(pid, HubImageState.OPEN) > 0) {
			return;
		}
		boolean none = images.count(pid, List.of(HubImageState.Ready)) == 0;
		Optional<ReconstructionEngine> engine = engines.find(task.engine(), task.taskType());
		if (none || engine.isEmpty()) {
			runner.end(tid, pid, State.Failed, List.of((none ? ProjectErrorCode.NO_IMAGES : ProjectErrorCode.NO_ENGINE).name()));
			projects.unlock(pid, tid);
			return;
		}
		HubTask queued = tasks.queue(tid);
		if (queued != null) {
			projects.setTaskState(pid, State.Queueing.name());
			submit(queued, engine.get());
		}
	}

	/** Re-checks every pending task (sweeper). */
	public void sweep() {
		for (String pid : projects.locked()) {
			settled(pid);
		}
	}

	/**
	 * @param owner caller
	 * @param pid   project
	 * @return the project's latest task after the stop request
	 */
	public HubTask stop(String owner, String pid) {
		HubProject project = projects.findOwned(pid, owner);
		if (project == null) {
			throw HubException.notFound("project " + pid);
		}
		HubTask task = tasks.latest(project.id());
		if (task == null) {
			throw HubException.notFound("task of project " + pid);
		}
		String tid = task.id();
		if (runner.cancel(tid)) {
			for (int i = 0; i < 50 && tasks.find(tid).state() == State.Processing; i++) {
				sleep();
			}
		} else {
			runner.end(tid, project.id(), State.Stopped, List.of());
			projects.unlock(project.id(), tid);
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
	public int queueing(HubTask task) {
		return tasks.queueing(task);
	}

	/** @param pid a project the caller may see @return its latest task, or null */
	public HubTask latest(String pid) {
		return tasks.latest(pid);
	}

	/** @param pid a project the caller may see @return its tasks, oldest first */
	public List<HubTask> all(String pid) {
		return tasks.all(pid);
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
