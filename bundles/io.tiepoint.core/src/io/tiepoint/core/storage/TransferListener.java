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

import java.util.Map;

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

	/**
	 * Asks for a fresh grant for the object being sent, when the one in {@link StorageObject#grant()} (temporary
	 * credentials the platform shares between the images of a project, see {@link PlatformBinding#expires()}) is about
	 * to expire or was refused as expired. The engine asks the platform again with the binding's mutation for the
	 * payload only (no image is registered), unless another transfer already renewed this grant: then that fresher
	 * grant is returned. The provider goes on with it (the upload is not restarted).
	 *
	 * @param stale the grant the provider holds (the object's, or a fresher one it was given since)
	 * @return a fresh grant with the same fields; may hold secrets, never shown or logged
	 * @throws StorageException {@code EXPIRED} when no fresh grant can be had here (the direct flow; a binding
	 *                          without an expiry field), or how asking the platform failed
	 */
	default Map<String, String> renewGrant(Map<String, String> stale) throws StorageException {
		throw new StorageException(StorageException.Kind.EXPIRED, "no fresh grant can be had for this transfer");
	}
}
