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
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.JsonFactory;

import io.tiepoint.core.ingest.CloudChoice;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tiepoint status --project NAME [--json]}: per-state counts and failures with their reasons. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a project's images by state, and the failures with their reasons.")
public final class StatusCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--project", paramLabel = "NAME", description = "The project (default: every project).")
	private String project;

	@Mixin
	private WorkspaceOption workspaceOption;

	@Option(names = "--json", description = "{\"project\", \"destination\", \"counts\": {state: n}, \"images\": [{name, sha1,"
			+ " state, error, location}]}")
	private boolean json;

	@Override
	public Integer call() throws IOException {
		Path workspace = workspaceOption.path();
		PrintWriter out = spec.commandLine().getOut();
		try (Workspace ws = Workspace.open(workspace)) {
			Journal journal = ws.journal();
			List<Project> projects;
			if (project != null) {
				Project p = journal.project(project).orElse(null);
				if (p == null) {
					spec.commandLine().getErr().println("tiepoint status: no project '" + project + "' in " + ws.root());
					return Tiepoint.FAILED;
				}
				projects = List.of(p);
			} else {
				projects = journal.projects();
			}
			if (json) {
				JsonFactory f = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
				try (JsonGenerator g = f.createGenerator(out)) {
					g.useDefaultPrettyPrinter();
					if (project == null) {
						g.writeStartArray();
					}
					for (Project p : projects) {
						writeJson(g, p, journal, ws.stateDir());
					}
					if (project == null) {
						g.writeEndArray();
					}
				}
				out.println();
			} else {
				if (projects.isEmpty()) {
					out.println("no projects in " + ws.root() + " ('tiepoint ingest DIR --project NAME' makes one)");
				}
				for (Project p : projects) {
					Map<ImageState, Integer> counts = journal.counts(p.name());
					out.println(p.name() + " (" + p.target() + (p.remoteId() == null ? "" : ", platform id " + p.remoteId())
							+ "): " + journal.count(p.name()) + " image(s)");
					counts.forEach((k, v) -> out.printf("  %-11s %6d%n", k.label(), v));
					for (ImageEntry e : journal.images(p.name())) {
						if (e.state() == ImageState.FAILED || e.state() == ImageState.INVALID
								|| e.state() == ImageState.REJECTED) {
							out.println("  " + e.state().label() + " " + e.name() + ": " + e.error());
						}
					}
				}
			}
			out.flush();
			return Tiepoint.OK;
		}
	}

	private static void writeJson(JsonGenerator g, Project p, Journal journal, Path stateDir) throws IOException {
		g.writeStartObject();
		g.writeStringField("project", p.name());
		g.writeStringField("destination", p.direct() ? p.destination() : p.hub());
		if (!p.direct()) {
			g.writeStringField("cloud", p.cloud());
		}
		List<CloudChoice> clouds = CloudChoice.read(stateDir, p.name());
		if (!clouds.isEmpty()) { // the last run over several clouds: the order it ended with and what it measured
			g.writeArrayFieldStart("clouds");
			for (CloudChoice c : clouds) {
				g.writeStartObject();
				g.writeStringField("cloud", c.cloud());
				g.writeNumberField("mbPerSecond", c.mbPerSecond());
				g.writeNumberField("images", c.images());
				g.writeBooleanField("down", c.down());
				g.writeEndObject();
			}
			g.writeEndArray();
		}
		g.writeObjectFieldStart("counts");
		for (Map.Entry<ImageState, Integer> c : journal.counts(p.name()).entrySet()) {
			g.writeNumberField(c.getKey().label(), c.getValue());
		}
		g.writeEndObject();
		g.writeArrayFieldStart("images");
		for (ImageEntry e : journal.images(p.name())) {
			g.writeStartObject();
			g.writeStringField("name", e.name());
			g.writeStringField("sha1", e.sha1());
			g.writeStringField("state", e.state().label());
			g.writeStringField("error", e.error());
			if (e.cloud() != null) {
				g.writeStringField("cloud", e.cloud());
			}
			if (e.location() != null) {
				g.writeStringField("location", e.location());
			}
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeEndObject();
	}
}
