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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many unfinished uploads each user holds, counted in memory (from the database once, at the start)
 * so that starting an upload costs no query: a user at the limit is refused a new one until one
 * completes or expires.
 */
final class UploadQuota {

	private final int max;
	private final Duration expiry;
	private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

	/**
	 * @param max    unfinished uploads per user
	 * @param expiry after how long without progress they are dropped (for the message)
	 * @param users  the user of each unfinished upload at the start
	 */
	UploadQuota(int max, Duration expiry, List<String> users) {
		this.max = max;
		this.expiry = expiry;
		for (String user : users) {
			if (user != null) {
				open.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
			}
		}
	}

	/** Counts a new unfinished upload. @param user its user (null: not counted) */
	void reserve(String user) {
		if (user == null) {
			return;
		}
		AtomicInteger n = open.computeIfAbsent(user, u -> new AtomicInteger());
		if (n.incrementAndGet() > max) {
			n.decrementAndGet();
			throw new ResourceException(429, "user " + user + " holds " + max + " unfinished uploads, this hub's limit;"
					+ " finish them, or start this one after those without progress expire (after "
					+ expiry.toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ")");
		}
	}

	/** Uncounts an upload that completed, expired or was never made. @param user its user (null: none) */
	void release(String user) {
		AtomicInteger n = user == null ? null : open.get(user);
		if (n != null) {
			n.updateAndGet(v -> Math.max(0, v - 1));
		}
	}
}
