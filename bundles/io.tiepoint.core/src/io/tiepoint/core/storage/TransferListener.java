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
 * What a provider tells the engine while it sends, so that the journal can record how to resume.
 * Calls come from the sending thread.
 */
public interface TransferListener {

	/** Ignores everything. */
	TransferListener NONE = new TransferListener() {
	};

	/**
	 * The destination now holds this many bytes durably (a part or chunk was acknowledged).
	 *
	 * @param offset committed bytes
	 */
	default void committed(long offset) {
	}

	/**
	 * A token from which a later session can resume (a multipart upload id, a resumable upload URL).
	 *
	 * @param token opaque to the engine; never a secret
	 */
	default void resumeToken(String token) {
	}
}
