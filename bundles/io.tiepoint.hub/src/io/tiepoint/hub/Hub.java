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

/**
 * A running hub: the Altizure-style GraphQL API at {@code uri()/graphql}, backed by MongoDB and the
 * configured clouds. The same hub runs standalone ({@code tiepoint hub}) and in-process on loopback.
 * <p>
 * Usage: {@code try (Hub hub = Hub.start(config)) { ... hub.uri() ... }}.
 */
public interface Hub extends AutoCloseable {

	/**
	 * Starts a hub: opens (or creates) its data directory, its database and its HTTP endpoint.
	 *
	 * @param config what to run
	 * @return the running hub, to be closed by the caller
	 * @throws IOException when the data directory, the database or the port cannot be opened
	 */
	static Hub start(HubConfig config) throws IOException {
		return HubFactory.get().start(config);
	}

	/** @return the base URI, e.g. {@code http://127.0.0.1:41234/}; GraphQL is at {@code graphql} below it */
	java.net.URI uri();

	/** @return the app key every call must send in the {@code key} header */
	String appKey();

	/** @return the package name registered for the app key, which the resource service's callers send as {@code PackageName} */
	String packageName();

	/** @return the token of the first user (sent in the {@code altitoken} header), null when it was revoked */
	String userToken();

	/**
	 * Adds an engine next to those contributed through the extension point (tests, embedding).
	 *
	 * @param engine the engine; its {@link ReconstructionEngine#taskTypes()} decide what it runs
	 */
	void registerEngine(ReconstructionEngine engine);

	/** @return counters and shortcuts for tests and benchmarks ({@link HubDiagnostics}: not for clients) */
	HubDiagnostics diagnostics();

	/** Stops accepting calls, waits briefly for running work and closes the database. */
	@Override
	void close();
}
