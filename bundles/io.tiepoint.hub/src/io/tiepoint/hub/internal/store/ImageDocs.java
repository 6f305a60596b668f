/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * Image documents and {@link ImageRecord}s, one into the other; the field names are those of the stored documents.
 * The two fields a cloud's work adds ({@link #UPLOAD_ID}, {@link #GRIDFS_ID}) have the names the GridFS cloud, the
 * first to need them, gave them; kept so that data directories of earlier versions read the same.
 */
final class ImageDocs {

	/** The field holding a hosted cloud's upload token. */
	static final String UPLOAD_ID = "uploadId";
	/** The field holding where a hosted cloud stored the bytes (an ObjectId for GridFS files). */
	static final String GRIDFS_ID = "gridFsId";

	private ImageDocs() {
	}

	/** @param d an image document, or null @return it as a record, or null */
	static ImageRecord record(Document d) {
		if (d == null) {
			return null;
		}
		String state = d.getString("state");
		return new ImageRecord(Ids.text(d.get("_id")), Ids.text(d.get("pid")), d.getString("owner"), d.getString("name"),
				d.getString("filename"), d.getString("checksum"), d.getBoolean("checksumKnown", false), d.getString("type"),
				d.getString("contentType"), state == null ? null : HubImageState.valueOf(state),
				d.getList("error", String.class, List.of()), d.getString("cloud"), d.getString("bucket"), d.getString("key"),
				d.getString(UPLOAD_ID), Ids.text(d.get(GRIDFS_ID)), d.get("size") instanceof Number n ? n.longValue() : null,
				d.get("width") instanceof Number w ? w.intValue() : null,
				d.get("height") instanceof Number h ? h.intValue() : null,
				d.get("megapixels") instanceof Number m ? m.doubleValue() : 0.0, instant(d.get("registeredAt")),
				instant(d.get("updatedAt")), Boolean.TRUE.equals(d.get("verifying")),
				d.get("rev") instanceof Number r ? r.longValue() : null);
	}

	/**
	 * @param r a new image
	 * @return its registration document, fields in the order registrations always wrote them (without {@code rev})
	 */
	static Document registration(ImageRecord r) {
		return new Document("_id", Ids.parse(r.id())).append("pid", Ids.parse(r.pid())).append("owner", r.owner())
				.append("name", r.name()).append("filename", r.filename()).append("checksum", r.checksum())
				.append("checksumKnown", r.checksumKnown()).append("type", r.type()).append("contentType", r.contentType())
				.append("state", r.state() == null ? null : r.state().name()).append("error", r.error())
				.append("cloud", r.cloud()).append("bucket", r.bucket()).append("key", r.key())
				.append(UPLOAD_ID, r.uploadId()).append("registeredAt", date(r.registeredAt()))
				.append("updatedAt", date(r.updatedAt()));
	}

	static Instant instant(Object d) {
		return d instanceof Date date ? date.toInstant() : null;
	}

	static Date date(Instant i) {
		return i == null ? null : Date.from(i);
	}
}
