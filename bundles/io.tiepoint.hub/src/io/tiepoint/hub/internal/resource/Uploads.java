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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import io.tiepoint.hub.HubLimits;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.FileIds;
import io.tiepoint.hub.internal.store.ImageRecord;

/**
 * Resumable uploads into GridFS (seed 003, 3.1 and 3.2), per user. One document per upload in
 * {@code resource.uploads}: {@code _id} ({@code md5:<md5>:<user>} for the resource service: the same
 * content uploaded by two users is two uploads and two files; {@code uid:<upload id>} for an image the
 * platform registered, its owner's), {@code uid} (the current lease holder's upload id, in the UUrl),
 * {@code md5, filename, directory, fileinfo} (the description given to GetUploadState, may be absent),
 * {@code user, length} (-1 until declared: by GetUploadState's optional
 * {@code FileLenth}, {@code declared} then true and every POST must match it, or by a POST's Range +
 * Content-Length, which a later POST may change while nothing is committed), {@code offset} (bytes
 * committed as whole chunks), {@code fileId, state} ({@code open} or {@code complete}), {@code leaseUntil},
 * {@code touchedAt} (epoch ms). The body of a POST is cut into chunks as it arrives ({@link UploadBody}),
 * so a broken connection or a killed hub loses at most the chunk in memory. The files document is written
 * last, only when the md5 matches.
 * <p>
 * Bounds ({@link HubLimits}): a file is at most {@code maxUploadBytes}; a user holds at most
 * {@code maxOpenUploads} unfinished uploads ({@link UploadQuota}); one without progress for
 * {@code uploadExpiry} is deleted, chunks and all ({@link #expire()}, from the hub's sweeper).
 */
public final class Uploads {

	/** The collection of upload documents. */
	public static final String COLLECTION = "resource.uploads";
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String OPEN = "open";
	private static final String COMPLETE = "complete";

	private final MongoCollection<Document> uploads;
	private final ChunkStore store;
	private final GridFsUploads images;
	private final long leaseMillis;
	private final long maxBytes;
	private final UploadQuota quota;
	private final UploadSlots slots = new UploadSlots();
	private final UploadBody body;
	private final UploadExpiry expiry;
	private final UploadCompletion completion;

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

	/**
	 * A GetUploadState call.
	 *
	 * @param user      the caller
	 * @param md5       32 lower-case hex digits
	 * @param filename  the file name (checked), or null (progress query)
	 * @param directory the directory (checked)
	 * @param uid       an upload id: of an image the platform registered, or of an earlier answer
	 *                  (claims the lease); or null
	 * @param length    the length the caller declares, or -1
	 * @param fileInfo  the file's description (checked), or null
	 */
	public record Ask(String user, String md5, String filename, String directory, String uid, long length,
			String fileInfo) {
	}

	/**
	 * @param db     the database
	 * @param store  the chunk store
	 * @param images the platform's GridFS uploads (image upload ids)
	 * @param lease  how long an upload stays reserved for its holder without progress
	 * @param limits size, count and age bounds
	 */
	public Uploads(Database db, ChunkStore store, GridFsUploads images, Duration lease, HubLimits limits) {
		this.uploads = db.database().getCollection(COLLECTION);
		this.store = store;
		this.images = images;
		this.leaseMillis = lease.toMillis();
		this.maxBytes = limits.maxUploadBytes();
		uploads.createIndex(Indexes.ascending("uid"));
		this.quota = new UploadQuota(limits.maxOpenUploads(), limits.uploadExpiry(), uploads);
		this.body = new UploadBody(uploads, store, leaseMillis);
		UploadParts parts = new UploadParts(uploads, store, slots, quota);
		this.expiry = new UploadExpiry(parts, limits.uploadExpiry());
		this.completion = new UploadCompletion(parts, images);
	}

	/** @return the largest upload this hub accepts, in bytes */
	public long maxBytes() {
		return maxBytes;
	}

	/** @return body bytes received by every POST since the start (benchmark) */
	public long received() {
		return body.received();
	}

	/** @return uploads with in-memory state (writer, running digests): at most the unfinished ones */
	public int slotCount() {
		return slots.size();
	}

	/**
	 * Deletes the unfinished uploads without progress for the hub's upload expiry, chunks and all.
	 *
	 * @return how many were deleted
	 */
	public int expire() {
		return expiry.run();
	}

