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

import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;

import com.aliyun.oss.common.utils.CRC64;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import io.tiepoint.exif.Digests;

/**
 * Multipart uploads of the gateway ({@code oss.uploads}, {@code oss.parts}): parts are files of their own; completing
 * checks the client's list (each part there with that ETag, ascending, all but the last at least 100 KB, OSS's rules)
 * and makes the object of the parts' files, with OSS's ETag ({@code MD5(part MD5s)-N}) and the parts' CRC64s combined.
 */
final class Multiparts {

	/** A part as stored. */
	record Part(int number, String etag, long size, long crc, Chunks.Written file, Date modified) {
	}

	static final long MIN_PART = 100 * 1024;
	private final GatewayStore store;
	private final MongoCollection<Document> uploads;
	private final MongoCollection<Document> parts;

	Multiparts(MongoDatabase db, GatewayStore store) {
		this.store = store;
		this.uploads = db.getCollection("oss.uploads");
		this.parts = db.getCollection("oss.parts");
	}

	String initiate(String bucket, String key, String contentType, Map<String, String> meta) {
		String id = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		uploads.insertOne(new Document("_id", id).append("bucket", bucket).append("key", key)
				.append("contentType", contentType).append("meta", new Document(Map.copyOf(meta)))
				.append("initiated", new Date()));
		return id;
	}

	/** @return the upload, checked to be of this object @throws OssError {@code NoSuchUpload} */
	Document upload(String id, String bucket, String key) throws OssError {
		Document u = id == null ? null : uploads.find(new Document("_id", id)).first();
		if (u == null || !bucket.equals(u.getString("bucket")) || !key.equals(u.getString("key"))) {
			throw new OssError(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid,"
					+ " or the upload may have been aborted or completed.");
		}
		return u;
	}

	void putPart(String id, int n, Chunks.Written w) {
		Document former = parts.find(new Document("_id", id + "/" + n)).first();
		parts.replaceOne(new Document("_id", id + "/" + n), new Document("_id", id + "/" + n).append("upload", id)
				.append("n", n).append("file", w.id()).append("size", w.size()).append("etag", GatewayStore.etag(w.md5()))
				.append("crc", Long.toUnsignedString(w.crc())).append("modified", new Date()), new ReplaceOptions().upsert(true));
		if (former != null) {
			store.chunks().discard(former.getObjectId("file"), former.getLong("size"));
		}
	}

	List<Part> list(String id) {
		List<Part> out = new ArrayList<>();
		for (Document d : parts.find(new Document("upload", id)).sort(Sorts.ascending("n"))) {
			out.add(new Part(d.getInteger("n"), d.getString("etag"), d.getLong("size"),
					Long.parseUnsignedLong(d.getString("crc")), new Chunks.Written(d.getObjectId("file"), d.getLong("size"),
							null, 0), d.getDate("modified")));
		}
		return out;
	}

	/**
	 * @param upload the upload
	 * @param asked  part number to ETag, in the client's order
	 * @return the object's ETag and CRC64
	 * @throws OssError {@code InvalidPart}, {@code InvalidPartOrder}, {@code EntityTooSmall}
	 */
	String[] complete(Document upload, List<Map.Entry<Integer, String>> asked) throws OssError {
		String id = upload.getString("_id");
		Map<Integer, Part> held = new TreeMap<>();
		list(id).forEach(p -> held.put(p.number(), p));
		if (asked.isEmpty()) {
			throw new OssError(400, "MalformedXML", "The XML you provided was not well-formed: no Part.");
		}
		List<Chunks.Written> files = new ArrayList<>();
		var md5 = Digests.md5();
		long crc = 0;
		int last = 0;
		for (int i = 0; i < asked.size(); i++) {
			int n = asked.get(i).getKey();
			Part p = held.get(n);
			if (n <= last) {
				throw new OssError(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
			}
			if (p == null || !p.etag().equalsIgnoreCase(asked.get(i).getValue().replace("\"", "").trim())) {
				throw new OssError(400, "InvalidPart", "One or more of the specified parts could not be found or the"
						+ " specified entity tag might not have matched the part's entity tag (part " + n + ").");
			}
			if (i < asked.size() - 1 && p.size() < MIN_PART) {
				throw new OssError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"
						+ " (part " + n + ": " + p.size() + " bytes).");
			}
			md5.update(HexFormat.of().parseHex(p.etag()));
			crc = files.isEmpty() ? p.crc() : CRC64.combine(crc, p.crc(), p.size());
			files.add(p.file());
			last = n;
		}
		String etag = GatewayStore.etag(md5.digest()) + "-" + files.size();
		Map<String, String> meta = new TreeMap<>();
		upload.get("meta", new Document()).forEach((k, v) -> meta.put(k, String.valueOf(v)));
		store.put(upload.getString("bucket"), upload.getString("key"), files, etag, crc, upload.getString("contentType"),
				meta, true);
		for (Part p : held.values()) {
			if (files.stream().noneMatch(f -> f.id().equals(p.file().id()))) {
				store.chunks().discard(p.file().id(), p.size());
			}
		}
		parts.deleteMany(new Document("upload", id));
		uploads.deleteOne(new Document("_id", id));
		return new String[] { etag, Long.toUnsignedString(crc) };
	}

	void abort(String id) {
		for (Part p : list(id)) {
			store.chunks().discard(p.file().id(), p.size());
		}
		parts.deleteMany(new Document("upload", id));
		uploads.deleteOne(new Document("_id", id));
	}
}
