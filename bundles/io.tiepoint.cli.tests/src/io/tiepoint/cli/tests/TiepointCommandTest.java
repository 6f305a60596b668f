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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.cli.Tiepoint;

/** The command line in-process: help, version, usage errors and their exit codes. */
class TiepointCommandTest {

	record Result(int code, String out, String err) {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Tiepoint.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
		return new Result(code, out.toString(), err.toString());
	}

	@Test
	void versionPrintsTheBundleVersion() {
		Result r = run("--version");
		assertEquals(0, r.code());
		assertTrue(r.out().startsWith("tiepoint 0.1.0.v"), r.out());
		assertTrue(r.out().contains("java: "), r.out());
	}

	@Test
	void helpListsTheCommands() {
		Result r = run("--help");
		assertEquals(0, r.code());
		assertTrue(r.out().contains("Usage: tiepoint"), r.out());
		assertTrue(r.out().contains("config"), r.out());
		assertTrue(r.out().contains("Exit codes"), r.out());
	}

	@Test
	void onlyTheCommandThatRunsIsBuiltAndTheHelpHasThemAll() {
		// building every picocli command (and loading the contributing bundles) was a tenth of a second of every start
		assertEquals(Set.of("status"), Tiepoint.commandLine(Map.of(), new String[] { "status", "--json" }).getSubcommands()
				.keySet());
		assertEquals(Set.of("hub"), Tiepoint.commandLine(Map.of(), new String[] { "hub", "--help" }).getSubcommands()
				.keySet(), "a contributed command that declares its name is created alone");
		assertEquals(Set.of(), Tiepoint.commandLine(Map.of(), new String[] { "--version" }).getSubcommands().keySet());
		Set<String> all = Tiepoint.commandLine(Map.of(), new String[] { "--help" }).getSubcommands().keySet();
		assertTrue(all.containsAll(Set.of("check", "ingest", "status", "report", "launch", "tasks", "providers", "config",
				"hub", "files")), all.toString()); // the contributions this test runtime has
		assertEquals(all, Tiepoint.commandLine(Map.of(), new String[] { "nope" }).getSubcommands().keySet(),
				"an unknown command gets the whole table, for the error that names them");
		Result r = run("hub", "--help");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains("Usage: tiepoint hub"), r.out());
	}

	@Test
	void unknownOptionIsOneLineAndExitTwo() {
		Result r = run("--bogus");
		assertEquals(2, r.code());
		assertEquals("", r.out());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
		assertTrue(r.err().contains("tiepoint --help"), r.err());
	}

	@Test
	void unknownCommandAndMissingCommandAreUsageErrors() {
		Result r = run("frobnicate");
		assertEquals(2, r.code());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		Result none = run();
		assertEquals(2, none.code());
		assertTrue(none.err().contains("missing command"), none.err());
	}

	@Test
	void subcommandUsageErrorNamesTheSubcommand() {
		Result r = run("config", "--nope");
		assertEquals(2, r.code());
		assertTrue(r.err().startsWith("tiepoint config: "), r.err());
	}

	@Test
	void configShowsWorkspaceSettingsWithTheirSource(@TempDir Path ws) throws IOException {
		Files.createDirectories(ws.resolve(".tiepoint"));
		Files.writeString(ws.resolve(".tiepoint/config.properties"), "check.threads=7\ns3.secret=hunter2\n");
		Result r = run("config", "--workspace", ws.toString());
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().lines().anyMatch(l -> l.startsWith("check.threads") && l.contains("7")
				&& l.contains("WORKSPACE_FILE")), r.out());
		assertTrue(r.out().contains("********"), r.out());
		assertTrue(!r.out().contains("hunter2"), "secrets never printed");
		Result one = run("config", "--workspace", ws.toString(), "check.threads");
		assertEquals("7", one.out().strip());
		Result unset = run("config", "--workspace", ws.toString(), "no.such.key");
		assertEquals(1, unset.code());
	}
}
