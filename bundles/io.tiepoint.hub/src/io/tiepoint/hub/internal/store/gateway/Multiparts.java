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

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.StoreException;

/**
 * The OSS gateway's multipart uploads ({@code oss.uploads}, {@code oss.parts}): parts are files of their own, and the
 * object completed from them is made of the parts' files (nothing is copied). What OSS checks of a completion is the
 * gateway's; this keeps the records. A failure of the database is a {@link StoreException}.
 */
public final class Multiparts {

	private final GatewayStore store;
	private final MongoCollection<Document> uploads;
	private final MongoCollection<Document> parts;

	/** @param db the hub's database @param store the gateway's objects (and files) */
	public Multiparts(Database db, GatewayStore store) {
		this.store = store;
		this.uploads = db.collection("oss.uploads");
		this.parts = db.collection("oss.parts");
	}

	/**
	 * Starts an upload.
	 *
	 * @param bucket      the object's bucket
	 * @param key         the object's key
	 * @param contentType its Content-Type
	 * @param meta        its user metadata
	 * @return the upload id (32 upper-case hex digits)
	 */
	public String initiate(String bucket, String key, String contentType, Map<String, String> meta) {
		String id = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		try {
			uploads.insertOne(new Document("_id", id).append("bucket", bucket).append("key", key)
					.append("contentType", contentType).append("meta", new Document(Map.copyOf(meta)))
					.append("initiated", new Date()));
		} catch (MongoException e) {
			throw Chunks.failed("cannot start an upload of " + bucket + "/" + key, e);
		}
		return id;
	}

	/** @param id an upload id, or null @return the upload, when there is one */
	public Optional<MultipartUpload> upload(String id) {
		Document u;
		try {
			u = id == null ? null : uploads.find(new Document("_id", id)).first();
		} catch (MongoException e) {
			throw Chunks.failed("cannot read upload " + id, e);
		}
		return u == null ? Optional.empty()
				: Optional.of(new MultipartUpload(id, u.getString("bucket"),
						u.getString("key"), u.getString("contentType"), GatewayStore.meta(u)));
	}

	/**
	 * Stores a part, replacing (and removing the file of) the one of that number.
	 *
	 * @param id   the upload id
	 * @param n    the part number
	 * @param w    the part's file
	 * @param etag the part's ETag
	 */
	public void putPart(String id, int n, ChunkedFile w, String etag) {
		try {
			Document former = parts.find(new Document("_id", id + "/" + n)).first();
			parts.replaceOne(new Document("_id", id + "/" + n), new Document("_id", id + "/" + n).append("upload", id)
					.append("n", n).append("file", new ObjectId(w.id())).append("size", w.size()).append("etag", etag)
					.append("crc", Long.toUnsignedString(w.crc())).append("modified", new Date()),
					new ReplaceOptions().upsert(true));
			if (former != null) {
				store.chunks().discard(former.getObjectId("file").toHexString(), former.getLong("size"));
			}
		} catch (MongoException e) {
			throw Chunks.failed("cannot store part " + n + " of upload " + id, e);
		}
	}

	/** @param id an upload id @return its parts, by ascending number */
	public List<UploadedPart> list(String id) {
		List<UploadedPart> out = new ArrayList<>();
		try {
			for (Document d : parts.find(new Document("upload", id)).sort(Sorts.ascending("n"))) {
				out.add(new UploadedPart(d.getInteger("n"), d.getString("etag"), d.getLong("size"),
						Long.parseUnsignedLong(d.getString("crc")), new ChunkedFile(d.getObjectId("file").toHexString(),
								d.getLong("size"), null, 0),
						d.getDate("modified").toInstant()));
			}
		} catch (MongoException e) {
			throw Chunks.failed("cannot list the parts of upload " + id, e);
		}
		return out;
	}

	/**
	 * Completes an upload: stores its object of the given parts' files, removes the files of its other parts, then
	 * the upload and its parts' records.
	 *
	 * @param upload the upload
	 * @param files  the object's files in order (its parts' files)
	 * @param etag   the object's ETag
	 * @param crc    the object's CRC64
	 */
	public void complete(MultipartUpload upload, List<ChunkedFile> files, String etag, long crc) {
		List<UploadedPart> held = list(upload.id());
		store.put(upload.bucket(), upload.key(), files, etag, crc, upload.contentType(), upload.meta(), true);
		for (UploadedPart p : held) {
			if (files.stream().noneMatch(f -> f.id().equals(p.file().id()))) {
				store.chunks().discard(p.file().id(), p.size());
			}
		}
		forget(upload.id());
	}

	/** Removes an upload, its parts and their files. @param id the upload id */
	public void abort(String id) {
		for (UploadedPart p : list(id)) {
			store.chunks().discard(p.file().id(), p.size());
		}
		forget(id);
	}

	private void forget(String id) {
		try {
			parts.deleteMany(new Document("upload", id));
			uploads.deleteOne(new Document("_id", id));
		} catch (MongoException e) {
			throw Chunks.failed("cannot remove upload " + id, e);
		}
	}
}
