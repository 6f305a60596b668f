/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.HubConnector;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.project.Workspace;

/**
 * The hubs of a workspace: {@value #EMBEDDED} is started in this process on first use (by the
 * {@link EmbeddedHubs} service) with its data in the workspace's {@code .tiepoint/hub}, and stopped by
 * {@link #close()}; a hub given by URL is reached with the app key and token of the settings
 * ({@code hub.key}, {@code hub.token}).
 */
public final class WorkspaceHubs implements HubConnector, AutoCloseable {

	/** The name of the hub that runs in this process. */
	public static final String EMBEDDED = "embedded";

	private final Path hubDir;
	private final TiepointConfig config;
	private final EmbeddedHubs service;
	private EmbeddedHubs.EmbeddedHub embedded;
	/** The hubs started ahead ({@link #warm}): once each, however many callers ask. */
	private final Set<String> warmed = new HashSet<>();

	/**
	 * @param workspace the workspace (the embedded hub keeps its data in its {@code .tiepoint/hub})
	 * @param config    the workspace's settings
	 * @param service   starts embedded hubs, or null when none is installed
	 */
	public WorkspaceHubs(Workspace workspace, TiepointConfig config, EmbeddedHubs service) {
		this(workspace.root(), config, service);
	}

	private WorkspaceHubs(Path root, TiepointConfig config, EmbeddedHubs service) {
		this.hubDir = Workspace.hubDir(root);
		this.config = config;
		this.service = service;
	}

	/**
	 * @param workspace the workspace
	 * @param config    its settings
	 * @return the workspace's hubs, with the embedded hub service of this framework when it is installed
	 */
	public static WorkspaceHubs of(Workspace workspace, TiepointConfig config) {
		return new WorkspaceHubs(workspace, config, service().orElse(null));
	}

	/**
	 * @param root   a workspace folder, open or not (an embedded hub can start beside its journal's opening)
	 * @param config its settings
	 * @return the workspace's hubs, with the embedded hub service of this framework when it is installed
	 */
	public static WorkspaceHubs of(Path root, TiepointConfig config) {
		return new WorkspaceHubs(root, config, service().orElse(null));
	}

	/** @return the embedded hub service, when a bundle provides it */
	public static Optional<EmbeddedHubs> service() {
		Bundle b = FrameworkUtil.getBundle(WorkspaceHubs.class);
		BundleContext ctx = b == null ? null : b.getBundleContext();
		if (ctx == null) {
			return Optional.empty();
		}
		ServiceReference<EmbeddedHubs> ref = ctx.getServiceReference(EmbeddedHubs.class);
		return ref == null ? Optional.empty() : Optional.ofNullable(ctx.getService(ref));
	}

	/**
	 * @param hub a project's hub setting
	 * @return whether it names the embedded hub
	 */
	public static boolean isEmbedded(String hub) {
		return hub == null || hub.isBlank() || EMBEDDED.equals(hub);
	}

	@Override
	public synchronized HubEndpoint connect(String hub) throws IOException {
		if (isEmbedded(hub)) {
			if (embedded == null) {
				if (service == null) {
					throw new IOException("the embedded hub is not installed in this product (bundle io.tiepoint.hub.embedded):"
							+ " give a hub URL with --hub");
				}
				embedded = service.start(hubDir, config);
			}
			return embedded.endpoint();
		}
		URI uri;
		try {
			uri = URI.create(hub);
		} catch (IllegalArgumentException e) {
			throw new IOException("hub '" + hub + "' is neither '" + EMBEDDED + "' nor a URL");
		}
		if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
			throw new IOException("hub '" + hub + "' is neither '" + EMBEDDED + "' nor an http(s) URL");
		}
		String key = config.get("hub.key").orElseThrow(() -> new IOException("no app key for hub " + hub
				+ ": set hub.key (or TIEPOINT_HUB_KEY); 'tiepoint hub token --data DIR' prints it"));
		return new HubEndpoint(uri, key, config.get("hub.token").orElse(null));
	}

	@Override
	public void warm(String hub) {
		synchronized (warmed) {
			if (!warmed.add(isEmbedded(hub) ? EMBEDDED : hub)) {
				return; // starting or started: its connect() waits for it
			}
		}
		HubConnector.super.warm(hub);
	}

	/** @return whether this workspace's embedded hub runs */
	public synchronized boolean embeddedRunning() {
		return embedded != null;
	}

	@Override
	public synchronized void close() {
		if (embedded != null) {
			embedded.close();
			embedded = null;
		}
	}
}
