/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.embedded.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.RegistryFactory;
import org.osgi.service.component.annotations.Component;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.hub.EmbeddedHubs;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.S3Settings;

/**
 * The embedded hub, as a service of the core: the hub server of {@code io.tiepoint.hub} on loopback, on a
 * free port, with its data in the workspace and its reconstruction engines from the extension registry;
 * S3 storage when the workspace's settings name it ({@code hub.s3.endpoint}, {@code hub.s3.bucket},
 * {@code hub.s3.region}, {@code hub.s3.access.key}, {@code hub.s3.secret.key}); the engines' settings and the
 * default engine as {@link EngineSettings} reads them ({@code nodeodm.url}, {@code hub.engine}...); the other clouds' as
 * {@link CloudSettings} reads them ({@code hub.ID.KEY}, e.g. {@code hub.oss.sts.validity}). {@code hub.port} fixes its port (default: a
 * free
 * one) and {@code hub.public.url} the address its clients reach it at (e.g. through a proxy).
 */
@Component(service = EmbeddedHubs.class)
public final class EmbeddedHubsComponent implements EmbeddedHubs {

	@Override
	public EmbeddedHub start(Path dataDir, TiepointConfig config) throws IOException {
		Hub hub;
		try {
			hub = Hub.start(config(dataDir, config));
		} catch (IllegalArgumentException e) {
			throw new IOException("embedded hub: " + e.getMessage(), e);
		}
		HubEndpoint endpoint = new HubEndpoint(hub.uri(), hub.appKey(), hub.userToken());
		return new EmbeddedHub() {
			@Override
			public HubEndpoint endpoint() {
				return endpoint;
			}

			@Override
			public void close() {
				hub.close();
			}
		};
	}

	private static HubConfig config(Path dataDir, TiepointConfig config) {
		int port;
		try {
			port = config.getInt("hub.port", 0);
		} catch (io.tiepoint.core.config.ConfigException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		HubConfig.Builder b = HubConfig.builder(dataDir).host("127.0.0.1").port(port)
				.extensionRegistry(RegistryFactory.getRegistry());
		config.get("hub.public.url").filter(v -> !v.isBlank()).ifPresent(v -> b.publicUrl(URI.create(v.strip())));
		EngineSettings.apply(b, config, RegistryFactory.getRegistry());
		CloudSettings.apply(b, config, RegistryFactory.getRegistry());
		Optional<String> endpoint = config.get("hub.s3.endpoint");
		if (endpoint.isPresent()) {
			b.s3(new S3Settings(URI.create(endpoint.get()), config.get("hub.s3.bucket").orElse("tiepoint"),
					config.get("hub.s3.region").orElse("us-east-1"), config.get("hub.s3.access.key").orElse(""),
					config.get("hub.s3.secret.key").orElse("")));
		}
		return b.build();
	}
}
