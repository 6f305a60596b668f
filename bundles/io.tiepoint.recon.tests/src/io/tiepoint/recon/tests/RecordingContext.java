/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.TaskImage;

/** A task context that records progress, results and files; it can cancel itself on a progress report. */
final class RecordingContext implements TaskContext {

	final Path work;
	final String type;
	final List<TaskImage> images;
	final IProgressMonitor monitor = new NullProgressMonitor();
	final List<int[]> progress = new CopyOnWriteArrayList<>();
	final Map<String, Object> results = new ConcurrentHashMap<>();
	final Map<String, Path> files = new ConcurrentHashMap<>();
	volatile BiPredicate<Integer, Integer> cancelWhen = (s, t) -> false;

	RecordingContext(Path work, String type, List<TaskImage> images) {
		this.work = work;
		this.type = type;
		this.images = images;
	}

	@Override
	public String projectId() {
		return "p";
	}

	@Override
	public String taskId() {
		return "t";
	}

	@Override
	public String taskType() {
		return type;
	}

	@Override
	public List<TaskImage> images() {
		return images;
	}

	@Override
	public Path workDir() {
		return work;
	}

	@Override
	public void progress(int step, int totalSteps) {
		progress.add(new int[] { step, totalSteps });
		if (cancelWhen.test(step, totalSteps)) {
			monitor.setCanceled(true);
		}
	}

	@Override
	public IProgressMonitor monitor() {
		return monitor;
	}

	@Override
	public void result(String key, Object value) {
		results.put(key, value);
	}

	@Override
	public void artifact(String name, Path file) throws IOException {
		Path copy = work.resolve("published-" + name);
		Files.copy(file, copy);
		files.put(name, copy);
	}

	double number(String key) {
		Object v = results.get(key);
		if (!(v instanceof Number n)) {
			throw new AssertionError("no number " + key + " in " + results);
		}
		return n.doubleValue();
	}
}
