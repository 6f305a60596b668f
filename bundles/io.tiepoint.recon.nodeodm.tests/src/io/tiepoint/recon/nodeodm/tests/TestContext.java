/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Assumptions;

import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.TaskImage;

/**
 * A hub task as the engine sees it, recording what it reports: progress, results, published files, log lines. It can
 * stop itself (cancel its monitor) once the progress passes a mark, as {@code stopReconstruction} does.
 */
final class TestContext implements TaskContext {

	/** System property naming the repository's {@code samples} directory (set by the pom). */
	static final String SAMPLES = "tiepoint.samples";
	final Path work;
	final String type;
	final List<TaskImage> images;
	final Map<String, String> settings;
	final IProgressMonitor monitor = new NullProgressMonitor();
	final List<Integer> progress = new CopyOnWriteArrayList<>();
	final Map<String, Object> results = new ConcurrentHashMap<>();
	final Map<String, Path> files = new ConcurrentHashMap<>();
	final List<String> log = new CopyOnWriteArrayList<>();
	volatile IntPredicate stopWhen = p -> false;

	TestContext(Path work, String type, Map<String, String> settings) {
		this.work = work;
		this.type = type;
		this.settings = settings;
		this.images = survey(work);
	}

	/** @return the repository's sample survey, copied into {@code work/images} under hub-style names */
	static List<TaskImage> survey(Path work) {
		try {
			Path into = Files.createDirectories(work.resolve("images"));
			List<TaskImage> out = new ArrayList<>();
			int i = 0;
			for (Path p : surveyFiles()) {
				String filename = String.format("%03d-%s", i, p.getFileName());
				Files.copy(p, into.resolve(filename), StandardCopyOption.REPLACE_EXISTING);
				out.add(new TaskImage("id" + i++, p.getFileName().toString(), filename, into.resolve(filename)));
			}
			return List.copyOf(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @return the survey's JPEG files */
	static List<Path> surveyFiles() {
		String dir = System.getProperty(SAMPLES, "");
		Path survey = Path.of(dir, "survey", "images");
		Assumptions.assumeTrue(!dir.isBlank() && Files.isDirectory(survey), "sample survey absent: -D" + SAMPLES + "=" + dir);
		try (Stream<Path> s = Files.list(survey)) {
			return s.filter(f -> f.getFileName().toString().endsWith(".JPG")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public String projectId() {
		return "p1";
	}

	@Override
	public String taskId() {
		return "t1";
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
		progress.add(step);
		if (stopWhen.test(step)) {
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
		Path copy = work.resolve("published").resolve(name);
		Files.createDirectories(copy.getParent());
		Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
		files.put(name, copy);
	}

	@Override
	public Map<String, String> settings() {
		return settings;
	}

	@Override
	public void log(String line) {
		log.add(line);
	}

	/** @param part text @return the log lines holding it */
	List<String> logged(String part) {
		return log.stream().filter(l -> l.contains(part)).toList();
	}
}
