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
 * Sends an object in parts; resumes an earlier upload from its token, asking the destination which
 * parts it has (never trusting a local record of them).
 */
public interface MultipartPut {

	/** @return the size from which the engine prefers this capability over {@link SinglePut} */
	long threshold();

	/**
	 * @param object      what to send
	 * @param resumeToken the token an earlier attempt reported, or null to start anew
	 * @param listener    receives the new token at once, and the committed offset after each part
	 * @param monitor     cancellation
	 * @return what the destination now holds
	 * @throws StorageException when it fails ({@code NOT_FOUND} when the token is no longer known)
	 */
	StoredObject upload(StorageObject object, String resumeToken, TransferListener listener, IProgressMonitor monitor)
			throws StorageException;
}
