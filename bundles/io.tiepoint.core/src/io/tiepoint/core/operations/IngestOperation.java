/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.operations;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.core.ingest.Discovery;
import io.tiepoint.core.ingest.IngestEngine;
import io.tiepoint.core.ingest.IngestListener;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;

/**
 * Ingests folders into a project: to its platform (a hub and a cloud: the platform flow) or to the user's
 * own destination ({@code to}: the direct flow). Everything the request names is checked before any state
 * is created: the folders exist and hold images, the destination has a provider and no secret in it and
 * its settings are complete, the project is not bound to another destination. A new project is created
 * (and remembers its destination); an existing one resumes.
 */
public final class IngestOperation implements TiepointOperation {

	/**
	 * What to ingest where.
	 *
	 * @param project      the project (created when new)
	 * @param roots        folders or files of photos; none to send what the project holds inspected already
	 * @param hub          {@code embedded} or a hub URL, or null (the project's, or embedded for a new one)
	 * @param cloud        the platform cloud, or null (the project's, or the hub's first that a provider serves)
	 * @param to           a direct destination URI, or null for the platform flow
	 * @param inspectFirst inspect the whole set before sending any image
	 */
	public record Request(String project, List<Path> roots, String hub, String cloud, String to, boolean inspectFirst) {
		/** Checks the parts. */
		public Request {
			Objects.requireNonNull(project, "project");
			roots = List.copyOf(roots);
		}
	}

	/**
	 * The hub a request will start when that is known before the workspace's journal is read: the embedded hub,
	 * named by the request or the one a new project of a workspace without a journal gets. The embedded hub
	 * takes about a second to start on a cold JVM: a command line starts it beside the journal's opening
	 * ({@link io.tiepoint.core.ingest.HubConnector#warm}). Nothing when the request goes elsewhere, is a dry run,
	 * or names a folder that does not exist (the run refuses it before anything is created).
	 *
	 * @param root    the workspace folder
	 * @param request what to ingest where
	 * @param dryRun  whether it only estimates
	 * @return the embedded hub's name, or nothing
	 */
	public static Optional<String> hubBeforeJournal(Path root, Request request, boolean dryRun) {
		if (dryRun || request.to() != null || request.project().isBlank()
				|| !request.roots().stream().allMatch(Files::exists)) {
			return Optional.empty();
		}
		if (request.hub() != null) {
			return WorkspaceHubs.isEmbedded(request.hub()) ? Optional.of(request.hub()) : Optional.empty();
		}
		return Workspace.exists(root) ? Optional.empty() : Optional.of(WorkspaceHubs.EMBEDDED);
	}

	private final Workspace workspace;
	private final Request request;
	private final IngestOptions options;
	private final StorageProviders providers;
	private final List<IngestListener> listeners;
	private IngestSummary summary;
	private Project created;

	/**
	 * @param workspace the workspace
	 * @param request   what to ingest where
	 * @param options   how (from {@link IngestOptions#builder(io.tiepoint.core.config.TiepointConfig)})
	 * @param providers the installed storage providers
	 * @param listeners receive progress
	 */
	public IngestOperation(Workspace workspace, Request request, IngestOptions options, StorageProviders providers,
			List<IngestListener> listeners) {
		this.workspace = workspace;
		this.request = request;
		this.options = options;
		this.providers = providers;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void execute(IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Ingesting into " + request.project(), 100);
		if (request.project().isBlank()) {
			throw new IllegalArgumentException("a project needs a name");
		}
		if (request.to() != null && (request.hub() != null || request.cloud() != null)) {
			throw new IllegalArgumentException("--to sends to your own destination without a hub: it goes with neither"
					+ " --hub nor --cloud");
		}
		if (!request.roots().isEmpty()) {
			Discovery.walk(request.roots()); // the folders exist and hold images, before anything is created
		}
		URI to = request.to() == null ? null : checkDestination(request.to());
		Project p = project(to);
		IngestEngine engine = new IngestEngine(workspace, options, providers);
		listeners.forEach(engine::addListener);
		if (request.roots().isEmpty()) {
			summary = engine.upload(p.name(), progress.split(100));
		} else if (request.inspectFirst() || options.dryRun()) {
			engine.inspect(p.name(), request.roots(), progress.split(30));
			summary = engine.upload(p.name(), progress.split(70));
		} else {
			summary = engine.ingest(p.name(), request.roots(), progress.split(100));
		}
	}

	/** The destination has a provider, no secret, and the settings the provider needs. */
	private URI checkDestination(String text) throws IOException {
		URI uri = Destinations.parse(text, providers);
		StorageProviderDescriptor d = providers.forDestination(uri).orElseThrow();
		try {
			providers.provider(d.id()).destination(uri, options.settings());
		} catch (StorageException e) {
			throw new IOException(d.name() + " (" + Destinations.shown(uri) + "): " + e.getMessage(), e);
		}
		return uri;
	}

	private Project project(URI to) throws IOException {
		Journal journal = workspace.journal();
		Project p = journal.project(request.project()).orElse(null);
		if (p == null) {
			created = to != null ? journal.createProject(request.project(), null, null, to.toString())
					: journal.createProject(request.project(), request.hub() == null ? WorkspaceHubs.EMBEDDED : request.hub(),
							request.cloud());
			return created;
		}
		if (to != null && !p.direct() || to == null && p.direct() && (request.hub() != null || request.cloud() != null)) {
			throw new IllegalArgumentException("project " + p.name() + " sends to " + p.target() + ": a project keeps its"
					+ " destination (use another project name)");
		}
		if (to != null && !to.toString().equals(p.destination())) {
			throw new IllegalArgumentException("project " + p.name() + " sends to " + p.destination() + ", not " + to
					+ ": a project keeps its destination (use another project name)");
		}
		if (!p.direct() && (request.hub() != null && !request.hub().equals(p.hub())
				|| request.cloud() != null && !request.cloud().equals(p.cloud()))) {
			journal.updateProject(p.name(), request.hub() == null ? p.hub() : request.hub(),
					request.cloud() == null ? p.cloud() : request.cloud());
		}
		return journal.project(p.name()).orElseThrow();
	}

	/** @return what the run did, once executed */
	public IngestSummary summary() {
		return summary;
	}

	/** @return the project this run created, or null when it existed */
	public Project created() {
		return created;
	}
}
