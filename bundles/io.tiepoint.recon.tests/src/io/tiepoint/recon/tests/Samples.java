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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.tiepoint.hub.TaskImage;
import io.tiepoint.recon.ColmapEngine;

/** The repository's sample survey ({@code samples/survey}, named by {@code tiepoint.samples}) and COLMAP. */
public final class Samples {

	/** System property naming the repository's {@code samples} directory (set by the pom). */
	public static final String PROPERTY = "tiepoint.samples";

	private Samples() {
	}

	/** @return {@code samples/survey}; skips the test when it is absent */
	public static Path survey() {
		String dir = System.getProperty(PROPERTY, "");
		Path survey = dir.isBlank() ? null : Path.of(dir, "survey");
		Assumptions.assumeTrue(survey != null && Files.isDirectory(survey.resolve("images")),
				"sample survey absent: -D" + PROPERTY + "=" + dir + " has no survey/images (run samples/generate.sh)");
		return survey;
	}

	/** Skips the test when colmap is not installed. */
	public static void assumeColmap() {
		Assumptions.assumeTrue(ColmapEngine.locate().isPresent(),
				"colmap not installed (apt-get install colmap, or -D" + ColmapEngine.COLMAP_PROPERTY + "=PATH)");
	}

	/** @return the survey's JPEG files, sorted */
	public static List<Path> images() {
		try (Stream<Path> s = Files.list(survey().resolve("images"))) {
			return s.filter(p -> p.getFileName().toString().toUpperCase().endsWith(".JPG")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Copies the survey into {@code workDir/images} the way the hub does (under other file names).
	 *
	 * @param workDir a task work directory
	 * @return the task images
	 */
	public static List<TaskImage> copyInto(Path workDir) {
		try {
			Path dir = Files.createDirectories(workDir.resolve("images"));
			List<TaskImage> out = new ArrayList<>();
			int i = 0;
			for (Path p : images()) {
				String filename = String.format("img%03d-%s", i, p.getFileName());
				Path target = dir.resolve(filename);
				Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
				out.add(new TaskImage("id" + i, p.getFileName().toString(), filename, target));
				i++;
			}
			return out;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @param workDir a directory @return live colmap processes whose command line mentions it */
	public static List<ProcessHandle> colmapProcesses(Path workDir) {
		String dir = workDir.toAbsolutePath().toString();
		return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(h -> {
			String cmd = h.info().commandLine().orElse(h.info().command().orElse(""));
			return cmd.contains("colmap") && cmd.contains(dir);
		}).toList();
	}
}
