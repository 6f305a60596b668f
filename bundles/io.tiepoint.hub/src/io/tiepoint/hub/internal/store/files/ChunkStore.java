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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.tiepoint.exif.Digests;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.Ids;

/**
 * GridFS by hand: chunk documents {@code {files_id, n, data}} of the bucket {@link Database#GRIDFS_BUCKET},
 * each read and written by its exact key (mongo-java-server scans every chunk for range queries), and
 * the files document written last. Files are named by their GridFS id, 24 hex digits; an id that is not
 * one names no file. Database failures are {@link io.tiepoint.hub.internal.store.StoreException}s.
 */
public final class ChunkStore {

	/** Chunk size of every file the resource service writes (the GridFS default, 255 KiB). */
	public static final int CHUNK_SIZE = 255 * 1024;
	private final Database db;
	private final MongoCollection<Document> chunks;
	private final MongoCollection<Document> files;

	/** @param db the hub's database */
	public ChunkStore(Database db) {
		this.db = db;
		chunks = db.database().getCollection(Database.GRIDFS_BUCKET + ".chunks");
		files = db.database().getCollection(Database.GRIDFS_BUCKET + ".files");
		StoreFailures.run(() -> {
			chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
			files.createIndex(Indexes.ascending("filename", "uploadDate"));
		});
	}

	/** @return a new GridFS id, for a file about to be written */
	public static String newId() {
		return new ObjectId().toHexString();
	}

	/** @param id a string @return whether it is a GridFS id this store names files by */
	public static boolean validId(String id) {
		return Ids.parse(id) != null;
	}

	private static ObjectId oid(String id) {
		ObjectId o = Ids.parse(id);
		if (o == null) {
			throw new IllegalArgumentException("not a GridFS id: " + id);
		}
		return o;
	}

	/**
	 * Writes chunk {@code n} (replacing an earlier copy of it, e.g. one written before a crash).
	 *
	 * @param fileId the file @param n chunk number @param data bytes @param len how many
	 */
	public void put(String fileId, int n, byte[] data, int len) {
		StoreFailures.run(() -> put(oid(fileId), n, data, len));
	}

	private void put(ObjectId fileId, int n, byte[] data, int len) {
		byte[] copy = Arrays.copyOf(data, len);
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
	public void delete(String fileId, int count) {
		ObjectId id = oid(fileId);
		StoreFailures.run(() -> {
			for (int n = 0; n < count; n++) {
				chunks.deleteOne(new Document("files_id", id).append("n", n));
			}
		});
	}

	/**
	 * Feeds the first {@code length} bytes of a file's chunks into digests.
	 *
	 * @param fileId the file @param length bytes to read @param digests what to update
	 * @throws IOException when a chunk is missing or unreadable
	 */
	public void digest(String fileId, long length, MessageDigest... digests) throws IOException {
		ObjectId id = oid(fileId);
		long done = 0;
		for (int n = 0; done < length; n++) {
			int chunk = n;
			byte[] b = StoreFailures.call(() -> get(id, chunk));
			if (b == null) {
				throw new IOException("GridFS chunk " + n + " of " + id + " is missing");
			}
			int len = (int) Math.min(b.length, length - done);
			for (MessageDigest d : digests) {
				d.update(b, 0, len);
			}
			done += len;
		}
	}

	/** @param fileId a file @return its files document, or null when there is none */
	public StoredFile file(String fileId) {
		ObjectId id = Ids.parse(fileId);
		return id == null ? null : StoreFailures.call(() -> FileDocs.file(files.find(new Document("_id", id)).first()));
	}

	/** @param user a user @return the files whose {@code metadata.user} is theirs */
	public List<StoredFile> filesOf(String user) {
		return StoreFailures.call(() -> {
			List<StoredFile> out = new ArrayList<>();
			for (Document d : files.find(Filters.eq("metadata.user", user))) {
				out.add(FileDocs.file(d));
			}
			return out;
		});
	}

	/**
	 * Writes the files document, last (idempotent).
	 *
	 * @param fileId the file @param length bytes @param filename its name @param metadata md5, sha1, user...
	 */
	public void writeFile(String fileId, long length, String filename, FileMeta metadata) {
		StoreFailures.run(() -> writeFile(oid(fileId), length, filename, FileDocs.meta(metadata)));
	}

	private void writeFile(ObjectId fileId, long length, String filename, Document metadata) {
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
	 * @param bytes content @param filename name @param metadata its metadata ({@code md5} and {@code sha1}
	 *              are added) @return the file id
	 */
	public String store(byte[] bytes, String filename, FileMeta metadata) {
		return StoreFailures.call(() -> {
			ObjectId id = new ObjectId();
			int n = 0;
			for (int off = 0; off < bytes.length; off += CHUNK_SIZE, n++) {
				int len = Math.min(CHUNK_SIZE, bytes.length - off);
				put(id, n, Arrays.copyOfRange(bytes, off, off + len), len);
			}
			Document meta = FileDocs.meta(metadata).append("md5", hex("MD5", bytes)).append("sha1", hex("SHA-1", bytes));
			writeFile(id, bytes.length, filename, meta);
			return id.toHexString();
		});
	}

	/**
	 * Stores a local file as a complete new file, chunk by chunk (a conversion's output).
	 *
	 * @param file     the content
	 * @param filename its name in the store
	 * @param metadata its metadata ({@code md5} and {@code sha1} are added)
	 * @return the file id
	 * @throws IOException when the file cannot be read
	 */
	public String store(Path file, String filename, FileMeta metadata) throws IOException {
		ObjectId id = new ObjectId();
		MessageDigest md5 = Digests.create("MD5");
		MessageDigest sha1 = Digests.create("SHA-1");
		long length = 0;
		int n = 0;
		try (InputStream in = Files.newInputStream(file)) {
			for (byte[] chunk; (chunk = in.readNBytes(CHUNK_SIZE)).length > 0; n++) {
				md5.update(chunk);
				sha1.update(chunk);
				put(id.toHexString(), n, chunk, chunk.length);
				length += chunk.length;
			}
		} catch (IOException | RuntimeException e) {
			delete(id.toHexString(), n + 1);
			throw e;
		}
		Document meta = FileDocs.meta(metadata).append("md5", HexFormat.of().formatHex(md5.digest()))
				.append("sha1", HexFormat.of().formatHex(sha1.digest()));
		long total = length;
		StoreFailures.run(() -> writeFile(id, total, filename, meta));
		return id.toHexString();
	}

	private static String hex(String algorithm, byte[] bytes) {
		return HexFormat.of().formatHex(Digests.create(algorithm).digest(bytes));
	}

	/**
	 * @param fileId the file @param length its length @param from first byte
	 * @return a stream of bytes {@code from..length-1}; a chunk missing or unreadable is an IOException
	 */
	public InputStream open(String fileId, long length, long from) {
		return new ChunkStream(this, oid(fileId), length, from);
	}

	/**
	 * Deletes a file, its files document and its chunks, as GridFS does.
	 *
	 * @param fileId the file
	 * @throws io.tiepoint.hub.internal.store.StoreException also when there is no such file
	 */
	public void deleteFile(String fileId) {
		StoreFailures.run(() -> db.gridFs().delete(oid(fileId)));
	}
}
