/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.server;

import java.io.IOException;
import java.nio.file.Path;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubCredentials;
import io.tiepoint.hub.HubFactory;
import io.tiepoint.hub.internal.auth.CredentialsFile;

/** The hub's implementation of its API, declared in {@code META-INF/services/io.tiepoint.hub.HubFactory}. */
public final class HubServerFactory implements HubFactory {

	@Override
	public Hub start(HubConfig config) throws IOException {
		return HubServer.start(config);
	}

	@Override
	public HubCredentials.Store credentials(Path dataDir) throws IOException {
		return CredentialsFile.open(dataDir);
	}
}
