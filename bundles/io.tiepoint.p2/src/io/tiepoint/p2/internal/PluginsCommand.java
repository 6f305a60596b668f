/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.p2.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.tiepoint.p2.Installation;
import io.tiepoint.p2.PluginException;
import io.tiepoint.p2.PluginOperations;
import io.tiepoint.p2.PluginOperations.Plugin;
import io.tiepoint.p2.Repositories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint plugins list | install --repository URL|DIR|ZIP FEATURE... | uninstall FEATURE... | update}: plug-ins
 * (features of p2 repositories, e.g. a storage provider) added to or removed from this installation, effective at the
 * next start. Thin: the logic is {@link PluginOperations}'.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, subcommands = { PluginsCommand.ListPlugins.class, PluginsCommand.Install.class,
		PluginsCommand.Uninstall.class,
		PluginsCommand.Update.class }, description = "Plug-ins installed into Tiepoint (p2): list, install, uninstall, update.")
public final class PluginsCommand implements Callable<Integer> {

	static final int OK = 0;
	static final int FAILED = 1;
	static final int USAGE = 2;

	@Spec
	private CommandSpec spec;

	/** For the command line's extension point. */
	public PluginsCommand() {
		// picocli sets the options
	}

	@Override
	public Integer call() {
		spec.commandLine().getErr().println("tiepoint plugins: say list, install, uninstall or update (see --help)");
		return USAGE;
	}

	/** The body of every subcommand: the operation, its failure as one message and exit code 1. */
	abstract static class Sub implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Override
		public final Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			try {
				return run(new PluginOperations(Installation.running()), out, new ConsoleMonitor(err));
			} catch (PluginException e) {
				err.println("tiepoint plugins " + spec.name() + ": " + e.getMessage());
				return FAILED;
			} catch (NoClassDefFoundError e) { // p2 is not in this configuration area (the launcher picks one with it)
				err.println("tiepoint plugins " + spec.name() + ": p2 is not installed in this configuration ("
						+ e.getMessage() + "); run it through ./tiepoint, which starts the command line with p2");
				return FAILED;
			} finally {
				out.flush();
				err.flush();
			}
		}

		abstract int run(PluginOperations ops, PrintWriter out, ConsoleMonitor monitor) throws PluginException;

		static void print(PrintWriter out, List<Plugin> plugins) {
			for (Plugin p : plugins) {
				out.println(p.id() + " " + p.version() + "  " + p.name());
			}
		}
	}

	/** {@code tiepoint plugins list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "The plug-ins installed: id, version, name.")
	static final class ListPlugins extends Sub {
		@Override
		int run(PluginOperations ops, PrintWriter out, ConsoleMonitor monitor) {
			List<Plugin> plugins = ops.list();
			if (plugins.isEmpty()) {
				out.println("no plug-ins installed");
			}
			print(out, plugins);
			return OK;
		}
	}

	/** {@code tiepoint plugins install --repository R FEATURE...}. */
	@Command(name = "install", mixinStandardHelpOptions = true, description = "Install features (with what they require) from a p2 repository: a URL, a folder or a zip.")
	static final class Install extends Sub {
		@Option(names = { "--repository",
				"-r" }, paramLabel = "URL|DIR|ZIP", description = "The p2 repository holding the features (default: the installation's update sites,"
						+ " tiepoint.plugins.repositories in config.ini or the setting plugins.repositories).")
		String repository;

		@Parameters(arity = "1..*", paramLabel = "FEATURE", description = "Feature ids (with or without .feature.group).")
		List<String> features;

		@Override
		int run(PluginOperations ops, PrintWriter out, ConsoleMonitor monitor) throws PluginException {
			List<Plugin> done = ops.install(repository == null ? null : Repositories.location(repository), features,
					monitor);
			for (Plugin p : done) {
				out.println("installed " + p.id() + " " + p.version() + "  " + p.name());
			}
			out.println("restart Tiepoint to use it (the command line has it from its next command)");
			return OK;
		}
	}

	/** {@code tiepoint plugins uninstall FEATURE...}. */
	@Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Uninstall plug-ins.")
	static final class Uninstall extends Sub {
		@Parameters(arity = "1..*", paramLabel = "FEATURE", description = "Feature ids, as plugins list shows them.")
		List<String> features;

		@Override
		int run(PluginOperations ops, PrintWriter out, ConsoleMonitor monitor) throws PluginException {
			for (Plugin p : ops.uninstall(features, monitor)) {
				out.println("uninstalled " + p.id() + " " + p.version());
			}
			return OK;
		}
	}

	/** {@code tiepoint plugins update}. */
	@Command(name = "update", mixinStandardHelpOptions = true, description = "Update the plug-ins from the repositories they were installed from.")
	static final class Update extends Sub {
		@Override
		int run(PluginOperations ops, PrintWriter out, ConsoleMonitor monitor) throws PluginException {
			List<Plugin> updated = ops.update(monitor);
			if (updated.isEmpty()) {
				out.println("nothing to update");
			}
			for (Plugin p : updated) {
				out.println("updated " + p.id() + " to " + p.version());
			}
			return OK;
		}
	}
}
