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
import java.nio.file.Path;

import io.tiepoint.hub.internal.auth.CredentialsFile;

/**
 * The hub's credentials in a data directory, for the {@code tiepoint hub token} command. Returned
 * values are secrets: show them only to the operator who asked.
 */
public final class HubCredentials {

	private final CredentialsFile file;

	private HubCredentials(CredentialsFile file) {
		this.file = file;
	}

	/**
	 * @param dataDir a hub data directory
	 * @return its credentials
	 * @throws IOException when the hub never ran there or the file is unreadable
	 */
	public static HubCredentials open(Path dataDir) throws IOException {
		return new HubCredentials(CredentialsFile.open(dataDir));
	}

	/** @return the app key */
	public String appKey() {
		return file.appKey();
	}

	/** @return the first user's token */
	public String userToken() {
		return file.firstUserToken();
	}

	/**
	 * @param name new user name, {@code [A-Za-z0-9._-]{1,64}}
	 * @return the new user's token
	 * @throws IOException when the file cannot be written
	 */
	public String addUser(String name) throws IOException {
		return file.addUser(name);
	}
}
