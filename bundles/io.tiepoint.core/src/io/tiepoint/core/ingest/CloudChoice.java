/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The clouds a platform run over several clouds of a hub used (the order it ended with, what it measured on
 * each, which went down, how many images each received), kept per project in the workspace
 * ({@code .tiepoint/clouds.properties}) for {@code tiepoint status --json}.
 *
 * @param cloud       the cloud's id
 * @param mbPerSecond the throughput its images showed (0 when none was timed)
 * @param images      images whose bytes it received in the last run
 * @param down        whether it was down when the run ended
 */
public record CloudChoice(String cloud, double mbPerSecond, int images, boolean down) {

	private static final String FILE = "clouds.properties";

	/**
	 * @param stateDir the workspace's {@code .tiepoint} folder
	 * @param project  the project
	 * @return the clouds of its last run over several clouds, in the order it ended with; empty when none
	 */
	public static List<CloudChoice> read(Path stateDir, String project) {
		Properties p = load(stateDir.resolve(FILE));
		List<CloudChoice> out = new ArrayList<>();
		for (int i = 0; p.getProperty(project + "." + i + ".cloud") != null; i++) {
			String k = project + "." + i + ".";
			try {
				out.add(new CloudChoice(p.getProperty(k + "cloud"), Double.parseDouble(p.getProperty(k + "mbps", "0")),
						Integer.parseInt(p.getProperty(k + "images", "0")), Boolean.parseBoolean(p.getProperty(k + "down"))));
			} catch (NumberFormatException e) {
				return List.of(); // a file edited by hand: nothing to say
			}
		}
		return out;
	}

	/** Records a run's clouds for its project; a failure only costs the status its figures. */
	static void record(Path stateDir, String project, List<CloudChoice> clouds) {
		Path file = stateDir.resolve(FILE);
		Properties p = load(file);
		p.keySet().removeIf(k -> k.toString().startsWith(project + "."));
		for (int i = 0; i < clouds.size(); i++) {
			CloudChoice c = clouds.get(i);
			String k = project + "." + i + ".";
			p.setProperty(k + "cloud", c.cloud());
			p.setProperty(k + "mbps", String.format(java.util.Locale.ROOT, "%.2f", c.mbPerSecond()));
			p.setProperty(k + "images", String.valueOf(c.images()));
			p.setProperty(k + "down", String.valueOf(c.down()));
		}
		p.setProperty(project + ".measured", Instant.now().toString());
		try {
			Files.createDirectories(stateDir);
			try (var out = Files.newOutputStream(file)) {
				p.store(out, "Tiepoint: the clouds each project's last run over several clouds used");
			}
		} catch (IOException ignored) {
			// only the status's figures suffer
		}
	}

	private static Properties load(Path file) {
		Properties p = new Properties();
		if (Files.isRegularFile(file)) {
			try (var in = Files.newInputStream(file)) {
				p.load(in);
			} catch (IOException | IllegalArgumentException e) {
				return new Properties();
			}
		}
		return p;
	}
}
