/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.RegistryFactory;

import io.tiepoint.core.TiepointVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tiepoint} command: options common to every subcommand, and the table of subcommands.
 * <p>
 * Exit codes: {@value #OK} success, {@value #FAILED} the work failed (or, with {@code --strict},
 * found errors), {@value #USAGE} the command line is wrong. A usage error is one line on stderr.
 */
@Command(name = "tiepoint", mixinStandardHelpOptions = true, versionProvider = Tiepoint.Version.class, description = "Photogrammetry ingest workbench: inspect survey photos, upload them resumably, reconstruct.", footer = {
		"",
		"Run 'tiepoint COMMAND --help' for a command's options.",
		"Exit codes: 0 ok, 1 failed (or errors found with --strict), 2 usage error." })
public final class Tiepoint implements Runnable {

	/** Exit code: success. */
	public static final int OK = 0;
	/** Exit code: the work failed. */
	public static final int FAILED = 1;
	/** Exit code: the command line is wrong. */
	public static final int USAGE = 2;

	/** The built-in commands, in the order the help lists them (the contributed ones follow). */
	static final List<Class<?>> BUILT_IN = List.of(CheckCommand.class, IngestCommand.class, StatusCommand.class,
			ReportCommand.class, LaunchCommand.class, TasksCommand.class, ProvidersCommand.class, ConfigCommand.class);

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(spec.commandLine(), "missing command");
	}

	/**
	 * Runs one command line.
	 *
	 * @param args the arguments after {@code tiepoint}
	 * @param out  standard output
	 * @param err  standard error
	 * @param env  the process environment
	 * @return the exit code
	 */
	public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
		CommandLine cl = commandLine(env, args);
		cl.setOut(out);
		cl.setErr(err);
		return cl.execute(args);
	}

	/**
	 * @param env the process environment
	 * @return the configured command line, with every subcommand registered
	 */
	public static CommandLine commandLine(Map<String, String> env) {
		return commandLine(env, new String[0]);
	}

	/**
	 * @param env  the process environment
	 * @param args the arguments it will run: when they start with a command's name (or are {@code --version}
	 *             alone), only that command is built, else all of them (for the help, and the error that
	 *             names the commands)
	 * @return the configured command line
	 */
	public static CommandLine commandLine(Map<String, String> env, String[] args) {
		CommandLine cl = new CommandLine(new Tiepoint());
		// before the handlers are set: they apply to the subcommands present
		CommandTable.addTo(cl, args, RegistryFactory.getRegistry());
		cl.setExecutionExceptionHandler(new Errors(env));
		cl.setParameterExceptionHandler((ex, given) -> {
			String where = ex.getCommandLine().getCommandSpec().qualifiedName();
			ex.getCommandLine().getErr().println(where + ": " + ex.getMessage()
					+ " (see '" + where + " --help')");
			return USAGE;
		});
		cl.setExitCodeExceptionMapper(t -> {
			// reached for errors the execution handler does not see (LinkageError and the like): say what broke
			cl.getErr().println("tiepoint: internal error: " + t);
			if ("1".equals(env.get("TIEPOINT_DEBUG"))) {
				t.printStackTrace(cl.getErr());
			}
			return FAILED;
		});
		return cl;
	}

	/** {@code --version}: the product version, the framework and the Java runtime. */
	public static final class Version implements IVersionProvider {
		@Override
		public String[] getVersion() {
			return TiepointVersion.current().details();
		}
	}

	/** Unexpected failures: one line naming the problem, the stack trace only with TIEPOINT_DEBUG=1. */
	private record Errors(Map<String, String> env) implements CommandLine.IExecutionExceptionHandler {
		@Override
		public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
			String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": error: " + msg);
			if ("1".equals(env.get("TIEPOINT_DEBUG"))) {
				ex.printStackTrace(cl.getErr());
			}
			return FAILED;
		}
	}
}
