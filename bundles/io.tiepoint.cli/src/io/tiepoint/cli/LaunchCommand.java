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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;

import io.tiepoint.core.ingest.Units;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.hub.WorkspaceHubs;
import io.tiepoint.platform.PlatformClient;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.RemoteTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint launch --project NAME [--task-type T] [--wait]}: starts a reconstruction of the
 * project's Ready images on its hub, and with {@code --wait} follows it to the end and prints the result.
 * With the embedded hub the reconstruction runs in this process, so it always waits.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
		description = { "Start a reconstruction of a project's Ready images on its hub.",
				"With the embedded hub the reconstruction runs in this process: the command waits for it." })
public final class LaunchCommand implements Callable<Integer> {

	/** The Task fields with the engine's results. */
	static final String RESULT_FIELDS = "engine result { images registeredImages points meanReprojectionError"
			+ " alignmentError georegistrationError files { name size fileId url } }";

	@Spec
	private CommandSpec spec;

	@Option(names = "--project", required = true, paramLabel = "NAME", description = "The project.")
	private String project;

	@Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: the current folder).")
	private Path workspace = Path.of("");

	@Option(names = "--task-type", paramLabel = "TYPE", defaultValue = "Native",
			description = "Native (fast sparse), Full (full detail sparse), Reconstruction... (default: ${DEFAULT-VALUE}).")
	private String taskType;

	@Option(names = "--wait", description = "Follow the task to its end and print the result.")
	private boolean waitForIt;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Map<String, String> env = System.getenv();
		TiepointConfig config = TiepointConfig.load(ConfigCommand.DEFAULTS, TiepointConfig.userFile(env),
				workspace.toAbsolutePath(), env, Map.of());
		try (Workspace ws = Workspace.open(workspace); WorkspaceHubs hubs = new WorkspaceHubs(ws, config)) {
			Project p = ws.journal().project(project).orElse(null);
			if (p == null) {
				err.println("tiepoint launch: no project '" + project + "' in " + ws.root());
				return Tiepoint.FAILED;
			}
			if (p.remoteId() == null) {
				err.println("tiepoint launch: " + project + " has no images on its hub yet ('tiepoint ingest DIR --project "
						+ project + "' first)");
				return Tiepoint.FAILED;
			}
			boolean embedded = p.hub() == null || WorkspaceHubs.EMBEDDED.equals(p.hub());
			HubEndpoint endpoint = hubs.connect(p.hub());
			try (PlatformClient client = new PlatformClient(endpoint.uri(), endpoint.key(), endpoint.token())) {
				RemoteTask task;
				try {
					task = client.startReconstruction(p.remoteId(), taskType);
				} catch (PlatformException e) {
					err.println("tiepoint launch: the hub refused: " + (e.code() == null ? "" : e.code() + ": ") + e.getMessage());
					return Tiepoint.FAILED;
				}
				out.println("task " + task.id() + " (" + task.taskType() + ") " + task.state());
				out.flush();
				if (!waitForIt && !embedded) {
					return Tiepoint.OK;
				}
				return follow(client, p.remoteId(), task, out, err, endpoint, ws.root().resolve("results").resolve(project));
			}
		}
	}

	private int follow(PlatformClient client, String pid, RemoteTask started, PrintWriter out, PrintWriter err,
			HubEndpoint endpoint, Path results) throws PlatformException, InterruptedException, IOException {
		long t0 = System.nanoTime();
		String last = "";
		RemoteTask t = started;
		while (true) {
			t = client.latestTask(pid, RESULT_FIELDS).orElse(t);
			String line = String.format(Locale.ROOT, "%s step %d/%d", t.state(), t.step(), t.totalSteps());
			if (!line.equals(last)) {
				out.printf(Locale.ROOT, "  %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, line);
				out.flush();
				last = line;
			}
			if (t.finished()) {
				break;
			}
			Thread.sleep(1000);
		}
		JsonNode task = new ObjectMapper().readTree(t.raw());
		if (!"Done".equals(t.state())) {
			err.println("tiepoint launch: task " + t.id() + " " + t.state() + ": " + String.join("; ", t.error()));
			return Tiepoint.FAILED;
		}
		JsonNode result = task.path("result");
		printResult(result, out, download(result, endpoint, results.resolve(t.id()), err));
		out.printf(Locale.ROOT, "reconstruction took %.1f s%n", (System.nanoTime() - t0) / 1e9);
		return Tiepoint.OK;
	}

	/**
	 * Downloads the task's files from the hub's resource service (the GridFS provider's ranged download:
	 * a partial file is resumed) into {@code dir}.
	 *
	 * @return file name to local path, for the files that could be downloaded
	 */
	private static Map<String, Path> download(JsonNode result, HubEndpoint endpoint, Path dir, PrintWriter err) {
		Map<String, Path> local = new java.util.LinkedHashMap<>();
		if (!result.path("files").isArray() || result.path("files").isEmpty()) {
			return local;
		}
		Map<String, String> secrets = new java.util.HashMap<>();
		secrets.put("appId", endpoint.key());
		if (endpoint.token() != null) {
			secrets.put("license", endpoint.token());
		}
		StorageTarget target = new StorageTarget(endpoint.uri(), null, "", Map.of("packageName", "tiepoint"), secrets);
		try (StorageSession session = new StorageProviders(RegistryFactory.getRegistry()).provider("gridfs").open(target)) {
			RangedDownload ranged = session.feature(RangedDownload.class).orElse(null);
			if (ranged == null) {
				return local;
			}
			java.nio.file.Files.createDirectories(dir);
			for (JsonNode f : result.path("files")) {
				String name = Path.of(f.path("name").asText("file")).getFileName().toString();
				Path to = dir.resolve(name);
				ranged.download(f.path("fileId").asText(), to, new NullProgressMonitor());
				local.put(f.path("name").asText(), to);
			}
		} catch (StorageException | IOException e) {
			err.println("tiepoint launch: the results stay on the hub: " + e.getMessage());
		}
		return local;
	}

	static void printResult(JsonNode r, PrintWriter out) {
		printResult(r, out, Map.of());
	}

	static void printResult(JsonNode r, PrintWriter out, Map<String, Path> local) {
		if (r.isMissingNode() || r.isNull()) {
			out.println("  (the engine reported no result)");
			return;
		}
		out.printf(Locale.ROOT, "  images registered: %d of %d%n", r.path("registeredImages").asInt(),
				r.path("images").asInt());
		out.printf(Locale.ROOT, "  points: %d%n", r.path("points").asInt());
		out.printf(Locale.ROOT, "  mean reprojection error: %.3f px%n", r.path("meanReprojectionError").asDouble());
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