	private static Bson id(String key) {
		return Filters.eq("_id", key);
	}

	/** @param ask the call @return the state */
	public State state(Ask ask) {
		ImageRecord image = ask.uid() == null ? null : images.image(ask.uid());
		if (image != null && !ask.user().equals(image.owner())) {
			image = null; // another user's image: its upload id means nothing to this caller
		}
		boolean isImage = image != null;
		String key = isImage ? "uid:" + ask.uid() : key(ask.md5(), ask.user());
		Document doc = uploads.find(id(key)).first();
		if (doc == null && !isImage && ask.filename() == null) {
			throw new ResourceException(404, "no upload of md5 " + ask.md5()
					+ " by this user on this hub; send filename (and directory) with the first call to start one");
		}
		if (doc == null) {
			String name = isImage ? imageName(image, ask.filename()) : ask.filename();
			doc = create(key, isImage ? ask.uid() : newUid(), ask.md5(), name, ask.directory(), ask.user(), isImage);
		}
		if (ask.fileInfo() != null && !ask.fileInfo().equals(doc.getString("fileinfo"))
				&& !COMPLETE.equals(doc.getString("state"))) {
			uploads.updateOne(id(key), Updates.set("fileinfo", ask.fileInfo()));
		}
		if (isImage && doc.getString("md5") == null) {
			uploads.updateOne(id(key), Updates.set("md5", ask.md5()));
		} else if (isImage && !ask.md5().equals(doc.getString("md5"))) {
			throw new ResourceException(409, "upload " + doc.getString("filename") + " already holds content of md5 "
					+ doc.getString("md5") + ", not " + ask.md5());
		}
		if (COMPLETE.equals(doc.getString("state"))) {
			return complete(doc);
		}
		String name = doc.getString("filename");
		return slots.locked(key, slot -> state(ask, key, current(key, name), slot, isImage));
	}

	/** Under the slot's lock. */
	private State state(Ask ask, String key, Document doc, UploadSlot slot, boolean isImage) {
		long length = doc.getLong("length");
		long offset = doc.getLong("offset");
		if (COMPLETE.equals(doc.getString("state"))) {
			slots.drop(key, slot);
			return complete(doc);
		}
		if (length >= 0 && offset == length) {
			completion.finish(slot, doc);
			return complete(doc);
		}
		length = declare(key, doc, ask.length());
		long now = System.currentTimeMillis();
		boolean writing = slot.writing(now, leaseMillis);
		boolean leased = doc.getLong("leaseUntil") > now;
		boolean holder = isImage || ask.uid() != null && ask.uid().equals(doc.getString("uid"));
		long declared = Math.max(length, 0);
		if ((writing || leased) && !holder || writing && isImage) {
			return new State(0, declared, "", null, offset);
		}
		if (ask.filename() == null && ask.uid() == null) {
			return writing || leased ? new State(0, declared, "", null, offset)
					: new State(1, declared, "", doc.getString("uid"), offset);
		}
		String next = holder ? doc.getString("uid") : newUid();
		uploads.updateOne(id(key), Updates.combine(Updates.set("uid", next), Updates.set("leaseUntil", now + leaseMillis),
				Updates.set("touchedAt", now)));
		return new State(1, declared, "", next, offset);
	}

	private static State complete(Document doc) {
		long length = doc.getLong("length");
		return new State(2, length, FileIds.of(doc.getString("md5"), doc.getObjectId("fileId")), null, length);
	}

	/** The key of a user's upload of a content; a document of an earlier version ({@code md5:<md5>}) when theirs. */
	private String key(String md5, String user) {
		String key = "md5:" + md5 + ":" + user;
		if (uploads.find(id(key)).first() == null) {
			Document legacy = uploads.find(id("md5:" + md5)).first();
			if (legacy != null && user.equals(legacy.getString("user"))) {
				return legacy.getString("_id");
			}
		}
		return key;
	}

	/** Under the slot's lock: the upload's document, or a 404 when it expired meanwhile. */
	private Document current(String key, String name) {
		Document doc = uploads.find(id(key)).first();
		if (doc == null) {
			throw new ResourceException(404, "the upload of " + name + " expired; start it again");
		}
		return doc;
	}

