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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint report --project NAME --csv [FILE]}: one row per image: filename, sha1, state, error,
 * bytes, and the timings of its transitions.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write a CSV report of a project: filename, sha1, state, error, bytes, timings, location.")
public final class ReportCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private ProjectOption projectOption;

	@Mixin
	private WorkspaceOption workspaceOption;

	@Option(names = "--csv", arity = "0..1", fallbackValue = "-", paramLabel = "FILE", description = "CSV to FILE, or to standard output (the default).")
	private String csv = "-";

	@Override
	public Integer call() throws IOException {
		String project = projectOption.name();
		Path workspace = workspaceOption.path();
		try (Workspace ws = Workspace.open(workspace)) {
			Journal journal = ws.journal();
			if (journal.project(project).isEmpty()) {
				spec.commandLine().getErr().println("tiepoint report: no project '" + project + "' in " + ws.root());
				return Tiepoint.FAILED;
			}
			if ("-".equals(csv)) {
				write(spec.commandLine().getOut(), journal);
			} else {
				try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(csv)))) {
					write(w, journal);
				}
				spec.commandLine().getOut().println("report written to " + csv);
			}
			return Tiepoint.OK;
		}
	}

	private void write(PrintWriter w, Journal journal) throws IOException {
		w.println(
				"filename,path,sha1,state,error,bytes,bytes_sent,attempts,discovered,inspected,registered,uploaded,final,upload_seconds,location");
		for (ImageEntry e : journal.images(projectOption.name())) {
			List<Object[]> events = journal.events(e.id());
			Long inspected = at(events, "INSPECTED", "REJECTED");
			Long registered = at(events, "REGISTERED");
			Long uploading = at(events, "UPLOADING");
			Long uploaded = at(events, "UPLOADED");
			Long fin = at(events, "READY", "INVALID", "EXISTING", "FAILED", "STORED");
			Long discovered = events.isEmpty() ? null : (Long) events.get(0)[0];
			Long sendEnd = uploaded != null ? uploaded : fin;
			String seconds = uploading != null && sendEnd != null ? String.format(java.util.Locale.ROOT, "%.3f",
					(sendEnd - uploading) / 1000.0) : "";
			w.println(String.join(",", q(e.name()), q(e.path()), q(e.sha1()), e.state().label(), q(e.error()),
					String.valueOf(e.size()), String.valueOf(e.bytesSent()), String.valueOf(e.attempts()), iso(discovered),
					iso(inspected), iso(registered), iso(uploaded), iso(fin), seconds, q(e.location())));
		}
		w.flush();
	}

	private static Long at(List<Object[]> events, String... states) {
		Long found = null;
		for (Object[] ev : events) {
			for (String s : states) {
				if (s.equals(ev[1])) {
					found = (Long) ev[0]; // the latest
				}
			}
		}
		return found;
	}

	private static String iso(Long millis) {
		return millis == null ? "" : Instant.ofEpochMilli(millis).toString();
	}

	private static String q(String s) {
		if (s == null) {
			return "";
		}
		if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
			return '"' + s.replace("\"", "\"\"") + '"';
		}
		return s;
	}
}
