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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.tiepoint.hub.internal.HubLog;

/**
 * The tasks' logs ({@code Task.log}): one UTF-8 text file per task, {@code tasks/<taskId>.log} beside the task's
 * work directory, a line per entry (line breaks inside an entry become spaces). Lines are appended as the engine
 * writes them; readers get a window of lines by number. A log that cannot be written is reported once in the hub's
 * log and the task goes on.
 */
public final class TaskLog {

	private static final HubLog LOG = HubLog.of(TaskLog.class);
	/** Longest line kept; the rest of a longer one is cut. */
	private static final int MAX_LINE = 4000;
	private final Path dir;
	private volatile boolean failed;

	/** @param dir the directory of the task work directories */
	public TaskLog(Path dir) {
		this.dir = dir;
	}

	/** @param task a task @return its log file (which may not exist) */
	public Path file(String task) {
		return dir.resolve(task + ".log");
	}

	/**
	 * @param task the task
	 * @param line one line; null is ignored
	 */
	public synchronized void append(String task, String line) {
		if (line == null) {
			return;
		}
		String clean = line.replace('\r', ' ').replace('\n', ' ');
		if (clean.length() > MAX_LINE) {
			clean = clean.substring(0, MAX_LINE) + " ...";
		}
		try {
			Files.writeString(file(task), clean + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		} catch (IOException e) {
			if (!failed) {
				failed = true;
				LOG.error("cannot write the log of task " + task + " (further failures are not reported)", e);
			}
		}
	}

	/**
	 * @param task the task
	 * @param from the first line wanted, from 0
	 * @param max  at most this many lines
	 * @return those lines (empty for a task without a log)
	 */
	public List<String> read(String task, int from, int max) {
		List<String> out = new ArrayList<>();
		try (BufferedReader r = Files.newBufferedReader(file(task), StandardCharsets.UTF_8)) {
			String line;
			int n = 0;
			while (out.size() < max && (line = r.readLine()) != null) {
				if (n++ >= from) {
					out.add(line);
				}
			}
		} catch (NoSuchFileException e) {
			return List.of();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the log of task " + task, e);
		}
		return out;
	}
}
