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

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;

/** Downloads an object, resuming a partial local file with a ranged request. */
public interface RangedDownload {

	/**
	 * @param key     the key or file id
	 * @param to      the local file; when it exists, its length is the offset to resume from
	 * @param monitor cancellation
	 * @return the object as stored
	 * @throws StorageException when it fails
	 */
	StoredObject download(String key, Path to, IProgressMonitor monitor) throws StorageException;
}
