/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.recon.internal.ColmapPipeline;
import io.tiepoint.recon.internal.ColmapPipeline.Profile;

/**
 * The COLMAP 3.8 engine (CPU only, headless): a sparse reconstruction of the task's Ready images,
 * georegistered to their EXIF GPS, with a PLY point cloud and the model as downloadable files.
 * Contributed to {@code io.tiepoint.hub.reconstructionEngines} by this bundle's {@code plugin.xml}.
 * <p>
 * Task types: {@code Native} and {@code Sparse} run the fast profile (features at image resolution,
 * at most 2500 per image); {@code Full} and {@code Reconstruction} (the hub's default) run COLMAP's
 * default detail. The executable is {@code colmap} on {@code PATH}, or the system property
 * {@value #COLMAP_PROPERTY} (a path or a command name).
 */
public final class ColmapEngine implements ReconstructionEngine {

	/** The engine id. */
	public static final String ID = "colmap";
	/** System property naming the colmap executable. */
	public static final String COLMAP_PROPERTY = "tiepoint.colmap";
	private static final Set<String> TYPES = Set.of("Reconstruction", "Full", "Sparse", "Native");

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Set<String> taskTypes() {
		return TYPES;
	}

	/**
	 * @param taskType a TASK_TYPE name
	 * @return the profile it runs, or empty when this engine does not run it
	 */
	public static Optional<Profile> profile(String taskType) {
		if (taskType == null) {
			return Optional.of(Profile.FULL);
		}
		return switch (taskType) {
		case "Native", "Sparse" -> Optional.of(Profile.FAST);
		case "Full", "Reconstruction" -> Optional.of(Profile.FULL);
		default -> Optional.empty();
		};
	}

	/** @return the colmap executable: {@value #COLMAP_PROPERTY}, else {@code colmap} on {@code PATH} */
	public static Optional<Path> locate() {
		String configured = System.getProperty(COLMAP_PROPERTY, "").strip();
		String name = configured.isEmpty() ? "colmap" : configured;
		if (name.contains(File.separator)) {
			Path p = Path.of(name);
			return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
		}
		String path = System.getenv("PATH");
		for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
			if (!dir.isEmpty()) {
				Path p = Path.of(dir, name);
				if (Files.isRegularFile(p) && Files.isExecutable(p)) {
					return Optional.of(p);
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public void reconstruct(TaskContext context) throws CoreException {
		Profile profile = profile(context.taskType()).orElseThrow(() -> ColmapPipeline.error(
				"the COLMAP engine does not run task type " + context.taskType() + " (it runs " + TYPES + ")", null));
		String configured = System.getProperty(COLMAP_PROPERTY, "").strip();
		Path colmap = locate().orElseThrow(() -> ColmapPipeline.error(configured.isEmpty()
				? "COLMAP is not installed: no executable 'colmap' on PATH (" + System.getenv("PATH")
						+ "). Install it (Debian/Ubuntu: apt-get install colmap) or name it with -D" + COLMAP_PROPERTY + "=/path/to/colmap"
				: "COLMAP not found: -D" + COLMAP_PROPERTY + "=" + configured
						+ " is not an executable file (nor a command on PATH). Install it (apt-get install colmap) or fix the property",
				null));
		context.monitor().subTask("COLMAP " + profile.name().toLowerCase(Locale.ROOT));
		new ColmapPipeline(colmap, context, profile).run();
	}
}
