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

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import io.tiepoint.hub.internal.store.Database;

/**
 * The resource service's uploads ({@link UploadSession}), one document each in {@value #COLLECTION}:
 * {@code _id, uid, image, md5, filename, directory, fileinfo, user, length, declared, offset, fileId,
 * state, leaseUntil, createdAt, touchedAt} and, once complete, {@code sha1}. Database failures are
 * {@link io.tiepoint.hub.internal.store.StoreException}s.
 */
public final class UploadStore {

	/** The collection of upload documents. */
	public static final String COLLECTION = "resource.uploads";
	private final MongoCollection<Document> uploads;

	/** @param db the hub's database */
	public UploadStore(Database db) {
		this.uploads = db.database().getCollection(COLLECTION);
		StoreFailures.run(() -> uploads.createIndex(Indexes.ascending("uid")));
	}

	private static Bson id(String key) {
		return Filters.eq("_id", key);
	}

	/** @param key an upload @return it, or null */
	public UploadSession find(String key) {
		return StoreFailures.call(() -> session(uploads.find(id(key)).first()));
	}

	/** @param uid a lease holder's upload id @return its upload, or null */
	public UploadSession findByUid(String uid) {
		return StoreFailures.call(() -> session(uploads.find(Filters.eq("uid", uid)).first()));
	}

	/** @return the unfinished uploads */
	public List<UploadSession> open() {
		return StoreFailures.call(() -> {
			List<UploadSession> out = new ArrayList<>();
			for (Document d : uploads.find(Filters.eq("state", UploadSession.OPEN))) {
				out.add(session(d));
			}
			return out;
		});
	}

	/** @return the user of each unfinished upload (null for one without) */
	public List<String> openUsers() {
		return StoreFailures.call(() -> {
			List<String> out = new ArrayList<>();
			for (Document d : uploads.find(Filters.eq("state", UploadSession.OPEN)).projection(Projections.include("user"))) {
				out.add(d.getString("user"));
			}
			return out;
		});
	}

	/**
	 * Makes a new open upload, of unknown length, writing a new GridFS file.
	 *
	 * @return it, or null when there is already one with that key
	 */
	public UploadSession create(String key, String uid, String md5, String filename, String directory, String user,
			boolean image, long now) {
		Document doc = new Document("_id", key).append("uid", uid).append("image", image).append("md5", md5)
				.append("filename", filename).append("directory", directory).append("user", user).append("length", -1L)
				.append("offset", 0L).append("fileId", new ObjectId()).append("state", UploadSession.OPEN)
				.append("leaseUntil", 0L).append("createdAt", now).append("touchedAt", now);
		return StoreFailures.call(() -> {
			try {
				uploads.insertOne(doc);
				return session(doc);
			} catch (MongoWriteException e) {
				if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw e;
				}
				return null;
			}
		});
	}

	private void update(String key, Bson... changes) {
		StoreFailures.run(() -> uploads.updateOne(id(key), Updates.combine(changes)));
	}

	/** Records the description given to GetUploadState. */
	public void setFileinfo(String key, String fileinfo) {
		update(key, Updates.set("fileinfo", fileinfo));
	}

	/** Records the md5 of an image's content, given after the upload was made. */
	public void setMd5(String key, String md5) {
		update(key, Updates.set("md5", md5));
	}

	/** Gives the upload's lease to the holder of {@code uid}, until {@code leaseUntil}. */
	public void lease(String key, String uid, long leaseUntil, long now) {
		update(key, Updates.set("uid", uid), Updates.set("leaseUntil", leaseUntil), Updates.set("touchedAt", now));
	}

	/** Records a length declared to GetUploadState. */
	public void declare(String key, long length) {
		update(key, Updates.set("length", length), Updates.set("declared", true));
	}

	/** A POST starts: records the length it implies and extends the lease. */
	public void start(String key, long length, long leaseUntil, long now) {
		update(key, Updates.set("length", length), Updates.set("leaseUntil", leaseUntil), Updates.set("touchedAt", now));
	}

	/** A chunk was written: records the offset after it and extends the lease. */
	public void progress(String key, long offset, long leaseUntil, long now) {
		update(key, Updates.set("offset", offset), Updates.set("leaseUntil", leaseUntil), Updates.set("touchedAt", now));
	}

	/** Starts the upload again from nothing, into a new GridFS file, unleased. */
	public void restart(String key) {
		update(key, Updates.set("offset", 0L), Updates.set("length", -1L), Updates.unset("declared"),
				Updates.set("fileId", new ObjectId()), Updates.set("leaseUntil", 0L));
	}

	/** Marks the upload complete, with the content's digests. */
	public void complete(String key, String md5, String sha1) {
		update(key, Updates.set("state", UploadSession.COMPLETE), Updates.set("md5", md5), Updates.set("sha1", sha1),
				Updates.set("leaseUntil", 0L));
	}

	/** Deletes the upload's document. */
	public void delete(String key) {
		StoreFailures.run(() -> uploads.deleteOne(id(key)));
	}

	private static UploadSession session(Document d) {
		if (d == null) {
			return null;
		}
		Object fileId = d.get("fileId");
		return new UploadSession(d.getString("_id"), d.getString("uid"), Boolean.TRUE.equals(d.getBoolean("image")),
				d.getString("md5"), d.getString("filename"), d.getString("directory"), d.getString("fileinfo"),
				d.getString("user"), longOf(d, "length", -1), Boolean.TRUE.equals(d.getBoolean("declared")),
				longOf(d, "offset", 0), fileId instanceof ObjectId o ? o.toHexString() : null, d.getString("state"),
				longOf(d, "leaseUntil", 0), longOf(d, "createdAt", 0), d.get("touchedAt") instanceof Number n ? n.longValue() : null);
	}

	private static long longOf(Document d, String key, long absent) {
		return d.get(key) instanceof Number n ? n.longValue() : absent;
	}
}
