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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import io.tiepoint.exif.Digests;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.store.Database;

/**
 * Resumable uploads into GridFS (seed 003, 3.1 and 3.2). One document per upload in
 * {@code resource.uploads}: {@code _id} ({@code md5:<md5>} for the resource service,
 * {@code uid:<upload id>} for an image the platform registered), {@code uid} (the current lease holder's
 * upload id, in the UUrl), {@code md5, filename, directory, user, length} (-1 until the first POST
 * says it), {@code offset} (bytes committed as whole chunks), {@code fileId, state} ({@code open} or
 * {@code complete}), {@code leaseUntil} (epoch ms). The body of a POST is cut into chunks as it
 * arrives; each chunk is written, then the offset, so a broken connection or a killed hub loses at
 * most the chunk in memory. The md5 and sha1 of the content are kept in memory as it arrives and
 * rebuilt from the chunks after a restart; the files document is written last, only when the md5
 * matches.
 */
public final class Uploads {

	/** The collection of upload documents. */
	public static final String COLLECTION = "resource.uploads";
	private static final HubLog LOG = HubLog.of(Uploads.class);
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String OPEN = "open";
	private static final String COMPLETE = "complete";

	private final MongoCollection<Document> uploads;
	private final ChunkStore store;
	private final GridFsUploads images;
	private final long leaseMillis;
	private final Map<String, Slot> slots = new ConcurrentHashMap<>();
	private final AtomicLong received = new AtomicLong();

	/**
	 * The answer of GetUploadState.
	 *
	 * @param allow        0 (being uploaded), 1 (may upload), 2 (complete)
	 * @param fileLength   the declared length, 0 when not known yet
	 * @param fileId       the FileID when complete, else ""
	 * @param uid          the upload id to put in the UUrl when {@code allow == 1}, else null
	 * @param uploadLength bytes the server holds
	 */
	public record State(int allow, long fileLength, String fileId, String uid, long uploadLength) {
	}

	/** In-memory state of one upload: the current writer and the running digests. */
	private static final class Slot {
		Writer writer;
		long digestOffset = -1;
		MessageDigest md5;
		MessageDigest sha1;
	}

	/** One POST writing an upload. */
	private static final class Writer {
		volatile long lastActivity = System.currentTimeMillis();
	}

	/**
	 * @param db     the database
	 * @param store  the chunk store
	 * @param images the platform's GridFS uploads (image upload ids)
	 * @param lease  how long an upload stays reserved for its holder without progress
	 */
	public Uploads(Database db, ChunkStore store, GridFsUploads images, Duration lease) {
		this.uploads = db.database().getCollection(COLLECTION);
		this.store = store;
		this.images = images;
		this.leaseMillis = lease.toMillis();
		uploads.createIndex(Indexes.ascending("uid"));
	}

	/** @return body bytes received by every POST since the start (benchmark) */
	public long received() {
		return received.get();
	}

	private Slot slot(String key) {
		return slots.computeIfAbsent(key, k -> new Slot());
	}

	private boolean isImageUid(String uid) {
		return uid != null && images.image(uid) != null;
	}

	/**
	 * GetUploadState.
	 *
	 * @param user      the caller
	 * @param md5       32 lower-case hex digits
	 * @param filename  the file name, or null (progress query)
	 * @param directory the directory, or null for "/"
	 * @param uid       an upload id: of an image the platform registered, or of an earlier answer
	 *                  (claims the lease); or null
	 * @return the state
	 */
	public State state(String user, String md5, String filename, String directory, String uid) {
		boolean image = isImageUid(uid);
		String key = image ? "uid:" + uid : "md5:" + md5;
		boolean start = filename != null || uid != null;
		Document doc = uploads.find(Filters.eq("_id", key)).first();
		if (doc == null) {
			if (!image && filename == null) {
				throw new ResourceException(404, "no upload of md5 " + md5
						+ " on this hub; send filename (and directory) with the first call to start one");
			}
			doc = create(key, image ? uid : newUid(), md5, image ? imageName(uid, filename) : filename,
					normalizeDirectory(directory), user);
		}
		if (image && doc.getString("md5") == null) {
			uploads.updateOne(Filters.eq("_id", key), Updates.set("md5", md5));
		} else if (image && !md5.equals(doc.getString("md5"))) {
			throw new ResourceException(409, "upload " + doc.getString("filename") + " already holds content of md5 "
					+ doc.getString("md5") + ", not " + md5);
		}
		Slot slot = slot(key);
		synchronized (slot) {
			doc = uploads.find(Filters.eq("_id", key)).first();
			long length = doc.getLong("length");
			long offset = doc.getLong("offset");
			if (COMPLETE.equals(doc.getString("state"))) {
				return new State(2, length, FileIds.of(doc.getString("md5"), doc.getObjectId("fileId")), null, length);
			}
			if (length >= 0 && offset == length) {
				finish(slot, doc);
				return new State(2, length, FileIds.of(doc.getString("md5"), doc.getObjectId("fileId")), null, length);
			}
			long now = System.currentTimeMillis();
			Writer w = slot.writer;
			boolean writing = w != null && now - w.lastActivity <= leaseMillis;
			boolean leased = doc.getLong("leaseUntil") > now;
			boolean holder = image || (uid != null && uid.equals(doc.getString("uid")));
			long declared = Math.max(length, 0);
			if ((writing || leased) && !holder || writing && image) {
				return new State(0, declared, "", null, offset);
			}
			if (!start) {
				return writing || leased ? new State(0, declared, "", null, offset)
						: new State(1, declared, "", doc.getString("uid"), offset);
			}
			String next = holder ? doc.getString("uid") : newUid();
			uploads.updateOne(Filters.eq("_id", key),
					Updates.combine(Updates.set("uid", next), Updates.set("leaseUntil", now + leaseMillis)));
			return new State(1, declared, "", next, offset);
		}
	}

