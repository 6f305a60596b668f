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

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.store.files.FileMeta;
import io.tiepoint.hub.internal.store.files.UploadSession;
import io.tiepoint.hub.internal.store.FileIds;

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

	/**
	 * Under the slot's lock: checks the md5, writes the files document, marks the upload complete.
	 *
	 * @return the FileID
	 */
	String finish(UploadSlot slot, UploadSession doc) {
		String key = doc.key();
		String name = doc.filename();
		String fileId = doc.fileId();
		long length = doc.length();
		slot.ensureDigest(parts.store(), fileId, length);
		String[] sums = slot.finish();
		String md5 = sums[0];
		String expected = doc.md5();
		if (expected != null && !expected.equals(md5)) {
			parts.store().delete(fileId, UploadParts.chunks(length));
			parts.uploads().restart(key);
			LOG.warn("upload of " + name + " discarded: md5 " + md5 + " of the content, " + expected + " declared");
			throw new ResourceException(422, "md5 mismatch for " + name + ": the content received has md5 " + md5
					+ ", the upload declared " + expected + "; the upload was discarded, send the file again");
		}
		boolean image = doc.image();
		GridFsUploads.Target owner = image ? images.target(doc.uid()) : null;
		parts.store().writeFile(fileId, length, name, FileMeta.upload(md5, sums[1], FileIds.route(md5),
				owner != null ? owner.owner() : doc.user(), doc.directory(), image ? "image" : "resource", doc.fileinfo(),
				owner != null ? owner.pid() : null));
		parts.uploads().complete(key, md5, sums[1]);
		parts.slots().drop(key, slot);
		parts.quota().release(doc.user());
		if (image) {
			try {
				images.completed(doc.uid(), fileId);
			} catch (IllegalArgumentException e) {
				LOG.warn("upload of " + name + " completed, but its image is gone");
			}
		}
		return FileIds.of(md5, fileId);
	}
}