	/** Under the slot's lock: records a length declared to GetUploadState. @return the upload's length */
	private long declare(String key, Document doc, long declared) {
		long length = doc.getLong("length");
		if (declared < 0 || declared == length) {
			return length;
		}
		if (length >= 0 && doc.getLong("offset") > 0) {
			throw new ResourceException(409, "upload of " + doc.getString("filename") + " was started with "
					+ length + " bytes, not " + declared);
		}
		uploads.updateOne(id(key), Updates.combine(Updates.set("length", declared), Updates.set("declared", true)));
		return declared;
	}

	private static String imageName(ImageRecord image, String given) {
		String name = image.filename();
		return name != null ? name : given != null ? given : image.id();
	}

	private Document create(String key, String uid, String md5, String filename, String directory, String user,
			boolean image) {
		long now = System.currentTimeMillis();
		Document doc = new Document("_id", key).append("uid", uid).append("image", image).append("md5", md5)
				.append("filename", filename).append("directory", directory).append("user", user).append("length", -1L)
				.append("offset", 0L).append("fileId", new ObjectId()).append("state", OPEN).append("leaseUntil", 0L)
				.append("createdAt", now).append("touchedAt", now);
		quota.reserve(user);
		try {
			uploads.insertOne(doc);
			return doc;
		} catch (MongoWriteException e) {
			quota.release(user);
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
			return uploads.find(id(key)).first();
		} catch (RuntimeException e) {
			quota.release(user);
			throw e;
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
	 * @param in            the body
	 * @return the FileID when the file is complete, else null
	 * @throws IOException when the body cannot be read (the committed chunks stay)
	 */
	public String receive(String uid, long start, long contentLength, InputStream in) throws IOException {
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
		long total = Params.bounded(start + contentLength, maxBytes, "upload of " + name);
		UploadSlot.Writer w = new UploadSlot.Writer();
		UploadSlot slot = slots.locked(key, s -> {
			begin(s, w, current(key, name), uid, image, start, total);
			return s;
		});
		ObjectId fileId = doc.getObjectId("fileId");
		long committed = body.read(slot, w, key, name, fileId, start, contentLength, in);
		synchronized (slot) {
			try {
				if (slot.writer != w) {
					throw new ResourceException(409, "upload of " + name + " was taken over by another client, or expired");
				}
				Document now = current(key, name);
				if (now.getLong("offset") != committed) {
					throw new ResourceException(409, "upload of " + name + " changed while it was written");
				}
				completion.finish(slot, now);
				return FileIds.of(now.getString("md5"), now.getObjectId("fileId"));
			} finally {
				UploadBody.release(slot, w);
			}
		}
	}

	/** Under the slot's lock: checks the Range against the upload and makes the POST its writer. */
	private void begin(UploadSlot slot, UploadSlot.Writer w, Document doc, String uid, boolean image, long start,
			long total) {
		String name = doc.getString("filename");
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
		if (length >= 0 && total != length && (offset > 0 || Boolean.TRUE.equals(doc.getBoolean("declared")))) {
			throw new ResourceException(400, "upload of " + name + ": Range + Content-Length = " + total
					+ " bytes, but the file was declared with " + length);
		}
		slot.writer = w;
		long now = System.currentTimeMillis();
		uploads.updateOne(id(doc.getString("_id")), Updates.combine(Updates.set("length", total),
				Updates.set("leaseUntil", now + leaseMillis), Updates.set("touchedAt", now)));
		slot.ensureDigest(store, doc.getObjectId("fileId"), offset);
	}

	private Document findByUid(String uid) {
		if (uid == null || uid.isEmpty()) {
			throw new ResourceException(400, "missing uid");
		}
		Document doc;
		if (uid.indexOf('.') > 0) {
			doc = uploads.find(id("uid:" + uid)).first();
			ImageRecord image = doc == null ? images.image(uid) : null;
			if (image != null) {
				doc = create("uid:" + uid, uid, null, imageName(image, null), "/", image.owner(), true);
			}
		} else {
			doc = uid.matches("[0-9a-f]{32}") ? uploads.find(Filters.eq("uid", uid)).first() : null;
		}
		if (doc == null) {
			throw new ResourceException(404, "unknown upload uid (never issued, expired, or taken over by another client)");
		}
		return doc;
	}
}
