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
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * Batched commits of a {@link MemorySession} on a store in commit mode ({@link MemoryStore#commitInBatches(int)}):
 * the handle is the offset upload's id; a commit makes each upload an object once, and says per object what
 * became of it (unknown or used handle: {@code NOT_FOUND}; expired: {@code EXPIRED}; bytes missing:
 * {@code INTEGRITY}). A batch larger than the store takes is refused as a whole, as Google refuses more than 50
 * media items a call.
 */
final class MemoryCommit implements BatchCommit {

	private final MemorySession session;
	private final MemoryStore store;

	MemoryCommit(MemorySession session, MemoryStore store) {
		this.session = session;
		this.store = store;
	}

	@Override
	public int batchSize() {
		return Math.max(1, store.commitBatch());
	}

	@Override
	public List<Outcome> commit(List<Pending> batch, IProgressMonitor monitor) throws StorageException {
		Call call = session.call("commit", "", monitor);
		call.enter(Request.COMMIT);
		if (batch.isEmpty() || batch.size() > batchSize()) {
			throw call.error(Kind.PERMANENT, "a commit takes 1 to " + batchSize() + " uploads, not " + batch.size());
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (Pending p : batch) {
			try {
				MemoryObject o = commit(call, call.key + p.object().key(), p.handle());
				outcomes.add(Outcome.of(MemorySession.stored(p.object().key(), o)));
			} catch (StorageException e) {
				outcomes.add(Outcome.failed(e));
			}
		}
		if (store.faults().answerLost(Request.COMMIT)) {
			throw call.error(Kind.TRANSIENT, "the answer to a commit of " + batch.size() + " was lost (injected)");
		}
		return outcomes;
	}

	/**
	 * Commits one upload whose bytes all arrived: it becomes an object, and the upload is gone (under the store's
	 * lock, as every change of its uploads).
	 *
	 * @throws StorageException NOT_FOUND for an unknown (or already committed) handle, EXPIRED once for an
	 *                          expired one, INTEGRITY for an upload still missing bytes or of another key
	 */
	private MemoryObject commit(Call call, String key, String handle) throws StorageException {
		synchronized (store) {
			MemoryUpload u = store.uploads().get(handle);
			if (u == null || u.multipart) {
				throw call.error(Kind.NOT_FOUND, "no upload " + handle + " to commit (committed already, or never"
						+ " completed)");
			}
			if (u.expired) {
				store.uploads().remove(handle);
				throw call.error(Kind.EXPIRED, "upload " + handle + " has expired: send the bytes again");
			}
			if (u.completed == null || !u.key.equals(key)) {
				throw call.error(Kind.INTEGRITY, "upload " + handle + " holds " + store.held(u) + " of " + u.size
						+ " bytes of " + u.key + "; it cannot be committed as " + key);
			}
			store.uploads().remove(handle);
			return store.store(u.completed);
		}
	}
}
