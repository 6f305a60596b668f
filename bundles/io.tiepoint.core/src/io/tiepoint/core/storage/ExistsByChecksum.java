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

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

/** Finds an object the destination already holds with the same content. */
public interface ExistsByChecksum {

	/**
	 * @param object  what would be sent (its key, sha1 and md5 are used)
	 * @param monitor cancellation
	 * @return the stored object when its checksum matches, empty otherwise
	 * @throws StorageException when the destination cannot be asked
	 */
	Optional<StoredObject> find(StorageObject object, IProgressMonitor monitor) throws StorageException;
}
