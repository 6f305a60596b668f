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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.tiepoint.core.Services;
import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.ingest.Units;
import io.tiepoint.core.operations.IngestOperation;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageProviders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint ingest DIR... --project NAME [--hub URL|embedded --cloud ID | --to URI]}: the core's
 * {@link IngestOperation} with the command line's progress bar and summary.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = {
		"Inspect folders of photos and send them, resumably, to a hub until each is Ready,",
		"or with --to to your own storage until each is Stored.",
		"State is kept in WORKSPACE/.tiepoint: run the same command again to resume; nothing is sent twice." })
public final class IngestCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders (or files) of photos.")
	private List<Path> roots;

	@Mixin
	private ProjectOption projectOption;

	@Mixin
	private WorkspaceOption workspaceOption;

	@Option(names = "--hub", paramLabel = "URL|embedded", description = "The hub: 'embedded' (default for a new project: runs in this process) or a URL.")
	private String hub;

	@Option(names = "--cloud", paramLabel = "ID[,ID...]|auto", description = { "The hub's storage for the bytes (default: the first"
			+ " the hub offers; 'tiepoint providers' lists them).",
			"A list (s3,oss,gridfs) is an order of preference: a cloud"
					+ " that keeps failing is marked down and the rest goes to the next; auto: every cloud the hub offers, the"
					+ " fastest on the first images first." })
	private String cloud;

	@Option(names = "--to", paramLabel = "URI", description = { "Your own destination instead of a hub, e.g. s3://bucket/prefix,",
			"gridfs+http://host:port/dir ('tiepoint providers' lists the schemes); credentials come from settings." })
	private String to;

	@Option(names = "--bucket", paramLabel = "B", description = "Bucket to ask the hub for (default: its nearest).")
	private String bucket;

	@Option(names = "--dry-run", description = "Inspect and print what would be sent (count, GP, bytes, time); send nothing.")
	private boolean dryRun;

	@Option(names = "--inspect-first", description = "Inspect every image before sending any (by default each image "
			+ "is sent as soon as it passes, while the rest are inspected).")
	private boolean inspectFirst;

	@Option(names = "--threads", paramLabel = "N", description = "Parallel transfers (default: ${DEFAULT-VALUE}).", defaultValue = "8")
	private int threads;

	@Option(names = "--limit-rate", paramLabel = "RATE", description = "Bandwidth limit, e.g. 500k, 20M (bytes per second).")
	private String limitRate;

	@Option(names = "--include-rejected", description = { "Also send images the inspection rejected: error findings,",
			"and the warnings of the setting ingest.reject (default: no-gps, gps-zero, extension-mismatch, camera-mismatch)." })
	private boolean includeRejected;

	@Option(names = "--retry", description = "Send images that failed or were refused in an earlier run again.")
	private boolean retry;

	@Option(names = "--launch", description = { "Then start the reconstruction (as 'tiepoint launch --when-ready': the hub",
			"starts it once every image that arrived is verified; refused, with the list, when images are missing)." })
	private boolean launch;

	@Override
	public Integer call() throws IOException, ConfigException {
		String project = projectOption.name();
		Path workspace = workspaceOption.path();
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		long rate;
		try {
			rate = limitRate == null ? 0 : parseRate(limitRate);
		} catch (IllegalArgumentException e) {
			err.println("tiepoint ingest: --limit-rate " + limitRate + ": " + e.getMessage());
			return Tiepoint.USAGE;
		}
		if (launch && to != null) {
			err.println("tiepoint ingest: --launch starts a reconstruction on a hub; --to " + to + " sends to your own storage");
			return Tiepoint.USAGE;
		}
		TiepointConfig config = ConfigCommand.load(workspace);
		IngestOperation.Request request = new IngestOperation.Request(project, roots, hub, cloud, to, inspectFirst);
		try (WorkspaceHubs hubs = WorkspaceHubs.of(workspace, config); Workspace ws = open(workspace, request, hubs)) {
			IngestOptions options = IngestOptions.builder(config).hub(hub).cloud(cloud).bucket(bucket).threads(threads)
					.limitRate(rate).dryRun(dryRun).includeRejected(includeRejected).retryFailed(retry).connector(hubs).build();
			ProgressPrinter printer = new ProgressPrinter(out, System.console() != null);
			IngestOperation op = new IngestOperation(ws, request, options, Services.get(StorageProviders.class),
					List.of(printer));
			NullProgressMonitor monitor = new NullProgressMonitor();
			Thread hook = new Thread(() -> monitor.setCanceled(true), "tiepoint-ingest-cancel");
			Runtime.getRuntime().addShutdownHook(hook);
			try {
				op.execute(monitor);
			} catch (IllegalArgumentException e) {
				err.println("tiepoint ingest: " + e.getMessage());
				return Tiepoint.USAGE;
			} finally {
				printer.finish();
				try {
					Runtime.getRuntime().removeShutdownHook(hook);
				} catch (IllegalStateException shuttingDown) {
					// the hook is running: it only cancels
				}
			}
			if (op.created() != null) {
				out.println("created project " + project + " (" + ws.journal().project(project).orElse(op.created()).target()
						+ ") in " + ws.root());
			}
			IngestSummary s = op.summary();
			print(out, s);
			Map<ImageState, Integer> c = s.counts();
			boolean bad = c.getOrDefault(ImageState.FAILED, 0) + c.getOrDefault(ImageState.INVALID, 0)
					+ c.getOrDefault(ImageState.UPLOADED, 0) > 0;
			if (launch && !dryRun) {
				int launched = LaunchCommand.launch(ws, hubs, new LaunchCommand.Launch(project, "Native", null, false, true,
						false), out, err);
				return bad ? Tiepoint.FAILED : launched;
			}
			return dryRun || !bad ? Tiepoint.OK : Tiepoint.FAILED;
		}
	}

	/** Opens the workspace, with the embedded hub the request will use starting beside it when that is known. */
	private Workspace open(Path workspace, IngestOperation.Request request, WorkspaceHubs hubs) throws IOException {
		IngestOperation.hubBeforeJournal(workspace, request, dryRun).ifPresent(hubs::warm);
		return Workspace.open(workspace);
	}

	private static void print(PrintWriter out, IngestSummary s) {
		out.println(String.format(Locale.ROOT, "%s: %d image(s) handled, %d sent, %s in %.1f s (%s/s)", s.project(),
				s.filesHandled(), s.filesSent(), Units.bytes(s.bytesSent()), s.seconds(),
				Units.bytes(s.seconds() > 0 ? (long) (s.bytesSent() / s.seconds()) : 0)));
		s.notes().forEach(n -> out.println("  " + n));
		String timeline = s.timeline().describe(launched());
		if (timeline != null) {
			out.println("  timeline: " + timeline);
		}
		StringBuilder counts = new StringBuilder("  states:");
		s.counts().forEach((k, v) -> counts.append(' ').append(k.label()).append('=').append(v));
		out.println(counts);
		s.failures().forEach(f -> out.println("  " + f));
		out.flush();
	}

	/** @return when the command started: the launcher's time (system property tiepoint.launched), else the process's */
	private static Instant launched() {
		String at = System.getProperty("tiepoint.launched", "");
		if (!at.isBlank()) {
			try {
				return Instant.ofEpochMilli(Math.round(Double.parseDouble(at) * 1e3));
			} catch (NumberFormatException e) {
				// the process's start instead
			}
		}
		return ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
	}

	static long parseRate(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		long mult = 1;
		if (t.endsWith("b")) {
			t = t.substring(0, t.length() - 1);
		}
		if (t.endsWith("k")) {
			mult = 1024;
		} else if (t.endsWith("m")) {
			mult = 1024 * 1024;
		} else if (t.endsWith("g")) {
			mult = 1024L * 1024 * 1024;
		}
		if (mult > 1) {
			t = t.substring(0, t.length() - 1);
		}
		try {
			double v = Double.parseDouble(t);
			if (v <= 0) {
				throw new IllegalArgumentException("must be positive");
			}
			return (long) (v * mult);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a rate (examples: 500k, 20M)");
		}
	}
}
