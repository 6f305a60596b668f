/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The embedded database's backend, made durable per command: H2's own auto-commit (every second, from a
 * background thread, possibly half-way through a command that writes a document and then its indexes) is
 * off, and the store is committed after each command, while no other command is half-way. A hub killed at
 * any moment reopens at the last answered command, with documents and indexes that agree; without this, a
 * SIGKILL lost up to a second of answered writes and could leave an index entry without its document.
 */
final class DurableH2Backend extends H2Backend {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

	/** @param file the store file */
	DurableH2Backend(String file) {
		super(new MVStore.Builder().fileName(file).autoCommitDisabled().open());
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		lock.readLock().lock();
		try {
			return super.handleMessage(message);
		} finally {
			lock.readLock().unlock();
			commitNow();
		}
	}

	private void commitNow() {
		lock.writeLock().lock();
		try {
			MVStore store = getMvStore();
			if (!store.isClosed() && store.hasUnsavedChanges()) {
				store.commit();
			}
		} finally {
			lock.writeLock().unlock();
		}
	}
}
