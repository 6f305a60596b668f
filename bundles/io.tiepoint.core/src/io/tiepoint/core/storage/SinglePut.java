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

import org.eclipse.core.runtime.IProgressMonitor;

/** Sends a whole object in one request (to {@link StorageObject#url()} when the platform gave one). */
public interface SinglePut {

	/**
	 * @param object   what to send
	 * @param listener where to report
	 * @param monitor  cancellation
	 * @return what the destination now holds
	 * @throws StorageException when it fails
	 */
	StoredObject put(StorageObject object, TransferListener listener, IProgressMonitor monitor)
			throws StorageException;
}
