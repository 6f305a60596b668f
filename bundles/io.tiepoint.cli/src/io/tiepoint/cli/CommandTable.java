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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IExtensionRegistry;

import picocli.CommandLine;

/**
 * Which commands a command line gets: only the one its arguments name, or all of them for the help and for the
 * error that lists them. Building a picocli command reads its annotations by reflection and loads its classes (a
 * contributed one's bundle too): all of them took ~90 ms of every command's start on a cold JVM.
 */
final class CommandTable {

	private static final Set<String> VERSION = Set.of("--version", "-V");

	private CommandTable() {
	}

	/**
	 * @param cl       the root command line (no subcommands yet)
	 * @param args     the arguments it will run
	 * @param registry the extension registry, or null
	 */
	static void addTo(CommandLine cl, String[] args, IExtensionRegistry registry) {
		String first = args.length == 0 ? null : args[0];
		if (args.length == 1 && VERSION.contains(first)) {
			return; // the version alone: no command runs
		}
		Map<String, Class<?>> builtIn = builtIn();
		Class<?> named = first == null ? null : builtIn.get(first);
		if (named != null) {
			cl.addSubcommand(named);
			return;
		}
		if (first != null && !first.startsWith("-") && CommandContributions.declares(registry, first)) {
			CommandContributions.addTo(cl, registry, builtIn.keySet(), first);
			return;
		}
		Tiepoint.BUILT_IN.forEach(cl::addSubcommand);
		CommandContributions.addTo(cl, registry, builtIn.keySet(), null);
	}

	/** @return the built-in commands by their names and aliases, read from their annotations */
	private static Map<String, Class<?>> builtIn() {
		Map<String, Class<?>> byName = new LinkedHashMap<>();
		for (Class<?> c : Tiepoint.BUILT_IN) {
			CommandLine.Command a = c.getAnnotation(CommandLine.Command.class);
			byName.put(a.name(), c);
			for (String alias : a.aliases()) {
				byName.put(alias, c);
			}
		}
		return byName;
	}
}
