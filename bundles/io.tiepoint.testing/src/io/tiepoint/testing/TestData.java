/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Locates the shared test data ({@code ../shared/data} beside the project root).
 * <p>
 * The build passes the location as the system property {@code tiepoint.shared.data}; when it is
 * absent the lookup walks up from the working directory. Tests call {@link #sharedData()} and skip
 * (JUnit {@code Assumptions}) when it is empty, so a checkout without the shared folder still builds.
 */
public final class TestData {

	/** System property naming the shared data directory. */
	public static final String PROPERTY = "tiepoint.shared.data";

	private TestData() {
	}

	/** @return the shared data directory, if it exists on this machine */
	public static Optional<Path> sharedData() {
		String prop = System.getProperty(PROPERTY);
		if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop))) {
			return Optional.of(Paths.get(prop).toAbsolutePath().normalize());
		}
		for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
			Path candidate = p.resolve("shared").resolve("data");
			if (Files.isDirectory(candidate.resolve("synthetic-survey"))) {
				return Optional.of(candidate.normalize());
			}
		}
		return Optional.empty();
	}

	/** @return {@code shared/data/synthetic-survey}, if present */
	public static Optional<Path> syntheticSurvey() {
		return sharedData().map(d -> d.resolve("synthetic-survey")).filter(Files::isDirectory);
	}

	/** @return {@code shared/data/real-cameras}, if present */
	public static Optional<Path> realCameras() {
		return sharedData().map(d -> d.resolve("real-cameras")).filter(Files::isDirectory);
	}
}
