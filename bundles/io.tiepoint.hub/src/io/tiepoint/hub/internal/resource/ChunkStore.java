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
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.tiepoint.hub.internal.store.Database;

/**
 * GridFS by hand: chunk documents {@code {files_id, n, data}} of the bucket {@link Database#GRIDFS_BUCKET},
 * each read and written by its exact key (mongo-java-server scans every chunk for range queries), and
 * the files document written last.
 */
public final class ChunkStore {

	/** Chunk size of every file the resource service writes (the GridFS default, 255 KiB). */
	public static final int CHUNK_SIZE = 255 * 1024;
	private final MongoCollection<Document> chunks;
	private final MongoCollection<Document> files;

	/** @param db the hub's database */
	public ChunkStore(MongoDatabase db) {
		chunks = db.getCollection(Database.GRIDFS_BUCKET + ".chunks");
		files = db.getCollection(Database.GRIDFS_BUCKET + ".files");
		chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
		files.createIndex(Indexes.ascending("filename", "uploadDate"));
	}

	/** @return the files collection */
	MongoCollection<Document> files() {
		return files;
	}

	/**
	 * Writes chunk {@code n} (replacing an earlier copy of it, e.g. one written before a crash).
	 *
	 * @param fileId the file @param n chunk number @param data bytes @param len how many
	 */
	void put(ObjectId fileId, int n, byte[] data, int len) {
		byte[] copy = java.util.Arrays.copyOf(data, len);
		try {
			chunks.insertOne(new Document("files_id", fileId).append("n", n).append("data", new Binary(copy)));
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
			chunks.replaceOne(new Document("files_id", fileId).append("n", n),
					new Document("files_id", fileId).append("n", n).append("data", new Binary(copy)));
		}
	}

	/** @param fileId the file @param n chunk number @return its bytes, or null when absent */
	byte[] get(ObjectId fileId, int n) {
		Document d = chunks.find(new Document("files_id", fileId).append("n", n)).first();
		return d == null ? null : d.get("data", Binary.class).getData();
	}

	/** Deletes chunks {@code 0..count-1} by exact key. @param fileId the file @param count chunks */
	void delete(ObjectId fileId, int count) {
		for (int n = 0; n < count; n++) {
			chunks.deleteOne(new Document("files_id", fileId).append("n", n));
		}
	}

	/**
	 * Feeds the first {@code length} bytes of a file's chunks into digests.
	 *
	 * @param fileId the file @param length bytes to read @param digests what to update
	 * @throws IOException when a chunk is missing
	 */
	void digest(ObjectId fileId, long length, MessageDigest... digests) throws IOException {
		long done = 0;
		for (int n = 0; done < length; n++) {
			byte[] b = get(fileId, n);
			if (b == null) {
				throw new IOException("GridFS chunk " + n + " of " + fileId + " is missing");
			}
			int len = (int) Math.min(b.length, length - done);
			for (MessageDigest d : digests) {
				d.update(b, 0, len);
			}
			done += len;
		}
	}

	/** @param fileId a file @return its files document, or null */
	Document file(ObjectId fileId) {
		return files.find(new Document("_id", fileId)).first();
	}

	/**
	 * Writes the files document, last (idempotent).
	 *
	 * @param fileId the file @param length bytes @param filename its name @param metadata md5, sha1,
	 *               user...
	 */
	void writeFile(ObjectId fileId, long length, String filename, Document metadata) {
		Document d = new Document("_id", fileId).append("length", length).append("chunkSize", CHUNK_SIZE)
				.append("uploadDate", new Date()).append("filename", filename).append("metadata", metadata);
		try {
			files.insertOne(d);
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
		}
	}

	/**
	 * Stores bytes as a complete new file.
	 *
	 * @param bytes content @param filename name @param metadata extra metadata ({@code md5} and
	 *              {@code sha1} are added) @return the file id
	 */
	ObjectId store(byte[] bytes, String filename, Document metadata) {
		ObjectId id = new ObjectId();
		int n = 0;
		for (int off = 0; off < bytes.length; off += CHUNK_SIZE, n++) {
			int len = Math.min(CHUNK_SIZE, bytes.length - off);
			put(id, n, java.util.Arrays.copyOfRange(bytes, off, off + len), len);
		}
		metadata.append("md5", hex("MD5", bytes)).append("sha1", hex("SHA-1", bytes));
		writeFile(id, bytes.length, filename, metadata);
		return id;
	}

	/**
	 * Stores a local file as a complete new file, chunk by chunk (a conversion's output).
	 *
	 * @param file     the content
	 * @param filename its name in the store
	 * @param metadata extra metadata ({@code md5} and {@code sha1} are added)
	 * @return the file id
	 * @throws IOException when the file cannot be read
	 */
	ObjectId store(java.nio.file.Path file, String filename, Document metadata) throws IOException {
		ObjectId id = new ObjectId();
		MessageDigest md5;
		MessageDigest sha1;
		try {
			md5 = MessageDigest.getInstance("MD5");
			sha1 = MessageDigest.getInstance("SHA-1");
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		long length = 0;
		int n = 0;
		try (InputStream in = java.nio.file.Files.newInputStream(file)) {
			for (byte[] chunk; (chunk = in.readNBytes(CHUNK_SIZE)).length > 0; n++) {
				md5.update(chunk);
				sha1.update(chunk);
				put(id, n, chunk, chunk.length);
				length += chunk.length;
			}
		} catch (IOException | RuntimeException e) {
			delete(id, n + 1);
			throw e;
		}
		metadata.append("md5", HexFormat.of().formatHex(md5.digest())).append("sha1", HexFormat.of().formatHex(sha1.digest()));
		writeFile(id, length, filename, metadata);
		return id;
	}

	private static String hex(String algorithm, byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * @param fileId the file @param length its length @param from first byte @return a stream of
	 *               bytes {@code from..length-1}
	 */
	public InputStream open(ObjectId fileId, long length, long from) {
		return new InputStream() {
			private int next = (int) (from / CHUNK_SIZE);
			private long bufferStart = (long) next * CHUNK_SIZE;
			private byte[] buffer = new byte[0];
			private int offset;
			private long skip = from % CHUNK_SIZE;

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
						buffer = get(fileId, next);
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
		};
	}
}
