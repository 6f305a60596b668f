/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code tiepoint} command of the materialized product: version, help, usage errors, exit codes. */
class CliProductTest {

	@Test
	void version() throws Exception {
		Launcher.Result r = Launcher.run("--version");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().startsWith("tiepoint 0.1.0.v"), r.out());
		assertTrue(r.out().contains("platform: org.eclipse.osgi"), r.out());
		assertEquals("", r.err().strip(), "nothing on stderr");
	}

	@Test
	void help() throws Exception {
		Launcher.Result r = Launcher.run("--help");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains("Usage: tiepoint"), r.out());
	}

	@Test
	void badArgumentIsOneLineAndNonZero() throws Exception {
		Launcher.Result r = Launcher.run("--definitely-not-an-option");
		assertEquals(2, r.code(), r.out() + r.err());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		assertTrue(r.err().contains("Unknown option: '--definitely-not-an-option'"), r.err());
		assertEquals("", r.out());
	}

	@Test
	void unknownCommand() throws Exception {
		Launcher.Result r = Launcher.run("upload-everything-now");
		assertEquals(2, r.code());
		assertEquals(1, r.err().strip().lines().count(), r.err());
	}
}
