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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.tiepoint.core.ingest.Units;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.IngestEngine;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestProgress;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.hub.WorkspaceHubs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint ingest DIR... --project NAME}: inspects the folders into the project's journal and
 * takes the good images to {@code Ready} on the project's hub; running it again sends nothing twice.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = { "Inspect folders of photos and upload them, resumably, to a hub until each is Ready.",
				"State is kept in WORKSPACE/.tiepoint: run the same command again to resume; nothing is sent twice." })
public final class IngestCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders (or files) of photos.")
	private List<Path> roots;

	@Option(names = "--project", required = true, paramLabel = "NAME", description = "The project (created when new).")
	private String project;

	@Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: the current folder).")
	private Path workspace = Path.of("");

	@Option(names = "--hub", paramLabel = "URL|embedded",
			description = "The hub: 'embedded' (default for a new project: runs in this process) or a URL.")
	private String hub;

	@Option(names = "--cloud", paramLabel = "ID", description = "Storage for the bytes: gridfs (default for a new project), s3...")
	private String cloud;

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

	@Override
	public Integer call() throws IOException, io.tiepoint.core.config.ConfigException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		long rate;
		try {
			rate = limitRate == null ? 0 : parseRate(limitRate);
		} catch (IllegalArgumentException e) {
			err.println("tiepoint ingest: --limit-rate " + limitRate + ": " + e.getMessage());
			return Tiepoint.USAGE;
		}
		Map<String, String> env = System.getenv();
		TiepointConfig config = TiepointConfig.load(ConfigCommand.DEFAULTS, TiepointConfig.userFile(env),
				workspace.toAbsolutePath(), env, Map.of());
		try (Workspace ws = Workspace.open(workspace); WorkspaceHubs hubs = new WorkspaceHubs(ws, config)) {
			Journal journal = ws.journal();
			Project p = journal.project(project).orElse(null);
			if (p == null) {
				p = journal.createProject(project, hub == null ? WorkspaceHubs.EMBEDDED : hub, cloud == null ? "gridfs" : cloud);
				out.println("created project " + project + " (hub " + p.hub() + ", cloud " + p.cloud() + ") in " + ws.root());
			} else if ((hub != null && !hub.equals(p.hub())) || (cloud != null && !cloud.equals(p.cloud()))) {
				journal.updateProject(project, hub == null ? p.hub() : hub, cloud == null ? p.cloud() : cloud);
			}
			IngestOptions options = IngestOptions.builder().hub(hub).cloud(cloud).bucket(bucket).threads(threads)
					.readThreads(config.getInt("check.threads", 2)).limitRate(rate).dryRun(dryRun)
					.includeRejected(includeRejected).retryFailed(retry).connector(hubs)
					.rejectFindings(config.get("ingest.reject").map(v -> java.util.Set.of(v.split("\\s*,\\s*")))
							.orElse(IngestOptions.DEFAULT_REJECT))
					.stallTimeout(java.time.Duration.ofSeconds(config.getInt("ingest.stall.timeout", 60)))
					.build();
			IngestEngine engine = new IngestEngine(ws, options);
			ProgressPrinter printer = new ProgressPrinter(out, System.console() != null);
			engine.addListener(printer);
			NullProgressMonitor monitor = new NullProgressMonitor();
			Thread hook = new Thread(() -> monitor.setCanceled(true), "tiepoint-ingest-cancel");
			Runtime.getRuntime().addShutdownHook(hook);
			try {
				IngestSummary s;
				if (dryRun || inspectFirst) {
					IngestSummary inspected = engine.inspect(project, roots, monitor);
					printer.finish();
					out.println(String.format(Locale.ROOT, "inspected %d new image(s) in %.1f s", inspected.filesHandled(),
							inspected.seconds()));
					inspected.notes().forEach(n -> out.println("  " + n));
					inspected.failures().forEach(f -> out.println("  " + f));
					s = engine.upload(project, monitor);
				} else {
					// each image is sent as soon as its inspection passes, while the others are inspected
					s = engine.ingest(project, roots, monitor);
				}
				printer.finish();
				print(out, s);
				Map<ImageState, Integer> c = s.counts();
				boolean bad = c.getOrDefault(ImageState.FAILED, 0) + c.getOrDefault(ImageState.INVALID, 0)
						+ c.getOrDefault(ImageState.UPLOADED, 0) > 0;
				return dryRun || !bad ? Tiepoint.OK : Tiepoint.FAILED;
			} finally {
				try {
					Runtime.getRuntime().removeShutdownHook(hook);
				} catch (IllegalStateException shuttingDown) {
					// the hook is running: it only cancels
				}
			}
		}
	}

	private static void print(PrintWriter out, IngestSummary s) {
		out.println(String.format(Locale.ROOT, "%s: %d image(s) handled, %d sent, %s in %.1f s (%s/s)", s.project(),
				s.filesHandled(), s.filesSent(), Units.bytes(s.bytesSent()), s.seconds(),
				Units.bytes(s.seconds() > 0 ? (long) (s.bytesSent() / s.seconds()) : 0)));
		s.notes().forEach(n -> out.println("  " + n));
		StringBuilder counts = new StringBuilder("  states:");
		s.counts().forEach((k, v) -> counts.append(' ').append(k.label()).append('=').append(v));
		out.println(counts);
		s.failures().forEach(f -> out.println("  " + f));
		out.flush();
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

	/** Prints progress: a bar redrawn in place on a terminal, a plain line every few seconds otherwise. */
	static final class ProgressPrinter implements io.tiepoint.core.ingest.IngestListener {
		private final PrintWriter out;
		private final boolean terminal;
		private long lastLine;
		private boolean drawn;

		ProgressPrinter(PrintWriter out, boolean terminal) {
			this.out = out;
			this.terminal = terminal;
		}

		@Override
		public synchronized void progress(IngestProgress p) {
			String eta = p.etaSeconds() < 0 ? "" : ", " + Units.duration(p.etaSeconds()) + " left";
			String text = String.format(Locale.ROOT, "%s: %d/%d images, %s/%s, %s/s%s", p.phase(), p.filesDone(),
					p.filesTotal(), Units.bytes(p.bytesDone()), Units.bytes(p.bytesTotal()),
					Units.bytes((long) p.bytesPerSecond()), eta);
			if (terminal) {
				int width = 30;
				int filled = p.filesTotal() == 0 ? width : (int) ((long) width * p.filesDone() / p.filesTotal());
				out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + text + "\u001b[K");
				out.flush();
				drawn = true;
			} else {
				long now = System.currentTimeMillis();
				if (now - lastLine >= 5000 || p.phase().startsWith("done") || p.phase().equals("inspected")) {
					out.println(text);
					out.flush();
					lastLine = now;
				}
			}
		}

		synchronized void finish() {
			if (drawn) {
				out.println();
				drawn = false;
			}
		}
	}
}
