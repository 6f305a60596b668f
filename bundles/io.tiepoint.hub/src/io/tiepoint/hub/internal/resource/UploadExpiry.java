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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.UploadSession;

/**
 * Deletes the unfinished uploads that made no progress for the hub's upload expiry: their chunks (by
 * exact key), their document, their slot, and their count in the user's quota. Runs from the hub's
 * sweeper, at most every tenth of the expiry.
 */
final class UploadExpiry {

	private static final HubLog LOG = HubLog.of(UploadExpiry.class);
	private final UploadParts parts;
	private final long expiryMillis;
	private volatile long next;

	UploadExpiry(UploadParts parts, Duration expiry) {
		this.parts = parts;
		this.expiryMillis = expiry.toMillis();
	}

	/** @return how many uploads were deleted */
	int run() {
		long now = System.currentTimeMillis();
		if (now < next) {
			return 0;
		}
		next = now + Math.clamp(expiryMillis / 10, 100, 600_000);
		List<String> stale = new ArrayList<>();
		for (UploadSession d : parts.uploads().open()) {
			if (now - d.lastProgress() >= expiryMillis) {
				stale.add(d.key());
			}
		}
		int expired = 0;
		for (String key : stale) {
			expired += parts.slots().locked(key, slot -> {
				UploadSession d = parts.uploads().find(key);
				if (d == null || !UploadSession.OPEN.equals(d.state()) || now - d.lastProgress() < expiryMillis
						|| slot.writing(now, expiryMillis)) {
					return 0;
				}
				parts.store().delete(d.fileId(), (int) (d.offset() / ChunkStore.CHUNK_SIZE) + 1);
				parts.uploads().delete(key);
				parts.slots().drop(key, slot);
				parts.quota().release(d.user());
				return 1;
			});
		}
		if (expired > 0) {
			LOG.info("deleted " + expired + " unfinished upload(s) without progress for "
					+ Duration.ofMillis(expiryMillis).toString().substring(2).toLowerCase(Locale.ROOT));
		}
		return expired;
	}
}
