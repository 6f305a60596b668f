/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * Runs one COLMAP command as a child process: its merged stdout/stderr goes line by line to a
 * consumer and to a log file, the last lines are kept for error messages, and a canceled monitor
 * kills the whole process tree (the process and every descendant, forcibly) before
 * {@link OperationCanceledException} is thrown.
 */
public final class ColmapProcess {

	/** Lines of output kept for error messages. */
	public static final int TAIL = 12;
	private static final long POLL_MILLIS = 100;

	/**
	 * What a finished command left.
	 *
	 * @param exitCode its exit status
	 * @param tail     its last lines of output (at most {@link #TAIL}), oldest first
	 * @param seconds  wall time
	 */
	public record Outcome(int exitCode, List<String> tail, double seconds) {

		/** @return the tail as one text, for messages */
		public String tailText() {
			return String.join("\n", tail);
		}
	}

	private ColmapProcess() {
	}

	/**
	 * Runs a command to its end, or until the monitor is canceled.
	 *
	 * @param command the executable and its arguments
	 * @param env     extra environment variables
	 * @param workDir the working directory
	 * @param log     the file receiving the output (replaced)
	 * @param lines   receives each line as it comes (in a reader thread)
	 * @param monitor polled every 100 ms for cancellation
	 * @return the outcome; a non-zero exit is the caller's to judge
	 * @throws IOException                when the process cannot be started or its log written
	 * @throws OperationCanceledException when the monitor was canceled; the process tree is gone by then
	 */
	public static Outcome run(List<String> command, Map<String, String> env, Path workDir, Path log,
			Consumer<String> lines, IProgressMonitor monitor) throws IOException {
		if (monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
		ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
		pb.environment().putAll(env);
		long t0 = System.nanoTime();
		Process process = pb.start();
		process.getOutputStream().close();
		Deque<String> tail = new ArrayDeque<>();
		IOException[] logFailure = new IOException[1];
		Thread reader = new Thread(() -> pump(process, log, tail, lines, logFailure),
				"tiepoint-colmap-" + process.pid());
		reader.setDaemon(true);
		reader.start();
		try {
			while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
				if (monitor.isCanceled()) {
					killTree(process.toHandle());
					reader.join(5000);
					throw new OperationCanceledException();
				}
			}
			reader.join(30_000);
		} catch (InterruptedException e) {
			killTree(process.toHandle());
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		}
		if (logFailure[0] != null) {
			throw new IOException("cannot write " + log + ": " + logFailure[0].getMessage(), logFailure[0]);
		}
		List<String> last;
		synchronized (tail) {
			last = new ArrayList<>(tail);
		}
		return new Outcome(process.exitValue(), last, (System.nanoTime() - t0) / 1e9);
	}

	private static void pump(Process process, Path log, Deque<String> tail, Consumer<String> lines,
			IOException[] logFailure) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				out.write(line);
				out.newLine();
				if (!line.isBlank()) {
					synchronized (tail) {
						if (tail.size() == TAIL) {
							tail.removeFirst();
						}
						tail.addLast(line.strip());
					}
				}
				try {
					lines.accept(line);
				} catch (RuntimeException e) {
					// a consumer failure must not stall the pipe; the line is in the log
				}
			}
		} catch (IOException e) {
			if (process.isAlive()) {
				logFailure[0] = e;
			}
		}
	}

	/**
	 * Kills a process and all its descendants forcibly and waits (up to 10 s) until they are gone.
	 *
	 * @param root the process
	 */
	public static void killTree(ProcessHandle root) {
		List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
		all.add(0, root);
		for (ProcessHandle h : all) {
			h.destroyForcibly();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		for (ProcessHandle h : all) {
			try {
				long left = deadline - System.nanoTime();
				if (left > 0) {
					h.onExit().get(left, TimeUnit.NANOSECONDS);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			} catch (Exception e) {
				// still alive after the deadline, or already reaped: nothing more to do
			}
		}
	}
}
