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
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import io.tiepoint.hub.internal.store.files.ChunkStore;

/**
 * The body of an upload's POST, cut into chunks as it arrives: each whole chunk is written, then the
 * upload's offset, then the running digests, all under the slot's lock and only while the POST is still
 * the upload's writer.
 */
final class UploadBody {

	/** The body could not be read to its end: the client went away, or the hub stops. */
	static final class BrokenOff extends IOException {
		private static final long serialVersionUID = 1L;

		BrokenOff(String message, IOException cause) {
			super(message, cause);
		}
	}

	private final UploadParts parts;
	private final AtomicLong received = new AtomicLong();

	UploadBody(UploadParts parts) {
		this.parts = parts;
	}

	/** @return body bytes received since the start */
	long received() {
		return received.get();
	}

	/**
	 * @param slot          the upload's slot, whose writer is {@code w}
	 * @param w             this POST
	 * @param key           the upload
	 * @param name          its file name, for messages
	 * @param fileId        its GridFS file
	 * @param start         the offset the body starts at
	 * @param contentLength the body's length
	 * @param body          the body
	 * @return the offset after the last chunk
	 * @throws IOException when the body breaks off (the committed chunks stay)
	 */
	long read(UploadSlot slot, UploadSlot.Writer w, String key, String name, String fileId, long start,
			long contentLength, InputStream body) throws IOException {
		byte[] buf = new byte[ChunkStore.CHUNK_SIZE];
		int fill = 0;
		long got = 0;
		long committed = start;
		int n = (int) (start / ChunkStore.CHUNK_SIZE);
		try {
			while (got < contentLength) {
				int r = body.read(buf, fill, (int) Math.min(buf.length - fill, contentLength - got));
				if (r < 0) {
					break;
				}
				fill += r;
				got += r;
				received.addAndGet(r);
				w.lastActivity = System.currentTimeMillis();
				if (fill == buf.length) {
					committed += fill;
					commit(slot, w, key, name, fileId, n++, buf, fill, committed);
					fill = 0;
				}
			}
		} catch (IOException e) {
			release(slot, w);
			throw new BrokenOff("upload of " + name + ": the body broke off after " + got + " of " + contentLength
					+ " bytes; resume from offset " + committed, e);
		}
		if (got < contentLength) {
			release(slot, w);
			throw new ResourceException(400, "upload of " + name + ": the body ended after " + got + " of "
					+ contentLength + " bytes; resume from offset " + committed);
		}
		if (fill > 0) {
			committed += fill;
			commit(slot, w, key, name, fileId, n, buf, fill, committed);
		}
		return committed;
	}

	private void commit(UploadSlot slot, UploadSlot.Writer w, String key, String name, String fileId, int n,
			byte[] buf, int len, long offset) {
		synchronized (slot) {
			if (slot.writer != w) {
				throw new ResourceException(409, "upload of " + name + " was taken over by another client, or expired");
			}
			parts.store().put(fileId, n, buf, len);
			long now = System.currentTimeMillis();
			parts.uploads().progress(key, offset, now + parts.leaseMillis(), now);
			slot.update(buf, len, offset);
		}
	}

	/** Drops the POST as the slot's writer, if it still is. */
	static void release(UploadSlot slot, UploadSlot.Writer w) {
		synchronized (slot) {
			if (slot.writer == w) {
				slot.writer = null;
				slot.notifyAll(); // a GetUploadState of the holder may wait for it (UploadStates)
			}
		}
	}
}
