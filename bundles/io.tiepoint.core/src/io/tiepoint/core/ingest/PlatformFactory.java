/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.time.Duration;

import io.tiepoint.core.storage.SchemeClients;
import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformClient;

/** Opens the platform API of a hub: over GraphQL by default, a stand-in in tests. */
@FunctionalInterface
public interface PlatformFactory {

	/** The platform's GraphQL API over HTTP (without loading the JVM's trust store for a plain http hub). */
	PlatformFactory GRAPHQL = (endpoint, timeout) -> new PlatformClient(endpoint.uri(), endpoint.key(), endpoint.token(),
			timeout, SchemeClients.forBase(endpoint.uri(), PlatformClient.httpSettings()));

	/**
	 * @param endpoint the hub, its app key and user token
	 * @param timeout  how long one call may go without an answer
	 * @return the API, closed by the caller
	 */
	PlatformApi open(HubEndpoint endpoint, Duration timeout);
}
