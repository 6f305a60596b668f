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

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.store.FileIds;
import io.tiepoint.hub.internal.store.ImageRecord;

/**
 * The end of an upload whose bytes are all committed: the md5 of the content is checked against the one
 * declared (a mismatch discards the upload), the files document is written last (owned by the uploader,
 * or by the image's owner and project), the upload is marked complete, its slot and quota count released,
 * and a platform image is handed to verification.
 */
final class UploadCompletion {

	private static final HubLog LOG = HubLog.of(UploadCompletion.class);
	private final UploadParts parts;
	private final GridFsUploads images;

	UploadCompletion(UploadParts parts, GridFsUploads images) {
		this.parts = parts;
		this.images = images;
	}

	/** Under the slot's lock: checks the md5, writes the files document, marks the upload complete. */
	void finish(UploadSlot slot, Document doc) {
		String key = doc.getString("_id");
		String name = doc.getString("filename");
		ObjectId fileId = doc.getObjectId("fileId");
		long length = doc.getLong("length");
		slot.ensureDigest(parts.store(), fileId, length);
		String[] sums = slot.finish();
		String md5 = sums[0];
		String expected = doc.getString("md5");
		if (expected != null && !expected.equals(md5)) {
			parts.store().delete(fileId, (int) ((length + ChunkStore.CHUNK_SIZE - 1) / ChunkStore.CHUNK_SIZE));
			parts.uploads().updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("offset", 0L), Updates.set("length", -1L),
					Updates.unset("declared"), Updates.set("fileId", new ObjectId()), Updates.set("leaseUntil", 0L)));
			LOG.warn("upload of " + name + " discarded: md5 " + md5 + " of the content, " + expected + " declared");
			throw new ResourceException(422, "md5 mismatch for " + name + ": the content received has md5 " + md5
					+ ", the upload declared " + expected + "; the upload was discarded, send the file again");
		}
		boolean image = Boolean.TRUE.equals(doc.getBoolean("image"));
		ImageRecord owner = image ? images.image(doc.getString("uid")) : null;
		Document meta = new Document("md5", md5).append("sha1", sums[1]).append("route", FileIds.route(md5))
				.append("user", owner != null ? owner.owner() : doc.getString("user"))
				.append("directory", doc.getString("directory")).append("kind", image ? "image" : "resource");
		if (doc.getString("fileinfo") != null) {
			meta.append("fileinfo", doc.getString("fileinfo"));
		}
		if (owner != null) {
			meta.append("pid", new ObjectId(owner.pid()));
		}
		parts.store().writeFile(fileId, length, name, meta);
		parts.uploads().updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("state", "complete"), Updates.set("md5", md5),
				Updates.set("sha1", sums[1]), Updates.set("leaseUntil", 0L)));
		doc.put("md5", md5);
		parts.slots().drop(key, slot);
		parts.quota().release(doc.getString("user"));
		if (image) {
			try {
				images.completed(doc.getString("uid"), fileId.toHexString());
			} catch (IllegalArgumentException e) {
				LOG.warn("upload of " + name + " completed, but its image is gone");
			}
		}
	}
}
