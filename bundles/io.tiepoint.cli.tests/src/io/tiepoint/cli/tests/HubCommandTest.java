/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/** {@code tiepoint hub token} and the option checks of {@code tiepoint hub}, the command io.tiepoint.hub.embedded contributes. */
class HubCommandTest {

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		// `tiepoint hub` is contributed by io.tiepoint.hub.embedded through io.tiepoint.cli.commands
		String[] hub = new String[args.length + 1];
		hub[0] = "hub";
		System.arraycopy(args, 0, hub, 1, args.length);
		int code = Tiepoint.run(hub, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void tokenPrintsTheCredentialsAgainAndAddsUsers() throws IOException {
		String key;
		String token;
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			key = hub.appKey();
			token = hub.userToken();
		}
		Run shown = run("token", "--data", dir.toString());
		assertEquals(0, shown.code());
		assertEquals("key=" + key + System.lineSeparator() + "altitoken=" + token + System.lineSeparator(), shown.out());
		Run added = run("token", "--data", dir.toString(), "--add-user", "dave");
		assertEquals(0, added.code());
		assertTrue(added.out().matches("altitoken=[A-Za-z0-9]{32}\\R"), added.out());
		assertEquals(1, run("token", "--data", dir.toString(), "--add-user", "dave").code());
		assertEquals(1, run("token", "--data", dir.resolve("none").toString()).code());
	}

	@Test
	void s3OptionsGoTogether() {
		Run r = run("--data", dir.toString(), "--s3-endpoint", "http://127.0.0.1:1", "--s3-bucket", "b");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("go together"), r.err());
	}
}
