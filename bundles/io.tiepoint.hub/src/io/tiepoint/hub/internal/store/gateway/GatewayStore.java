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

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.StoreException;

/**
 * The OSS gateway's objects: a document per {@code BUCKET/KEY} in {@code oss.objects} (size, ETag, CRC64, Content-Type,
 * user metadata) naming the files that hold its bytes in order (one for a PutObject, one per part for a completed
 * multipart upload, so completing copies nothing). An object put again replaces the document first, then drops the
 * former files. A failure of the database is a {@link StoreException}.
 */
public final class GatewayStore {

	private final Chunks chunks;
	private final MongoCollection<Document> objects;

	/** @param db the hub's database */
	public GatewayStore(Database db) {
		this.chunks = new Chunks(db);
		this.objects = db.collection("oss.objects");
	}

	/** @return the files holding the objects' and parts' bytes */
	public Chunks chunks() {
		return chunks;
	}

	/**
	 * @param bucket a bucket
	 * @param key    a key
	 * @return the object, when stored
	 */
	public Optional<StoredObject> head(String bucket, String key) {
		Document d;
		try {
			d = objects.find(new Document("_id", bucket + "/" + key)).first();
		} catch (MongoException e) {
			throw Chunks.failed("cannot read " + bucket + "/" + key, e);
		}
		if (d == null) {
			return Optional.empty();
		}
		List<String> files = new ArrayList<>();
		List<Long> sizes = new ArrayList<>();
		for (Document f : d.getList("files", Document.class)) {
			files.add(f.getObjectId("id").toHexString());
			sizes.add(f.getLong("size"));
		}
		return Optional.of(new StoredObject(bucket, key, d.getLong("size"), d.getString("etag"),
				Long.parseUnsignedLong(d.getString("crc")), d.getString("contentType"), meta(d), files, sizes,
				d.getDate("modified").toInstant(), d.getBoolean("multipart", false)));
	}

	static Map<String, String> meta(Document d) {
		Map<String, String> meta = new TreeMap<>();
		d.get("meta", new Document()).forEach((k, v) -> meta.put(k, String.valueOf(v)));
		return meta;
	}

	/**
	 * @param o    an object
	 * @param from the first byte
	 * @param to   one past the last byte
	 * @return its bytes {@code from..to-1}
	 */
	public InputStream open(StoredObject o, long from, long to) {
		List<InputStream> parts = new ArrayList<>();
		long start = 0;
		for (int i = 0; i < o.files().size(); i++) {
			long size = o.sizes().get(i);
			long a = Math.max(from, start);
			long b = Math.min(to, start + size);
			if (a < b) {
				parts.add(chunks.open(o.files().get(i), size, a - start, b - start));
			}
			start += size;
		}
		return new SequenceInputStream(Collections.enumeration(parts));
	}

	/**
	 * Stores an object, replacing the one of that key (whose files not in {@code files} are removed).
	 *
	 * @param bucket      the bucket
	 * @param key         the key
	 * @param files       its files in order
	 * @param etag        its ETag
	 * @param crc         its CRC64
	 * @param contentType its Content-Type
	 * @param meta        its user metadata
	 * @param multipart   whether it was assembled from parts
	 */
	public void put(String bucket, String key, List<ChunkedFile> files, String etag, long crc, String contentType,
			Map<String, String> meta, boolean multipart) {
		Optional<StoredObject> former = head(bucket, key);
		List<Document> list = new ArrayList<>();
		long size = 0;
		for (ChunkedFile w : files) {
			list.add(new Document("id", new ObjectId(w.id())).append("size", w.size()));
			size += w.size();
		}
		try {
			objects.replaceOne(new Document("_id", bucket + "/" + key), new Document("_id", bucket + "/" + key)
					.append("bucket", bucket).append("key", key).append("size", size).append("etag", etag)
					.append("crc", Long.toUnsignedString(crc)).append("contentType", contentType)
					.append("meta", new Document(Map.copyOf(meta))).append("files", list).append("modified", new Date())
					.append("multipart", multipart), new ReplaceOptions().upsert(true));
		} catch (MongoException e) {
			throw Chunks.failed("cannot store " + bucket + "/" + key, e);
		}
		former.ifPresent(f -> dropFiles(f, files));
	}

	/**
	 * Removes an object and its bytes.
	 *
	 * @param bucket the bucket
	 * @param key    the key
	 * @return whether there was one
	 */
	public boolean delete(String bucket, String key) {
		Optional<StoredObject> o = head(bucket, key);
		if (o.isEmpty()) {
			return false;
		}
		try {
			objects.deleteOne(new Document("_id", bucket + "/" + key));
		} catch (MongoException e) {
			throw Chunks.failed("cannot remove " + bucket + "/" + key, e);
		}
		dropFiles(o.get(), List.of());
		return true;
	}

	private void dropFiles(StoredObject o, List<ChunkedFile> kept) {
		for (int i = 0; i < o.files().size(); i++) {
			String id = o.files().get(i);
			if (kept.stream().noneMatch(w -> w.id().equals(id))) {
				chunks.discard(id, o.sizes().get(i));
			}
		}
	}
}
