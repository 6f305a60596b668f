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
}
