/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.UploadSession;
import io.tiepoint.hub.internal.store.files.UploadStore;

/**
 * What the pieces of the upload side share.
 *
 * @param uploads     the uploads
 * @param store       the chunks and files
 * @param slots       the uploads' in-memory state and locks
 * @param quota       the users' unfinished uploads
 * @param leaseMillis how long an upload stays reserved for its holder without progress
 */
record UploadParts(UploadStore uploads, ChunkStore store, UploadSlots slots, UploadQuota quota, long leaseMillis) {

	/** Under the slot's lock: the upload, or a 404 when it expired meanwhile. */
	UploadSession current(String key, String name) {
		UploadSession doc = uploads.find(key);
		if (doc == null) {
			throw new ResourceException(404, "the upload of " + name + " expired; start it again");
		}
		return doc;
	}

	/** @param length bytes @return how many chunks hold them */
	static int chunks(long length) {
		return (int) ((length + ChunkStore.CHUNK_SIZE - 1) / ChunkStore.CHUNK_SIZE);
	}
}
