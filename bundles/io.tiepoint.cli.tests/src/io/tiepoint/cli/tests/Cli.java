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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import io.tiepoint.cli.Tiepoint;

/** Runs the command line in this process, as the tests do: its exit code, output and errors. */
final class Cli {

	/**
	 * @param code the exit code
	 * @param out  what it printed
	 * @param err  what it printed as errors
	 */
	record Result(int code, String out, String err) {
	}

	private Cli() {
	}

	/** @param args the command line @return what it did */
	static Result run(String... args) {
		return run(Map.of(), args);
	}

	/** @param env environment entries it sees @param args the command line @return what it did */
	static Result run(Map<String, String> env, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Tiepoint.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
		return new Result(code, out.toString(), err.toString());
	}
}
