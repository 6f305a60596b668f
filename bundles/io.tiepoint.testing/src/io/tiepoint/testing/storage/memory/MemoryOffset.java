/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.storage.memory;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * Offset uploads of a {@link MemorySession}, shaped as the resumable uploads of the GridFS resource
 * service: create (the upload id is the resume token), then one request with the rest of the bytes, which
 * the store commits chunk by chunk ({@code chunk.size}) as they arrive. A resumed upload asks the store
 * how many bytes it holds and sends the rest; an upload the store completed is not sent again.
 */
final class MemoryOffset implements OffsetResumable {

	private final MemorySession session;

	MemoryOffset(MemorySession session) {
		this.session = session;
	}

	@Override
	public StoredObject upload(StorageObject object, String resumeToken, TransferListener listener,
			IProgressMonitor monitor) throws StorageException {
		Call call = session.call(object, monitor);
		call.canceled();
		MemoryUpload up;
		long held = 0;
		if (resumeToken == null) {
			call.enter(Request.CREATE);
			up = call.store.create(call.key, object, false);
			listener.resumeToken(up.id);
		} else {
			call.enter(Request.OFFSET);
			up = call.store.upload(call, resumeToken, false);
			held = call.store.held(up);
			if (held > 0) {
				listener.committed(held);
			}
			MemoryObject complete = call.store.completed(up);
			if (complete != null) {
				return MemorySession.stored(object.key(), complete);
			}
		}
		call.enter(Request.APPEND);
		long from = held;
		MemoryObject[] complete = new MemoryObject[1];
		call.body(object.name(), object.content(), from, object.size() - from, session.settings.chunkSize(), true,
				(at, bytes) -> {
					complete[0] = call.store.append(call, up, from + at, bytes);
					listener.committed(from + at + bytes.length);
				});
		if (complete[0] == null) {
			throw call.error(StorageException.Kind.INTEGRITY, "upload " + up.id + " is not complete after its last chunk");
		}
		return MemorySession.stored(object.key(), complete[0]);
	}
}
