/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.net.URI;

/**
 * A storage provider: a factory of sessions, contributed to the extension point
 * {@code io.tiepoint.core.storageProviders}. Implementations have a public no-argument constructor.
 * No SDK type appears in this interface or in any capability.
 */
public interface StorageProvider {

	/**
	 * Opens a session. Providers check the target here (missing bucket, missing credentials) and
	 * fail with {@link StorageException.Kind#PERMANENT} naming what is missing.
	 *
	 * @param target where to send
	 * @return the session, closed by the caller
	 * @throws StorageException when the target is unusable
	 */
	StorageSession open(StorageTarget target) throws StorageException;

	/**
	 * Turns a destination of the direct flow (the user's own bucket or server, one of the schemes the
	 * provider's extension declares) into a target. The provider parses its own URI and reads credentials
	 * from the settings, under the keys its extension declares. A URI with a secret in it (user info, a
	 * signature, a key in the query) is refused: secrets belong in settings, not in command lines, journals
	 * or logs.
	 *
	 * @param destination e.g. {@code s3://bucket/prefix}
	 * @param settings    the settings to read endpoints and credentials from
	 * @return the target; its {@link StorageTarget#toString()} shows no secret
	 * @throws StorageException {@code PERMANENT} naming what is wrong or missing (which setting, which
	 *                          environment variable)
	 */
	default StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		throw new StorageException(StorageException.Kind.PERMANENT,
				destination.getScheme() + "://: this provider only serves the platform flow (through a hub)");
	}
}
