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
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.platform.PlatformClient;
import io.tiepoint.platform.RemoteTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tiepoint tasks --project NAME}: the project's reconstruction tasks on its hub. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List a project's reconstruction tasks.")
public final class TasksCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private ProjectOption projectOption;

	@Mixin
	private WorkspaceOption workspaceOption;

	@Override
	public Integer call() throws Exception {
		String project = projectOption.name();
		Path workspace = workspaceOption.path();
		PrintWriter out = spec.commandLine().getOut();
		Map<String, String> env = System.getenv();
		TiepointConfig config = TiepointConfig.load(ConfigCommand.DEFAULTS, TiepointConfig.userFile(env),
				workspace.toAbsolutePath(), env, Map.of());
		try (Workspace ws = Workspace.open(workspace); WorkspaceHubs hubs = WorkspaceHubs.of(ws, config)) {
			Project p = ws.journal().project(project).orElse(null);
			if (p == null || p.remoteId() == null) {
				spec.commandLine().getErr().println("tiepoint tasks: no project '" + project + "' on a hub in " + ws.root());
				return Tiepoint.FAILED;
			}
			HubEndpoint endpoint = hubs.connect(p.hub());
			try (PlatformClient client = new PlatformClient(endpoint.uri(), endpoint.key(), endpoint.token())) {
				var tasks = client.tasks(p.remoteId());
				if (tasks.isEmpty()) {
					out.println(project + ": no tasks");
				}
				for (RemoteTask t : tasks) {
					out.printf("%s  %-14s %-10s step %d/%d  %s%s%n", t.id(), t.taskType(), t.state(), t.step(),
							t.totalSteps(), t.startDate() == null ? "" : t.startDate(),
							t.error().isEmpty() ? "" : "  " + String.join("; ", t.error()));
				}
				out.flush();
				return Tiepoint.OK;
			}
		}
	}
}
