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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link UploadSlot}s of the uploads in progress, one per upload: made on demand, dropped when the
 * upload completes or expires, so that the map holds at most the unfinished uploads.
 */
final class UploadSlots {

	private final Map<String, UploadSlot> slots = new ConcurrentHashMap<>();

	/**
	 * Runs an action under the lock of an upload's slot, the one in the map for as long as the action runs
	 * (a slot dropped meanwhile is not used).
	 *
	 * @param key    the upload
	 * @param action what to do
	 * @return what it returns
	 */
	<T> T locked(String key, Function<UploadSlot, T> action) {
		for (;;) {
			UploadSlot s = slots.computeIfAbsent(key, k -> new UploadSlot());
			synchronized (s) {
				if (slots.get(key) == s) {
					return action.apply(s);
				}
			}
		}
	}

	/**
	 * Under the slot's lock: forgets it. A POST still writing with it fails at its next chunk.
	 *
	 * @param key the upload @param slot its slot
	 */
	void drop(String key, UploadSlot slot) {
		synchronized (slot) {
			slot.writer = null;
			slot.notifyAll();
		}
		slots.remove(key, slot);
	}

	/** @return slots held */
	int size() {
		return slots.size();
	}
}
