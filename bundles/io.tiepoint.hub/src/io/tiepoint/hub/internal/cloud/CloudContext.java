/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.tiepoint.hub.spi.HubCloudContext;

/**
 * The context a cloud factory is given.
 *
 * @param id       the contribution's id
 * @param settings its settings, by key without the {@code cloud.<id>.} prefix
 * @param base     the hub's base URI, null until the hub listens
 * @param services hub services by type (the GridFS cloud's database), which a cloud started beside the database's
 *                 opening waits for
 */
public record CloudContext(String id, Map<String, String> settings, Supplier<URI> base,
		Supplier<Map<Class<?>, Object>> services) implements HubCloudContext {

	/** Copies the settings. */
	public CloudContext {
		settings = Map.copyOf(settings);
	}

	/**
	 * @param id       the contribution's id
	 * @param settings its settings
	 * @param base     the hub's base URI, null until the hub listens
	 * @param services hub services by type, known now
	 */
	public CloudContext(String id, Map<String, String> settings, Supplier<URI> base, Map<Class<?>, Object> services) {
		this(id, settings, base, constant(Map.copyOf(services)));
	}

	private static Supplier<Map<Class<?>, Object>> constant(Map<Class<?>, Object> services) {
		return () -> services;
	}

	@Override
	public URI baseUri() {
		URI uri = base.get();
		if (uri == null) {
			throw new IllegalStateException("the hub does not listen yet");
		}
		return uri;
	}

	@Override
	public <T> Optional<T> service(Class<T> type) {
		return Optional.ofNullable(services.get().get(type)).map(type::cast);
	}
}
