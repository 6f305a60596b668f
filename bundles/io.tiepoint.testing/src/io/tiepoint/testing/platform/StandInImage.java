/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tiepoint.platform.RemoteImage;
import io.tiepoint.testing.storage.memory.MemoryObject;
import io.tiepoint.testing.storage.memory.MemoryStore;

/** An image of a {@link PlatformStandIn}; read and changed under the stand-in's lock only. */
final class StandInImage {

	static final String PENDING = "Pending";
	static final String UPLOADING = "Uploading";
	static final String UPLOADED = "Uploaded";
	static final String READY = "Ready";
	static final String INVALID = "Invalid";

	final String id;
	final String pid;
	final String name;
	final String filename;
	final String checksum;
	/** Where its bytes go: {@code pid/filename} in the cloud's store. */
	final String key;
	MemoryStore store;
	String state = PENDING;
	List<String> error = List.of();
	Instant uploadedAt;

	StandInImage(String id, String pid, String name, String checksum, MemoryStore store) {
		this.id = id;
		this.pid = pid;
		this.name = name;
		int dot = name.lastIndexOf('.');
		this.filename = id + "." + (dot < 0 ? "jpg" : name.substring(dot + 1).toLowerCase(Locale.ROOT));
		this.checksum = checksum;
		this.key = pid + "/" + filename;
		this.store = store;
	}

	/** @return whether its bytes are still awaited */
	boolean waiting() {
		return PENDING.equals(state) || UPLOADING.equals(state);
	}

	/** @return whether it is neither Ready nor Invalid */
	boolean open() {
		return waiting() || UPLOADED.equals(state);
	}

	/** @return whether verification refused it */
	boolean invalid() {
		return INVALID.equals(state);
	}

	/** Registered again: back to Pending, for another cloud maybe. */
	void reset(MemoryStore to) {
		store = to;
		state = PENDING;
		error = List.of();
		uploadedAt = null;
	}

	/**
	 * Verifies an Uploaded image as the hub does, from the stored bytes: Ready when their SHA-1 is the
	 * registered checksum, else Invalid with the reason.
	 *
	 * @param now   the time
	 * @param delay how long verification takes
	 * @param force verify now whatever the delay
	 */
	void settle(Instant now, Duration delay, boolean force) {
		if (!UPLOADED.equals(state) || !force && now.isBefore(uploadedAt.plus(delay))) {
			return;
		}
		Optional<MemoryObject> stored = store.object(key);
		if (stored.isEmpty()) {
			state = INVALID;
			error = List.of("the stored object " + key + " is gone");
		} else if (checksum != null && !checksum.startsWith("unknown-") && !checksum.equals(stored.get().contentSha1())) {
			state = INVALID;
			error = List.of("checksum mismatch: the stored bytes have SHA-1 " + stored.get().contentSha1()
					+ ", the image was registered with " + checksum);
		} else {
			state = READY;
			error = List.of();
		}
	}

	RemoteImage view() {
		return new RemoteImage(id, state, name, filename, checksum, error);
	}
}
