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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * Multipart uploads of a {@link MemorySession}, shaped as S3's: create (the upload id is the resume token),
 * parts of {@code part.size} bytes committed one by one, complete. A resumed upload lists the parts the store
 * holds and sends only the others (a listed part of another size is sent again): the store is asked, the
 * client's record is not trusted.
 */
final class MemoryMultipart implements MultipartPut {

	private final MemorySession session;

	MemoryMultipart(MemorySession session) {
		this.session = session;
	}

	@Override
	public long threshold() {
		return session.settings.threshold();
	}

	@Override
	public StoredObject upload(StorageObject object, String resumeToken, TransferListener listener,
			IProgressMonitor monitor) throws StorageException {
		Call call = session.call(object, monitor);
		call.canceled();
		List<Long> sizes = plan(object.size(), session.settings.partSize());
		MemoryUpload up;
		Set<Integer> done = new HashSet<>();
		if (resumeToken == null) {
			call.enter(Request.CREATE);
			up = call.store.create(call.key, object, true);
			listener.resumeToken(up.id);
		} else {
			call.enter(Request.LIST);
			up = call.store.upload(call, resumeToken, true);
			for (Map.Entry<Integer, Long> p : call.store.parts(up).entrySet()) {
				if (p.getKey() <= sizes.size() && p.getValue().equals(sizes.get(p.getKey() - 1))) {
					done.add(p.getKey());
				}
			}
		}
		long committed = contiguous(sizes, done);
		if (committed > 0) {
			listener.committed(committed);
		}
		long offset = 0;
		for (int n = 1; n <= sizes.size(); n++) {
			long size = sizes.get(n - 1);
			if (!done.contains(n)) {
				int number = n;
				call.enter(Request.PART);
				call.body(object.name(), object.content(), offset, size, Long.MAX_VALUE, n == sizes.size(),
						(at, bytes) -> call.store.part(call, up, number, bytes));
				done.add(n);
				long now = contiguous(sizes, done);
				if (now > committed) {
					committed = now;
					listener.committed(now);
				}
			}
			offset += size;
		}
		call.enter(Request.COMPLETE);
		MemoryObject o = call.store.complete(call, up, sizes);
		if (committed < o.size() || o.size() == 0) {
			listener.committed(o.size());
		}
		return MemorySession.stored(object.key(), o);
	}

	/** @return the sizes of the parts of an object (one empty part for an empty object) */
	static List<Long> plan(long size, long partSize) {
		List<Long> sizes = new ArrayList<>();
		for (long at = 0; at < size; at += partSize) {
			sizes.add(Math.min(partSize, size - at));
		}
		if (sizes.isEmpty()) {
			sizes.add(0L);
		}
		return sizes;
	}

	/** @return the bytes of the parts done without a gap from the first */
	private static long contiguous(List<Long> sizes, Set<Integer> done) {
		long bytes = 0;
		for (int n = 1; n <= sizes.size() && done.contains(n); n++) {
			bytes += sizes.get(n - 1);
		}
		return bytes;
	}
}
