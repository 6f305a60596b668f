/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.io.InputStream;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;

/**
 * Reads a GridFS file chunk by chunk, each by its exact key {@code {files_id, n}}. The embedded
 * mongo-java-server only uses the unique chunk index for exact matches; the driver's download stream
 * queries {@code n >= k}, which scans every chunk of the bucket.
 */
final class GridFsChunkStream extends InputStream {

	private final MongoCollection<Document> chunks;
	private final ObjectId fileId;
	private final long length;
	private long position;
	private int nextChunk;
	private byte[] buffer = new byte[0];
	private int offset;

	GridFsChunkStream(MongoCollection<Document> chunks, ObjectId fileId, long length) {
		this.chunks = chunks;
		this.fileId = fileId;
		this.length = length;
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
		if (offset == buffer.length && !fill()) {
			return -1;
		}
		int n = Math.min(len, buffer.length - offset);
		System.arraycopy(buffer, offset, b, off, n);
		offset += n;
		position += n;
		return n;
	}

	private boolean fill() throws IOException {
		if (position >= length) {
			return false;
		}
		Document chunk;
		try {
			chunk = chunks.find(new Document("files_id", fileId).append("n", nextChunk)).first();
		} catch (MongoException e) {
			throw new IOException("GridFS chunk " + nextChunk + " of " + fileId + " unreadable: " + e.getMessage(), e);
		}
		if (chunk == null) {
			throw new IOException("GridFS chunk " + nextChunk + " of " + fileId + " is missing");
		}
		buffer = chunk.get("data", Binary.class).getData();
		offset = 0;
		nextChunk++;
		if (buffer.length == 0) {
			throw new IOException("GridFS chunk " + (nextChunk - 1) + " of " + fileId + " is empty");
		}
		return true;
	}
}
