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
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.tiepoint.core.Services;
import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint providers [--json]}: the installed storage providers as their extensions declare them
 * (no provider code is loaded): id, name, destination schemes, platform cloud, capabilities, settings.
 */
@Command(name = "providers", mixinStandardHelpOptions = true, description = {
		"List the installed storage providers: the schemes 'ingest --to' takes, the clouds",
		"'ingest --cloud' takes, their capabilities and the settings they read." })
public final class ProvidersCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--json", description = "[{id, name, description, schemes, platformCloud, capabilities, "
			+ "settings: [{key, label, secret, required, environment, description}]}]")
	private boolean json;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		List<StorageProviderDescriptor> all = Services.get(StorageProviders.class).descriptors();
		if (json) {
			writeJson(out, all);
		} else {
			if (all.isEmpty()) {
				out.println("no storage provider is installed");
			}
			for (StorageProviderDescriptor d : all) {
				out.println(d.id() + "  " + d.name() + (d.description().isEmpty() ? "" : ": " + d.description()));
				if (!d.schemes().isEmpty()) {
					out.println("    destinations:  " + String.join(", ", d.schemes().stream().map(s -> s + "://").toList()));
				}
				d.platformBinding().ifPresent(p -> out.println("    platform:      cloud " + p.cloud() + " (" + p.mutation() + ")"));
				out.println("    capabilities:  " + String.join(", ", d.capabilities().stream().sorted().map(Capability::id).toList()));
				for (ProviderSetting s : d.settings()) {
					out.printf("    setting:       %-24s %s%s%s%n", s.key(), s.label(), s.required() ? ", required" : "",
							s.secret() ? ", secret (" + s.environmentVariable() + ")" : "");
				}
			}
		}
		out.flush();
		return Tiepoint.OK;
	}

	private static void writeJson(PrintWriter out, List<StorageProviderDescriptor> all) throws IOException {
		try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
			g.useDefaultPrettyPrinter();
			g.writeStartArray();
			for (StorageProviderDescriptor d : all) {
				g.writeStartObject();
				g.writeStringField("id", d.id());
				g.writeStringField("name", d.name());
				g.writeStringField("description", d.description());
				g.writeArrayFieldStart("schemes");
				for (String s : d.schemes()) {
					g.writeString(s);
				}
				g.writeEndArray();
				g.writeStringField("platformCloud", d.platformBinding().map(p -> p.cloud()).orElse(null));
				g.writeArrayFieldStart("capabilities");
				for (Capability c : d.capabilities().stream().sorted().toList()) {
					g.writeString(c.id());
				}
				g.writeEndArray();
				g.writeArrayFieldStart("settings");
				for (ProviderSetting s : d.settings()) {
					g.writeStartObject();
					g.writeStringField("key", s.key());
					g.writeStringField("label", s.label());
					g.writeBooleanField("secret", s.secret());
					g.writeBooleanField("required", s.required());
					g.writeStringField("environment", s.environmentVariable());
					g.writeStringField("description", s.description());
					g.writeEndObject();
				}
				g.writeEndArray();
				g.writeEndObject();
			}
			g.writeEndArray();
		}
		out.println();
	}
}
