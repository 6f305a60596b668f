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

import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

import picocli.CommandLine;

/**
 * The one reader of the extension point {@code io.tiepoint.cli.commands}: adds the commands other bundles
 * contribute (the hub server's {@code tiepoint hub}) to a command line. A contribution that declares its command's
 * {@code name} is created only when that command runs or the help lists them all. A contribution that cannot be
 * created, is not a picocli command, is not the command it declares or takes a built-in command's name is logged
 * and left out.
 */
final class CommandContributions {

	static final String EXTENSION_POINT = "io.tiepoint.cli.commands";

	private CommandContributions() {
	}

	/**
	 * @param registry the extension registry, or null
	 * @param name     a command's name
	 * @return whether a contribution declares that name
	 */
	static boolean declares(IExtensionRegistry registry, String name) {
		if (registry == null) {
			return false;
		}
		for (IConfigurationElement e : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
			if (name.equals(e.getAttribute("name"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param cl       the command line
	 * @param registry the extension registry, or null
	 * @param taken    the built-in commands' names
	 * @param only     the command that runs: a contribution declaring another name is not created; null for all
	 */
	static void addTo(CommandLine cl, IExtensionRegistry registry, Set<String> taken, String only) {
		if (registry == null) {
			return;
		}
		for (IConfigurationElement e : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
			String from = e.getContributor().getName();
			String declared = e.getAttribute("name");
			if (only != null && declared != null && !only.equals(declared)) {
				continue;
			}
			try {
				Object command = e.createExecutableExtension("class");
				CommandLine.Command c = command.getClass().getAnnotation(CommandLine.Command.class);
				if (c == null || c.name().isBlank() || "<main class>".equals(c.name())) {
					log(from, command.getClass().getName() + " is not a named picocli @Command");
				} else if (declared != null && !declared.equals(c.name())) {
					log(from, "it declares the command '" + declared + "', its class is '" + c.name() + "'");
				} else if (taken.contains(c.name()) || cl.getSubcommands().containsKey(c.name())) {
					log(from, "'" + c.name() + "' is a command already");
				} else {
					cl.addSubcommand(c.name(), command);
				}
			} catch (CoreException | RuntimeException ex) {
				log(from, ex.getMessage());
			}
		}
	}

	private static void log(String contributor, String why) {
		ILog.of(CommandContributions.class).log(Status.warning("Command from " + contributor + " left out: " + why));
	}
}
