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
import java.util.Optional;
import java.util.Properties;

/**
 * The upload rate last measured from a workspace ({@code .tiepoint/link.properties}), for the dry run's
 * estimate of the time a set takes.
 */
final class LinkRate {

	private static final String FILE = "link.properties";

	private final Path file;

	/** @param stateDir the workspace's {@code .tiepoint} folder */
	LinkRate(Path stateDir) {
		this.file = stateDir.resolve(FILE);
	}

	/** @return bytes per second, when measured before */
	Optional<Double> read() {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties props = new Properties();
		try (var in = Files.newInputStream(file)) {
			props.load(in);
			return Optional.of(Double.parseDouble(props.getProperty("bytesPerSecond", "0")));
		} catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	/**
	 * Records a run's rate: its bytes over the time one transfer took for them.
	 *
	 * @param run a finished run
	 */
	void record(IngestRun run) {
		long sent = run.sent.get();
		if (sent <= 0 || run.sendNanos.get() <= 0) {
			return;
		}
		double parallel = Math.max(1, Math.min(run.options.threads(), run.filesSent.get()));
		Properties props = new Properties();
		props.setProperty("bytesPerSecond", String.valueOf((long) (sent / (run.sendNanos.get() / 1e9 / parallel))));
		props.setProperty("measured", Instant.now().toString());
		try {
			Files.createDirectories(file.getParent());
			try (var out = Files.newOutputStream(file)) {
				props.store(out, "Tiepoint: the upload rate last measured from this workspace");
			}
		} catch (IOException ignored) {
			// only the dry run's estimate suffers
		}
	}
}
