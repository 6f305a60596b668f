/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * FFmpeg, run as a process (seed 003, 2.3: video and audio conversion): {@code ffmpeg} and {@code ffprobe}
 * from the setting {@code cloud.gridfs.ffmpeg} (the ffmpeg program, ffprobe next to it) or the
 * {@code PATH} (Debian package {@code ffmpeg}, which brings the x264 and LAME encoders). A run is
 * watched: it is killed when its job is cancelled (the hub stops) or when it runs past its time limit
 * (ffprobe {@value #PROBE_SECONDS} s; ffmpeg as its caller computes from the source's duration), and its
 * error output goes to a file whose last line explains a failure.
 */
final class MediaTools {

	/** A run that was cancelled (the hub stops): its job stays to be picked up again. */
	static final class Cancelled extends IOException {
		private static final long serialVersionUID = 1L;

		Cancelled() {
			super("cancelled");
		}
	}

	/** FFmpeg is not installed: a job that failed for this is tried again once it is. */
	static final class Missing extends IOException {
		private static final long serialVersionUID = 1L;

		Missing(String message) {
			super(message);
		}
	}

	static final long PROBE_SECONDS = 120;
	private static final ObjectMapper JSON = new ObjectMapper();
	private final Path ffmpeg;
	private final Path ffprobe;
	private final String missing;

	/** @param setting the configured ffmpeg program, or null to look in the PATH */
	MediaTools(String setting) {
		Path f = setting == null || setting.isBlank() ? onPath("ffmpeg") : Path.of(setting.trim());
		Path p = f == null ? onPath("ffprobe") : f.resolveSibling("ffprobe");
		boolean ok = f != null && Files.isExecutable(f) && p != null && Files.isExecutable(p);
		this.ffmpeg = ok ? f : null;
		this.ffprobe = ok ? p : null;
		this.missing = ok ? null
				: setting == null || setting.isBlank()
						? "ffmpeg and ffprobe are not installed on the hub (install the Debian package ffmpeg, or set"
								+ " cloud.gridfs.ffmpeg to the ffmpeg program)"
						: "the ffmpeg of cloud.gridfs.ffmpeg (" + setting.trim() + ") or the ffprobe next to it is not"
								+ " an executable file (install the Debian package ffmpeg)";
	}

	private static Path onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path p = dir.isEmpty() ? null : Path.of(dir, program);
			if (p != null && Files.isExecutable(p)) {
				return p;
			}
		}
		return null;
	}

	/** @return why FFmpeg cannot run here, or null when it can */
	String missing() {
		return missing;
	}

	/**
	 * @param what the conversion, for the message
	 * @throws ResourceException 503 naming what is missing, when FFmpeg cannot run here
	 */
	void require(String what) {
		if (missing != null) {
			throw new ResourceException(503, "this hub cannot convert " + what + ": " + missing);
		}
	}

	/**
	 * @param file   a local file
	 * @param work   a directory for the error output
	 * @param cancel whether to give up
	 * @return ffprobe's description of its streams and format
	 * @throws IOException when ffprobe fails or is cancelled
	 */
	JsonNode probe(Path file, Path work, BooleanSupplier cancel) throws IOException {
		if (missing != null) {
			throw new Missing(missing);
		}
		Path out = work.resolve("probe.json");
		run(List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
				file.toString()), out, work, cancel, PROBE_SECONDS);
		return JSON.readTree(out.toFile());
	}

	/**
	 * Runs ffmpeg with the given arguments (after {@code -nostdin -y -v error}).
	 *
	 * @param args   the arguments
	 * @param work   a directory for the error output
	 * @param cancel whether to give up
	 * @param limit  the most seconds it may take
	 * @throws IOException when ffmpeg fails (its last error line in the message), runs too long or is cancelled
	 */
	void ffmpeg(List<String> args, Path work, BooleanSupplier cancel, long limit) throws IOException {
		if (missing != null) {
			throw new Missing(missing);
		}
		List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-y", "-v", "error"));
		command.addAll(args);
		run(command, null, work, cancel, limit);
	}

	private static void run(List<String> command, Path stdout, Path work, BooleanSupplier cancel, long limit)
			throws IOException {
		Path err = work.resolve("stderr.txt");
		ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile())
				.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Process process = pb.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
		try {
			while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
				boolean late = System.nanoTime() > deadline;
				if (cancel.getAsBoolean() || late) {
					process.descendants().forEach(ProcessHandle::destroyForcibly);
					process.destroyForcibly();
					process.waitFor(5, TimeUnit.SECONDS);
					if (late) {
						throw new IOException(Path.of(command.get(0)).getFileName() + " ran longer than " + limit
								+ " s and was stopped");
					}
					throw new Cancelled();
				}
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new Cancelled();
		}
		if (process.exitValue() != 0) {
			String last = "";
			for (String line : Files.readAllLines(err)) {
				if (!line.isBlank()) {
					last = line.replace(work.toString() + File.separator, "").trim(); // no path of the hub's disk
				}
			}
			throw new IOException(Path.of(command.get(0)).getFileName() + " exited with " + process.exitValue()
					+ (last.isEmpty() ? "" : ": " + (last.length() > 300 ? last.substring(0, 300) + "..." : last)));
		}
	}
}
