/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.eclipse.core.runtime.RegistryFactory;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.HubConnector;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.project.Workspace;

/**
 * The hubs a command talks to: {@code embedded} starts one in this process on loopback, with its data in
 * the workspace ({@code .tiepoint/hub}); a URL is a remote hub whose app key and user token come from the
 * settings {@code hub.key} and {@code hub.token} (environment {@code TIEPOINT_HUB_KEY},
 * {@code TIEPOINT_HUB_TOKEN}). The embedded hub uses S3 when {@code hub.s3.endpoint}, {@code hub.s3.bucket},
 * {@code hub.s3.access.key} and {@code hub.s3.secret.key} are set, GridFS always.
 */
public final class WorkspaceHubs implements HubConnector, AutoCloseable {

	/** The setting that names the default hub. */
	public static final String EMBEDDED = "embedded";

	private final Workspace workspace;
	private final TiepointConfig config;
	private Hub embedded;

	/**
	 * @param workspace the workspace (the embedded hub keeps its data in its {@code .tiepoint/hub})
	 * @param config    the workspace's settings
	 */
	public WorkspaceHubs(Workspace workspace, TiepointConfig config) {
		this.workspace = workspace;
		this.config = config;
	}

	@Override
	public synchronized HubEndpoint connect(String hub) throws IOException {
		if (hub == null || hub.isBlank() || EMBEDDED.equals(hub)) {
			if (embedded == null) {
				embedded = Hub.start(embeddedConfig());
			}
			return new HubEndpoint(embedded.uri(), embedded.appKey(), embedded.userToken());
		}
		URI uri;
		try {
			uri = URI.create(hub);
		} catch (IllegalArgumentException e) {
			throw new IOException("hub '" + hub + "' is neither 'embedded' nor a URL");
		}
		String key = config.get("hub.key").orElseThrow(() -> new IOException(
				"no app key for hub " + hub + ": set hub.key (or TIEPOINT_HUB_KEY); 'tiepoint hub token --data DIR' prints it"));
		return new HubEndpoint(uri, key, config.get("hub.token").orElse(null));
	}

	private HubConfig embeddedConfig() {
		HubConfig.Builder b = HubConfig.builder(workspace.hubDir()).host("127.0.0.1").port(0)
				.extensionRegistry(RegistryFactory.getRegistry());
		Optional<String> endpoint = config.get("hub.s3.endpoint");
		if (endpoint.isPresent()) {
			b.s3(new S3Settings(URI.create(endpoint.get()), config.get("hub.s3.bucket").orElse("tiepoint"),
					config.get("hub.s3.region").orElse("us-east-1"), config.get("hub.s3.access.key").orElse(""),
					config.get("hub.s3.secret.key").orElse("")));
		}
		return b.build();
	}

	/** @return the embedded hub, when one was started */
	public synchronized Optional<Hub> embedded() {
		return Optional.ofNullable(embedded);
	}

	@Override
	public synchronized void close() {
		if (embedded != null) {
			embedded.close();
			embedded = null;
		}
	}
}
