/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.spi;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** What the hub gives a {@link HubCloudFactory}. */
public interface HubCloudContext {

	/** @return the contribution's id, which the created cloud's {@link HubCloud#id()} must answer */
	String id();

	/**
	 * @return this cloud's settings: the hub configuration's {@code cloud.<id>.<key>} entries by {@code <key>};
	 *         empty when the hub has none for it
	 */
	Map<String, String> settings();

	/**
	 * @param key a setting's key, e.g. {@code bucket}
	 * @return its value
	 */
	default Optional<String> setting(String key) {
		return Optional.ofNullable(settings().get(key));
	}

	/**
	 * @return the hub's base URI, e.g. {@code http://127.0.0.1:8090/}, for URLs that point back at the hub
	 * @throws IllegalStateException before the hub listens: ask while serving, not in
	 *                               {@link HubCloudFactory#create(HubCloudContext)}
	 */
	URI baseUri();

	/**
	 * Hub services a built-in cloud may use (the GridFS cloud: the hub's own database). Their types are the hub's
	 * internal ones; other clouds get nothing.
	 *
	 * @param <T>  the service type
	 * @param type the service type
	 * @return the service, when the hub offers it
	 */
	<T> Optional<T> service(Class<T> type);
}
