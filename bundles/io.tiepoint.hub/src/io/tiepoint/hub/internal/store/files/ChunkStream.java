/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.files;

import java.io.IOException;
import java.io.InputStream;

import org.bson.types.ObjectId;

import com.mongodb.MongoException;

/** The bytes {@code from..length-1} of a GridFS file, read chunk by chunk by exact key. */
final class ChunkStream extends InputStream {

	private final ChunkStore store;
	private final ObjectId fileId;
	private final long length;
	private int next;
	private long bufferStart;
	private byte[] buffer = new byte[0];
	private int offset;
	private long skip;

	ChunkStream(ChunkStore store, ObjectId fileId, long length, long from) {
		this.store = store;
		this.fileId = fileId;
		this.length = length;
		this.next = (int) (from / ChunkStore.CHUNK_SIZE);
		this.bufferStart = (long) next * ChunkStore.CHUNK_SIZE;
		this.skip = from % ChunkStore.CHUNK_SIZE;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		while (offset == buffer.length) {
			long nextStart = bufferStart + buffer.length;
			if (nextStart >= length) {
				return -1;
			}
			try {
				buffer = store.get(fileId, next);
			} catch (MongoException e) {
				throw new IOException("GridFS chunk " + next + " of " + fileId + " unreadable: " + e.getMessage(), e);
			}
			if (buffer == null || buffer.length == 0) {
				throw new IOException("GridFS chunk " + next + " of " + fileId + " is missing");
			}
			next++;
			bufferStart = nextStart;
			offset = (int) skip;
			skip = 0;
		}
		long left = length - (bufferStart + offset);
		if (left <= 0) {
			return -1;
		}
		int n = (int) Math.min(Math.min(len, buffer.length - offset), left);
		System.arraycopy(buffer, offset, b, off, n);
		offset += n;
		return n;
	}
}