	private String imageName(String uid, String given) {
		Document image = images.image(uid);
		String name = image == null ? null : image.getString("filename");
		return name != null ? name : given != null ? given : uid;
	}

	private static String normalizeDirectory(String directory) {
		if (directory == null || directory.isBlank()) {
			return "/";
		}
		String d = directory.replace('\\', '/');
		if (d.contains("..") || d.chars().anyMatch(c -> c < 0x20)) {
			throw new ResourceException(400, "directory '" + directory + "' must be a relative path without '..'");
		}
		return d.startsWith("/") ? d : "/" + d;
	}

	private Document create(String key, String uid, String md5, String filename, String directory, String user) {
		Document doc = new Document("_id", key).append("uid", uid).append("image", key.startsWith("uid:"))
				.append("md5", md5).append("filename", filename).append("directory", directory).append("user", user)
				.append("length", -1L).append("offset", 0L).append("fileId", new ObjectId()).append("state", OPEN)
				.append("leaseUntil", 0L).append("createdAt", System.currentTimeMillis());
		try {
			uploads.insertOne(doc);
			return doc;
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
			return uploads.find(Filters.eq("_id", key)).first();
		}
	}

	private static String newUid() {
		byte[] b = new byte[16];
		RANDOM.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	/**
	 * POST of a UUrl: streams the body into chunks from {@code start}.
	 *
	 * @param uid           the upload id of the UUrl
	 * @param start         the Range start offset
	 * @param contentLength the body length
	 * @param body          the body
	 * @return the FileID when the file is complete, else null
	 * @throws IOException when the body cannot be read (the committed chunks stay)
	 */
	public String receive(String uid, long start, long contentLength, InputStream body) throws IOException {
		Document doc = findByUid(uid);
		String key = doc.getString("_id");
		String name = doc.getString("filename");
		boolean image = Boolean.TRUE.equals(doc.getBoolean("image"));
		if (COMPLETE.equals(doc.getString("state"))) {
			return FileIds.of(doc.getString("md5"), doc.getObjectId("fileId"));
		}
		if (contentLength < 0) {
			throw new ResourceException(411, "upload of " + name + ": Content-Length is required");
		}
		long total = start + contentLength;
		Slot slot = slot(key);
		Writer w = new Writer();
		ObjectId fileId;
		synchronized (slot) {
			doc = uploads.find(Filters.eq("_id", key)).first();
			if (!image && !uid.equals(doc.getString("uid"))) {
				throw new ResourceException(409, "upload of " + name + " was taken over by another client");
			}
			long offset = doc.getLong("offset");
			long length = doc.getLong("length");
			if (length >= 0 && start > length) {
				throw new ResourceException(416, "upload of " + name + ": Range " + start + " is past the end ("
						+ length + " bytes)", Map.of("UploadLength", offset));
			}
			if (start != offset) {
				throw new ResourceException(416, "upload of " + name + ": Range " + start
						+ " is not the server's offset " + offset + "; ask GetUploadState", Map.of("UploadLength", offset));
			}
			if (length >= 0 && total != length) {
				throw new ResourceException(400, "upload of " + name + ": Range + Content-Length = " + total
						+ " bytes, but the file was declared with " + length);
			}
			slot.writer = w;
			fileId = doc.getObjectId("fileId");
			uploads.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("length", total),
					Updates.set("leaseUntil", System.currentTimeMillis() + leaseMillis)));
			ensureDigest(slot, fileId, offset);
		}
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
			throw new IOException("upload of " + name + " interrupted after " + committed + " committed bytes: " + e, e);
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
		synchronized (slot) {
			try {
				if (slot.writer != w) {
					throw new ResourceException(409, "upload of " + name + " was taken over by another client");
				}
				doc = uploads.find(Filters.eq("_id", key)).first();
				finish(slot, doc);
				return FileIds.of(doc.getString("md5"), doc.getObjectId("fileId"));
			} finally {
				if (slot.writer == w) {
					slot.writer = null;
				}
			}
		}
	}

	private Document findByUid(String uid) {
		if (uid == null || uid.isEmpty()) {
			throw new ResourceException(400, "missing uid");
		}
		Document doc;
		if (uid.indexOf('.') > 0) {
			doc = uploads.find(Filters.eq("_id", "uid:" + uid)).first();
			if (doc == null && images.image(uid) != null) {
				doc = create("uid:" + uid, uid, null, imageName(uid, null), "/", null);
			}
		} else {
			doc = uid.matches("[0-9a-f]{32}") ? uploads.find(Filters.eq("uid", uid)).first() : null;
		}
		if (doc == null) {
			throw new ResourceException(404, "unknown upload uid (never issued, or taken over by another client)");
		}
		return doc;
	}

	private void commit(Slot slot, Writer w, String key, String name, ObjectId fileId, int n, byte[] buf, int len,
			long offset) {
		synchronized (slot) {
			if (slot.writer != w) {
				throw new ResourceException(409, "upload of " + name + " was taken over by another client");
			}
			store.put(fileId, n, buf, len);
			uploads.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("offset", offset),
					Updates.set("leaseUntil", System.currentTimeMillis() + leaseMillis)));
			slot.md5.update(buf, 0, len);
			slot.sha1.update(buf, 0, len);
			slot.digestOffset = offset;
		}
	}

	private void release(Slot slot, Writer w) {
		synchronized (slot) {
			if (slot.writer == w) {
				slot.writer = null;
			}
		}
	}

	private void ensureDigest(Slot slot, ObjectId fileId, long offset) throws ResourceException {
		if (slot.md5 != null && slot.digestOffset == offset) {
			return;
		}
		slot.md5 = digest("MD5");
		slot.sha1 = digest("SHA-1");
		try {
			store.digest(fileId, offset, slot.md5, slot.sha1);
		} catch (IOException e) {
			slot.md5 = null;
			throw new ResourceException(500, e.getMessage());
		}
		slot.digestOffset = offset;
	}

	private static MessageDigest digest(String algorithm) {
		return Digests.create(algorithm);
	}

	/** Under the slot's lock: checks the md5, writes the files document, marks the upload complete. */
	private void finish(Slot slot, Document doc) {
		String key = doc.getString("_id");
		String name = doc.getString("filename");
		ObjectId fileId = doc.getObjectId("fileId");
		long length = doc.getLong("length");
		ensureDigest(slot, fileId, length);
		String md5 = HexFormat.of().formatHex(slot.md5.digest());
		String sha1 = HexFormat.of().formatHex(slot.sha1.digest());
		slot.md5 = null;
		slot.digestOffset = -1;
		String expected = doc.getString("md5");
		if (expected != null && !expected.equals(md5)) {
			store.delete(fileId, (int) ((length + ChunkStore.CHUNK_SIZE - 1) / ChunkStore.CHUNK_SIZE));
			uploads.updateOne(Filters.eq("_id", key),
					Updates.combine(Updates.set("offset", 0L), Updates.set("length", -1L),
							Updates.set("fileId", new ObjectId()), Updates.set("leaseUntil", 0L)));
			LOG.warn("upload of " + name + " discarded: md5 " + md5 + " of the content, " + expected + " declared");
			throw new ResourceException(422, "md5 mismatch for " + name + ": the content received has md5 " + md5
					+ ", the upload declared " + expected + "; the upload was discarded, send the file again");
		}
		boolean image = Boolean.TRUE.equals(doc.getBoolean("image"));
		Document meta = new Document("md5", md5).append("sha1", sha1).append("route", FileIds.route(md5))
				.append("user", doc.getString("user")).append("directory", doc.getString("directory"))
				.append("kind", image ? "image" : "resource");
		store.writeFile(fileId, length, name, meta);
		uploads.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("state", COMPLETE),
				Updates.set("md5", md5), Updates.set("sha1", sha1), Updates.set("leaseUntil", 0L)));
		doc.put("md5", md5);
		if (image) {
			try {
				images.completed(doc.getString("uid"), fileId);
			} catch (IllegalArgumentException e) {
				LOG.warn("upload of " + name + " completed, but its image is gone");
			}
		}
	}
}
