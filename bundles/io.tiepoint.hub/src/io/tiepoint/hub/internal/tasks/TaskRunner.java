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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.TaskImage;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.images.CloudImages;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.HubTask;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.internal.store.TaskStore;
import io.tiepoint.hub.internal.store.TaskStore.State;
import io.tiepoint.hub.spi.HubCloud;

/**
 * Runs one task: copies the Ready images into the work directory, hands them to the engine with its
 * settings and the task's log, and records the end state. The project's lock ({@code runningTask}) is
 * released at the end.
 */
final class TaskRunner {

	private static final HubLog LOG = HubLog.of(TaskRunner.class);
	private final ProjectStore projects;
	private final ImageStore images;
	private final TaskStore tasks;
	private final Clouds clouds;
	private final Path workRoot;
	private final Function<String, Map<String, String>> settings;
	private final TaskLog log;
	private final Map<String, IProgressMonitor> monitors = new ConcurrentHashMap<>();

	TaskRunner(ProjectStore projects, ImageStore images, TaskStore tasks, Clouds clouds, Path workRoot,
			Function<String, Map<String, String>> settings) {
		this.projects = projects;
		this.images = images;
		this.tasks = tasks;
		this.clouds = clouds;
		this.workRoot = workRoot;
		this.settings = settings;
		this.log = new TaskLog(workRoot);
	}

	/** @return the tasks' logs */
	TaskLog log() {
		return log;
	}

	/** @param taskId a task @return true when it was running and is now asked to stop */
	boolean cancel(String taskId) {
		IProgressMonitor m = monitors.get(taskId);
		if (m != null) {
			m.setCanceled(true);
		}
		return m != null;
	}

	void run(HubTask queued, ReconstructionEngine engine) {
		String tid = queued.id();
		String pid = queued.pid();
		IProgressMonitor monitor = new NullProgressMonitor();
		monitors.put(tid, monitor);
		try {
			HubTask task = tasks.begin(tid);
			if (task == null) {
				return; // stopped while queued
			}
			projects.setTaskState(pid, State.Processing.name());
			Path work = Files.createDirectories(workRoot.resolve(tid));
			List<TaskImage> input = fetch(pid, work.resolve("images"), monitor);
			log.append(tid, "[hub] " + task.taskType() + " of " + input.size() + " Ready image(s) with engine "
					+ engine.id());
			engine.reconstruct(new Context(pid, tid, task.taskType(), input, work, monitor,
					settings.apply(engine.id())));
			end(tid, pid, monitor.isCanceled() ? State.Stopped : State.Done, List.of());
		} catch (OperationCanceledException e) {
			end(tid, pid, State.Stopped, List.of());
		} catch (CoreException e) {
			log.append(tid, "[hub] the engine failed: " + e.getStatus().getMessage());
			end(tid, pid, State.Failed, List.of(ProjectErrorCode.ENGINE_FAILED.name() + ": " + e.getStatus().getMessage()));
		} catch (IOException e) {
			LOG.error("task " + tid + ": cannot prepare the images", e);
			end(tid, pid, State.Failed, List.of("cannot prepare the images: " + e.getMessage()));
		} catch (RuntimeException e) {
			LOG.error("task " + tid + " failed", e);
			end(tid, pid, State.Failed, List.of(ProjectErrorCode.ENGINE_FAILED.name() + ": " + e));
		} finally {
			monitors.remove(tid);
			projects.unlock(pid, tid);
		}
	}

	/** Ends a task that is still active, mirroring the state into the project. */
	void end(String tid, String pid, State state, List<String> error) {
		if (tasks.end(tid, state, error) != null) {
			projects.setTaskState(pid, state.name());
		}
	}

	private List<TaskImage> fetch(String pid, Path dir, IProgressMonitor monitor) throws IOException {
		Files.createDirectories(dir);
		List<ImageRecord> ready = images.inProject(pid, HubImageState.Ready);
		SubMonitor sub = SubMonitor.convert(monitor, "Fetching images", ready.size());
		List<TaskImage> out = new ArrayList<>();
		for (ImageRecord d : ready) {
			sub.split(1);
			HubCloud cloud = clouds.get(d.cloud()).orElse(null);
			if (cloud == null) {
				throw new IOException("cloud " + d.cloud() + " is not configured");
			}
			Path target = dir.resolve(d.filename());
			try (InputStream in = cloud.open(CloudImages.of(d))) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			out.add(new TaskImage(d.id(), d.name(), d.filename(), target));
		}
		return List.copyOf(out);
	}

	private final class Context implements TaskContext {
		private final String pid;
		private final String tid;
		private final String type;
		private final List<TaskImage> input;
		private final Path work;
		private final IProgressMonitor monitor;
		private final Map<String, String> engineSettings;

		Context(String pid, String tid, String type, List<TaskImage> input, Path work, IProgressMonitor monitor,
				Map<String, String> engineSettings) {
			this.pid = pid;
			this.tid = tid;
			this.type = type;
			this.input = input;
			this.work = work;
			this.monitor = monitor;
			this.engineSettings = engineSettings;
		}

		@Override
		public String projectId() {
			return pid;
		}

		@Override
		public String taskId() {
			return tid;
		}

		@Override
		public String taskType() {
			return type;
		}

		@Override
		public List<TaskImage> images() {
			return input;
		}

		@Override
		public Path workDir() {
			return work;
		}

		@Override
		public void progress(int step, int totalSteps) {
			tasks.progress(tid, step, totalSteps);
		}

		@Override
		public IProgressMonitor monitor() {
			return monitor;
		}

		@Override
		public void result(String key, Object value) {
			tasks.result(tid, key, value);
		}

		@Override
		public void artifact(String name, Path file) throws IOException {
			tasks.artifact(tid, pid, name, file);
		}

		@Override
		public Map<String, String> settings() {
			return engineSettings;
		}

		@Override
		public void log(String line) {
			log.append(tid, line);
		}
	}
}
