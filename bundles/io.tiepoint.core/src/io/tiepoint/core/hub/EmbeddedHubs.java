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
import java.nio.file.Path;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.HubEndpoint;

/**
 * Starts a hub inside this process, with its data in a folder of the workspace: the default platform of the
 * workbench and the command line. An OSGi service (the bundle {@code io.tiepoint.hub.embedded} provides
 * it), so that the fronts need no hub server code: without it only hubs given by URL can be used.
 */
public interface EmbeddedHubs {

	/** A running embedded hub. */
	interface EmbeddedHub extends AutoCloseable {
		/** @return where it listens (loopback), its app key and the user token */
		HubEndpoint endpoint();

		/** Stops it; its data stays. */
		@Override
		void close();
	}

	/**
	 * @param dataDir the hub's data folder (created when missing)
	 * @param config  the workspace's settings ({@code hub.*})
	 * @return the started hub
	 * @throws IOException when it cannot start (the folder is used by another process, say)
	 */
	EmbeddedHub start(Path dataDir, TiepointConfig config) throws IOException;
}
