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

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint config [KEY]}: shows the effective settings and where each comes from. Secrets are
 * masked.
 */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Show the effective settings and where each value comes from (secrets masked).")
public final class ConfigCommand implements Callable<Integer> {

	/** Built-in defaults. */
	static final Map<String, String> DEFAULTS = Map.of("check.threads",
			String.valueOf(Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()))),
			"ingest.stall.timeout", "60");

	/**
	 * @param workspace the workspace folder
	 * @return the layered settings of that workspace, for this process's environment
	 * @throws ConfigException when a settings file cannot be read
	 */
	static TiepointConfig load(Path workspace) throws ConfigException {
		Map<String, String> env = System.getenv();
		return TiepointConfig.load(DEFAULTS, TiepointConfig.userFile(env), workspace.toAbsolutePath(), env, Map.of());
	}

	@Spec
	private CommandSpec spec;

	@Mixin
	private WorkspaceOption workspaceOption;

	@Parameters(arity = "0..1", paramLabel = "KEY", description = "Show only this key.")
	private String key;

	@Override
	public Integer call() throws ConfigException {
		Path workspace = workspaceOption.path();
		TiepointConfig config = load(workspace);
		if (key != null) {
			if (config.get(key).isEmpty()) {
				spec.commandLine().getErr().println("tiepoint config: " + key + " is not set");
				return Tiepoint.FAILED;
			}
			spec.commandLine().getOut().println(config.display(key));
			return Tiepoint.OK;
		}
		config.entries().forEach((k, e) -> spec.commandLine().getOut()
				.printf("%-24s %-24s (%s: %s)%n", k, config.display(k), e.source(), e.origin()));
		return Tiepoint.OK;
	}
}
