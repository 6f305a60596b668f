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

/**
 * Resumable uploads by offset: the destination says how many bytes it holds, the client sends the
 * rest (the GridFS resource service of seed 003).
 */
public interface OffsetResumable {

	/**
	 * Sends what the destination does not hold yet: asks it for its offset first, skips the object
	 * when it is complete.
	 *
	 * @param object      what to send
	 * @param resumeToken the token an earlier attempt reported, or null
	 * @param listener    receives the token and the committed offset
	 * @param monitor     cancellation
	 * @return what the destination now holds
	 * @throws StorageException when it fails
	 */
	StoredObject upload(StorageObject object, String resumeToken, TransferListener listener, IProgressMonitor monitor)
			throws StorageException;
}
