/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.oss;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The gateway's objects: a document per {@code BUCKET/KEY} in {@code oss.objects} (size, ETag, CRC64, Content-Type,
 * user metadata) naming the files that hold its bytes in order (one for a PutObject, one per part for a completed
 * multipart upload, so completing copies nothing). An object put again replaces the document first, then drops the
 * former files.
 */
public final class GatewayStore {

	/** An object as stored. */
	public record StoredObject(String bucket, String key, long size, String etag, long crc, String contentType,
			Map<String, String> meta, List<ObjectId> files, List<Long> sizes, Date modified, boolean multipart) {
	}

	private final Chunks chunks;
	private final MongoCollection<Document> objects;

	/** @param db the hub's database */
	public GatewayStore(MongoDatabase db) {
		this.chunks = new Chunks(db);
		this.objects = db.getCollection("oss.objects");
	}

	Chunks chunks() {
		return chunks;
	}

	/**
	 * @param bucket a bucket
	 * @param key    a key
	 * @return the object, when stored
	 */
	public Optional<StoredObject> head(String bucket, String key) {
		Document d = objects.find(new Document("_id", bucket + "/" + key)).first();
		if (d == null) {
			return Optional.empty();
		}
		List<ObjectId> files = new ArrayList<>();
		List<Long> sizes = new ArrayList<>();
		for (Document f : d.getList("files", Document.class)) {
			files.add(f.getObjectId("id"));
			sizes.add(f.getLong("size"));
		}
		Map<String, String> meta = new TreeMap<>();
		d.get("meta", new Document()).forEach((k, v) -> meta.put(k, String.valueOf(v)));
		return Optional.of(new StoredObject(bucket, key, d.getLong("size"), d.getString("etag"),
				Long.parseUnsignedLong(d.getString("crc")), d.getString("contentType"), meta, files, sizes,
				d.getDate("modified"), d.getBoolean("multipart", false)));
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
	 * Stores an object, replacing the one of that key.
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
	void put(String bucket, String key, List<Chunks.Written> files, String etag, long crc, String contentType,
			Map<String, String> meta, boolean multipart) {
		Optional<StoredObject> former = head(bucket, key);
		List<Document> list = new ArrayList<>();
		long size = 0;
		for (Chunks.Written w : files) {
			list.add(new Document("id", w.id()).append("size", w.size()));
			size += w.size();
		}
		objects.replaceOne(new Document("_id", bucket + "/" + key), new Document("_id", bucket + "/" + key)
				.append("bucket", bucket).append("key", key).append("size", size).append("etag", etag)
				.append("crc", Long.toUnsignedString(crc)).append("contentType", contentType)
				.append("meta", new Document(Map.copyOf(meta))).append("files", list).append("modified", new Date())
				.append("multipart", multipart), new ReplaceOptions().upsert(true));
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
		objects.deleteOne(new Document("_id", bucket + "/" + key));
		dropFiles(o.get(), List.of());
		return true;
	}

	private void dropFiles(StoredObject o, List<Chunks.Written> kept) {
		for (int i = 0; i < o.files().size(); i++) {
			ObjectId id = o.files().get(i);
			if (kept.stream().noneMatch(w -> w.id().equals(id))) {
				chunks.discard(id, o.sizes().get(i));
			}
		}
	}

	/** @param md5 an MD5 @return OSS's ETag of a single put: its hex, upper-case */
	static String etag(byte[] md5) {
		return HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT);
	}

	/** @param in a stream to drain and close (a body already refused) */
	static void drain(InputStream in) {
		try (in) {
			in.skip(Long.MAX_VALUE);
		} catch (IOException e) {
			// the client went away
		}
	}
}
