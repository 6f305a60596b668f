/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.project;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tiepoint.exif.Footprint;

/**
 * The nadir footprints of a project's images, as the inspection estimated them, kept beside the
 * journal ({@code .tiepoint/footprints/PROJECT.tsv}: path, then longitude/latitude pairs, tab
 * separated) for the map, written by every inspection (the command line's and the workbench's). No secrets:
 * plain text is fine.
 */
public final class Footprints {

	private Footprints() {
	}

	private static Path file(Workspace ws, String project) {
		String safe = project.replaceAll("[^A-Za-z0-9._-]", "_");
		return ws.stateDir().resolve("footprints").resolve(safe + ".tsv");
	}

	/**
	 * @param ws      the workspace
	 * @param project the project
	 * @return footprints by image path ({lon, lat} rings), empty when none were stored
	 * @throws IOException when the file cannot be read
	 */
	public static Map<String, List<double[]>> read(Workspace ws, String project) throws IOException {
		Map<String, List<double[]>> out = new LinkedHashMap<>();
		Path f = file(ws, project);
		if (!Files.isRegularFile(f)) {
			return out;
		}
		try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
			String line;
			int n = 0;
			while ((line = r.readLine()) != null) {
				n++;
				String[] parts = line.split("\t");
				if (parts.length < 7 || parts.length % 2 == 0) {
					throw new IOException(f + " line " + n + ": expected a path and longitude/latitude pairs");
				}
				List<double[]> ring = new ArrayList<>();
				try {
					for (int i = 1; i + 1 < parts.length; i += 2) {
						ring.add(new double[] { Double.parseDouble(parts[i]), Double.parseDouble(parts[i + 1]) });
					}
				} catch (NumberFormatException e) {
					throw new IOException(f + " line " + n + ": " + e.getMessage(), e);
				}
				out.put(parts[0], ring);
			}
		}
		return out;
	}

	/**
	 * Stores footprints, replacing those of the same images.
	 *
	 * @param ws         the workspace
	 * @param project    the project
	 * @param footprints new footprints
	 * @throws IOException when the file cannot be written
	 */
	public static synchronized void merge(Workspace ws, String project, List<Footprint> footprints) throws IOException {
		if (footprints.isEmpty()) {
			return;
		}
		Map<String, List<double[]>> all = read(ws, project);
		for (Footprint fp : footprints) {
			all.put(Path.of(fp.path()).toAbsolutePath().normalize().toString(), fp.ring());
		}
		Path f = file(ws, project);
		Files.createDirectories(f.getParent());
		Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
		try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, List<double[]>> e : all.entrySet()) {
				w.write(e.getKey().replace('\t', ' ').replace('\n', ' '));
				for (double[] p : e.getValue()) {
					w.write(String.format(Locale.ROOT, "\t%.8f\t%.8f", p[0], p[1]));
				}
				w.newLine();
			}
		}
		Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
