/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.aliyun.oss.common.utils.CRC64;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.tiepoint.exif.Digests;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.Ids;
import io.tiepoint.hub.internal.store.StoreException;

/**
 * The OSS gateway's bytes in the hub's database, in GridFS's layout (bucket {@code oss}: {@code oss.files},
 * {@code oss.chunks} of 255 KiB), written as the body streams in, four chunks a command, and read chunk by chunk by exact
 * {@code (files_id, n)} (the embedded MongoDB scans every chunk for GridFS's own range query). A file's document is
 * written last, so a body cut off leaves only chunks, which {@link #discard} removes. A failure of the database is a
 * {@link StoreException}.
 */
public final class Chunks {

	/** The chunks' size. */
	public static final int CHUNK = 255 * 1024;
	/** Chunks a command writes: the hub's database commits after every command, once a MiB rather than a chunk. */
	private static final int BATCH = 4;
	private final MongoCollection<Document> chunks;
	private final MongoCollection<Document> files;

	Chunks(Database db) {
		chunks = db.collection("oss.chunks");
		files = db.collection("oss.files");
		try {
			chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
		} catch (MongoException e) {
			throw failed("cannot index the gateway's chunks", e);
		}
	}

	static StoreException failed(String what, MongoException e) {
		return new StoreException("the OSS gateway's store: " + what + ": " + e.getMessage(), e);
	}

	/**
	 * Streams a body into a new file.
	 *
	 * @param in       the body
	 * @param expected its declared length, or -1
	 * @param max      the largest body taken
	 * @param name     the file's name ({@code BUCKET/KEY})
	 * @return the file
	 * @throws BodyRefused when the body ends before its declared length, or goes past {@code max}
	 * @throws IOException when the body cannot be read
	 */
	public ChunkedFile write(InputStream in, long expected, long max, String name) throws BodyRefused, IOException {
		ObjectId id = new ObjectId();
		MessageDigest md5 = Digests.md5();
		CRC64 crc = new CRC64();
		byte[] buf = new byte[CHUNK];
		List<Document> pending = new ArrayList<>(BATCH);
		long size = 0;
		int n = 0;
		try {
			while (true) {
				int filled = in.readNBytes(buf, 0, CHUNK);
				if (filled > 0) {
					if (size + filled > max) {
						throw new BodyRefused(true, size + filled, expected);
					}
					md5.update(buf, 0, filled);
					crc.update(buf, 0, filled);
					pending.add(new Document("files_id", id).append("n", n++).append("data",
							new Binary(Arrays.copyOf(buf, filled))));
					size += filled;
					if (pending.size() == BATCH) {
						chunks.insertMany(pending);
						pending.clear();
					}
				}
				if (filled < CHUNK) {
					break;
				}
			}
			if (!pending.isEmpty()) {
				chunks.insertMany(pending);
			}
			if (expected >= 0 && size != expected) {
				throw new BodyRefused(false, size, expected);
			}
			files.insertOne(new Document("_id", id).append("length", size).append("chunkSize", CHUNK)
					.append("uploadDate", new Date()).append("filename", name));
		} catch (MongoException e) {
			discard(id, size + CHUNK);
			throw failed("cannot write " + name, e);
		} catch (BodyRefused | IOException | RuntimeException e) {
			discard(id, size + CHUNK);
			throw e;
		}
		return new ChunkedFile(id.toHexString(), size, md5.digest(), crc.getValue());
	}

	/** Removes a file's chunks and document. @param id the file @param size its length (or more) */
	public void discard(String id, long size) {
		ObjectId oid = Ids.parse(id);
		if (oid != null) {
			discard(oid, size);
		}
	}

	private void discard(ObjectId id, long size) {
		try {
			for (int n = 0; (long) n * CHUNK < Math.max(size, 1); n++) {
				chunks.deleteOne(new Document("files_id", id).append("n", n));
			}
			files.deleteOne(new Document("_id", id));
		} catch (MongoException e) {
			throw failed("cannot remove file " + id, e);
		}
	}

	/**
	 * @param id   a file
	 * @param size its length
	 * @param from the first byte
	 * @param to   one past the last byte
	 * @return its bytes {@code from..to-1}; a read the database fails throws a {@link StoreException}
	 */
	public InputStream open(String id, long size, long from, long to) {
		ObjectId oid = Ids.parse(id);
		return new InputStream() {
			private long pos = from;
			private byte[] chunk;
			private int index = -1;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (pos >= Math.min(to, size)) {
					return -1;
				}
				int want = (int) (pos / CHUNK);
				if (want != index) {
					Document d;
					try {
						d = oid == null ? null : chunks.find(new Document("files_id", oid).append("n", want)).first();
					} catch (MongoException e) {
						throw failed("cannot read chunk " + want + " of " + id, e);
					}
					if (d == null) {
						throw new IOException("chunk " + want + " of " + id + " is missing");
					}
					chunk = d.get("data", Binary.class).getData();
					index = want;
				}
				int at = (int) (pos - (long) want * CHUNK);
				int k = (int) Math.min(Math.min(len, chunk.length - at), Math.min(to, size) - pos);
				if (k <= 0) {
					throw new IOException("chunk " + want + " of " + id + " is short");
				}
				System.arraycopy(chunk, at, b, off, k);
				pos += k;
				return k;
			}
		};
	}
}
