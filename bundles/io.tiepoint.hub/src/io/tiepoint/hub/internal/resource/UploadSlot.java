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

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.tiepoint.exif.Digests;
import io.tiepoint.hub.internal.store.files.ChunkStore;

/**
 * The in-memory state of one upload, and its lock: the POST writing it and the md5 and sha1 of the bytes
 * committed so far (rebuilt from the chunks after a restart, or when the slot was dropped). Dropped when
 * the upload completes or expires.
 */
final class UploadSlot {

	/** One POST writing an upload. */
	static final class Writer {
		volatile long lastActivity = System.currentTimeMillis();
	}

	Writer writer;
	private long digestOffset = -1;
	private MessageDigest md5;
	private MessageDigest sha1;

	/** @param now epoch ms @param window ms @return whether a POST wrote within the window */
	boolean writing(long now, long window) {
		Writer w = writer;
		return w != null && now - w.lastActivity <= window;
	}

	/** Makes the digests cover the first {@code offset} bytes, reading the chunks when they do not. */
	void ensureDigest(ChunkStore store, String fileId, long offset) {
		if (md5 != null && digestOffset == offset) {
			return;
		}
		md5 = Digests.create("MD5");
		sha1 = Digests.create("SHA-1");
		try {
			store.digest(fileId, offset, md5, sha1);
		} catch (IOException e) {
			md5 = null;
			throw new ResourceException(500, e.getMessage());
		}
		digestOffset = offset;
	}

	/** Adds committed bytes. @param buf bytes @param len how many @param offset the offset after them */
	void update(byte[] buf, int len, long offset) {
		md5.update(buf, 0, len);
		sha1.update(buf, 0, len);
		digestOffset = offset;
	}

	/** @return the md5 and sha1 of the content, in hex; the digests start again */
	String[] finish() {
		String[] sums = { HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha1.digest()) };
		md5 = null;
		digestOffset = -1;
		return sums;
	}
}
