/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link HubBench} inside the OSGi test runtime, for {@code benchmarks/hub-bench.sh}. It is a
 * benchmark: disabled unless {@code -Dtiepoint.bench=hub}; it prints figures and asserts nothing about
 * speed, but fails when an answer it timed is wrong (hasImage finds an image not yet registered or misses a
 * registered one, a registration gives no id, a stored survey image is not verified Ready).
 */
class HubBenchmark {

	@Test
	@EnabledIfSystemProperty(named = "tiepoint.bench", matches = "hub", disabledReason = "a benchmark: run benchmarks/hub-bench.sh")
	void run() throws Exception {
		String args = System.getProperty("tiepoint.bench.args", "").trim();
		HubBench.main(args.isEmpty() ? new String[0] : args.split("\\s+"));
	}
}
