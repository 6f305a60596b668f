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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.core.Services;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.core.ingest.Units;
import io.tiepoint.core.operations.LaunchOperation;
import io.tiepoint.core.operations.ReadyCheck;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.platform.RemoteTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint launch --project NAME [--task-type T] [--engine ID] [--wait] [--when-ready] [--anyway]}: the core's
 * {@link LaunchOperation}, which compares the project's Ready images on its hub with what the journal meant to send
 * (refusing, with the list, when some are missing, unless {@code --anyway}), starts a reconstruction now or, with
 * {@code --when-ready}, once what arrived is verified, and, with {@code --wait}, follows it to
 * the end and downloads its files; this command prints the steps and the result. With the embedded hub the
 * reconstruction runs in this process, so it always waits.
 */
@Command(name = "launch", mixinStandardHelpOptions = true, description = { "Start a reconstruction of a project's Ready images on its hub.",
		"With the embedded hub the reconstruction runs in this process: the command waits for it." })
public final class LaunchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private ProjectOption projectOption;

	@Mixin
	private WorkspaceOption workspaceOption;

	@Option(names = "--task-type", paramLabel = "TYPE", defaultValue = "Native", description = "Native (fast sparse), Full (full detail sparse), Reconstruction... (default: ${DEFAULT-VALUE}).")
	private String taskType;

	@Option(names = "--engine", paramLabel = "ID", description = "The hub's reconstruction engine to run, e.g. colmap or nodeodm (default: the hub's choice).")
	private String engine;

	@Option(names = "--wait", description = "Follow the task to its end and print the result.")
	private boolean waitForIt;

	@Option(names = "--when-ready", description = { "Let the hub start the task once every image that arrived is verified",
			"(preStartReconstruction) instead of starting it now." })
	private boolean whenReady;

	@Option(names = "--anyway", description = { "Start even when images the journal meant to send are not Ready on the hub",
			"(by default the command names them and refuses)." })
	private boolean anyway;

	@Override
	public Integer call() throws Exception {
		String project = projectOption.name();
		Path workspace = workspaceOption.path();
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		TiepointConfig config = ConfigCommand.load(workspace);
		try (Workspace ws = Workspace.open(workspace); WorkspaceHubs hubs = WorkspaceHubs.of(ws, config)) {
			return launch(ws, hubs, new Launch(project, taskType, engine, waitForIt, whenReady, anyway), out, err);
		}
	}

	/**
	 * What to launch.
	 *
	 * @param project   the project
	 * @param taskType  the task type, or null for the hub's default
	 * @param engine    the engine, or null for the hub's choice
	 * @param follow    follow the task to its end (always with the embedded hub)
	 * @param whenReady preStartReconstruction instead of startReconstructionWithError
	 * @param anyway    start even when images meant to be sent are not Ready
	 */
	record Launch(String project, String taskType, String engine, boolean follow, boolean whenReady, boolean anyway) {
	}

	/**
	 * Runs the core's launch operation and prints what happens: {@code tiepoint launch} and {@code tiepoint ingest
	 * --launch}.
	 *
	 * @return the exit code
	 */
	static int launch(Workspace ws, WorkspaceHubs hubs, Launch l, PrintWriter out, PrintWriter err) throws IOException {
		Project p = ws.journal().project(l.project()).orElse(null);
		boolean follow = l.follow() || p != null && !p.direct() && WorkspaceHubs.isEmbedded(p.hub());
		long t0 = System.nanoTime();
		boolean[] first = { true };
		LaunchOperation op = new LaunchOperation(ws, l.project(), l.taskType(), follow, hubs,
				Services.get(StorageProviders.class)).engine(l.engine()).whenReady(l.whenReady()).anyway(l.anyway())
				.onChange(t -> {
					if (first[0]) {
						out.println("task " + t.id() + " (" + t.taskType() + ") " + t.state()
								+ (l.whenReady() ? ": the hub starts it once every image that arrived is verified" : ""));
						first[0] = false;
					}
					out.printf(Locale.ROOT, "  %6.1f s  %s step %d/%d%n", (System.nanoTime() - t0) / 1e9, t.state(), t.step(),
							t.totalSteps());
					out.flush();
				});
		try {
			op.execute(new NullProgressMonitor());
		} catch (IllegalArgumentException e) {
			err.println("tiepoint launch: " + e.getMessage());
			return Tiepoint.FAILED;
		} catch (ReadyCheck.Incomplete e) {
			err.println("tiepoint launch: refused: " + e.getMessage());
			err.println("tiepoint launch: send them ('tiepoint ingest ... --retry'), or start with the Ready ones: --anyway");
			return Tiepoint.FAILED;
		}
		ReadyCheck check = op.readyCheck();
		if (check != null && !check.complete()) {
			out.println("started anyway without " + check.describe(20));
		}
		RemoteTask t = op.task();
		if (!follow) {
			return Tiepoint.OK;
		}
		if (!"Done".equals(t.state())) {
			err.println("tiepoint launch: task " + t.id() + " " + t.state() + ": " + String.join("; ", t.error()));
			return Tiepoint.FAILED;
		}
		if (op.downloadError() != null) {
			err.println("tiepoint launch: " + op.downloadError());
		}
		printResult(t.result(), out, op.downloaded());
		out.printf(Locale.ROOT, "reconstruction took %.1f s%n", (System.nanoTime() - t0) / 1e9);
		return Tiepoint.OK;
	}

	static void printResult(JsonNode r, PrintWriter out) {
		printResult(r, out, Map.of());
	}

	static void printResult(JsonNode r, PrintWriter out, Map<String, Path> local) {
		if (r.isMissingNode() || r.isNull()) {
			out.println("  (the engine reported no result)");
			return;
		}
		if (r.hasNonNull("registeredImages")) { // an engine reports what it knows (NodeODM: what ODM's report says)
			out.printf(Locale.ROOT, "  images registered: %d of %d%n", r.path("registeredImages").asInt(),
					r.path("images").asInt());
		}
		if (r.hasNonNull("points")) {
			out.printf(Locale.ROOT, "  points: %d%n", r.path("points").asInt());
		}
		if (r.hasNonNull("meanReprojectionError")) {
			out.printf(Locale.ROOT, "  mean reprojection error: %.3f px%n", r.path("meanReprojectionError").asDouble());
		}
		if (r.hasNonNull("georegistrationError")) {
			out.printf(Locale.ROOT, "  georegistration error: %.2f m (mean camera distance to EXIF GPS)%n",
					r.path("georegistrationError").asDouble());
		}
		for (JsonNode f : r.path("files")) {
			Path path = local.get(f.path("name").asText());
			out.printf(Locale.ROOT, "  file %s (%s): %s%n", f.path("name").asText(), Units.bytes(f.path("size").asLong()),
					path != null ? path.toAbsolutePath().normalize() : f.path("url").asText());
		}
	}
}
