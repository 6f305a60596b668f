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

import java.io.IOException;

/**
 * Turns a project's hub setting ({@code embedded} or a URL) into an endpoint with credentials. The
 * fronts provide it: the embedded hub runs in their process.
 */
@FunctionalInterface
public interface HubConnector {

	/**
	 * @param hub {@code embedded} or a base URL
	 * @return the endpoint
	 * @throws IOException when the hub cannot be started or reached, or no credentials are known
	 */
	HubEndpoint connect(String hub) throws IOException;

	/**
	 * Connects on a thread of its own, so that a hub that takes a while to start (the embedded one: a second on
	 * a cold JVM) starts while the caller goes on; the caller's own {@link #connect} then waits for it, and
	 * reports a failure (this one is dropped).
	 *
	 * @param hub {@code embedded} or a base URL
	 */
	default void warm(String hub) {
		Thread t = new Thread(() -> {
			try {
				connect(hub);
			} catch (IOException | RuntimeException e) {
				// the caller connects again and reports the failure
			}
		}, "tiepoint-hub-start");
		t.setDaemon(true);
		t.start();
	}
}
