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
import java.util.Map;

import io.tiepoint.hub.internal.store.files.UploadSession;
import io.tiepoint.hub.internal.store.FileIds;

/**
 * The POST side of the uploads (seed 003, 3.2): checks the Range against the upload, makes the POST the
 * upload's writer, streams the body into chunks ({@link UploadBody}) and completes the file when its last
 * byte is committed ({@link UploadCompletion}).
 */
final class UploadReceiver {

	private final UploadParts parts;
	private final UploadSessions sessions;
	private final UploadBody body;
	private final UploadCompletion completion;
	private final long maxBytes;

	UploadReceiver(UploadParts parts, UploadSessions sessions, UploadBody body, UploadCompletion completion,
			long maxBytes) {
		this.parts = parts;
		this.sessions = sessions;
		this.body = body;
		this.completion = completion;
		this.maxBytes = maxBytes;
	}

	/** See {@link Uploads#receive(String, long, long, InputStream)}. */
	String receive(String uid, long start, long contentLength, InputStream in) throws IOException {
		UploadSession doc = sessions.findByUid(uid);
		String key = doc.key();
		String name = doc.filename();
		if (doc.complete()) {
			return FileIds.of(doc.md5(), doc.fileId());
		}
		if (contentLength < 0) {
			throw new ResourceException(411, "upload of " + name + ": Content-Length is required");
		}
		long total = Params.bounded(start + contentLength, maxBytes, "upload of " + name);
		UploadSlot.Writer w = new UploadSlot.Writer();
		UploadSlot slot = parts.slots().locked(key, s -> {
			begin(s, w, parts.current(key, name), uid, doc.image(), start, total);
			return s;
		});
		long committed = body.read(slot, w, key, name, doc.fileId(), start, contentLength, in);
		synchronized (slot) {
			try {
				if (slot.writer != w) {
					throw new ResourceException(409, "upload of " + name + " was taken over by another client, or expired");
				}
				UploadSession now = parts.current(key, name);
				if (now.offset() != committed) {
					throw new ResourceException(409, "upload of " + name + " changed while it was written");
				}
				return completion.finish(slot, now);
			} finally {
				UploadBody.release(slot, w);
			}
		}
	}

	/** Under the slot's lock: checks the Range against the upload and makes the POST its writer. */
	private void begin(UploadSlot slot, UploadSlot.Writer w, UploadSession doc, String uid, boolean image, long start,
			long total) {
		String name = doc.filename();
		if (!image && !uid.equals(doc.uid())) {
			throw new ResourceException(409, "upload of " + name + " was taken over by another client");
		}
		long offset = doc.offset();
		long length = doc.length();
		if (length >= 0 && start > length) {
			throw new ResourceException(416, "upload of " + name + ": Range " + start + " is past the end ("
					+ length + " bytes)", Map.of("UploadLength", offset));
		}
		if (start != offset) {
			throw new ResourceException(416, "upload of " + name + ": Range " + start
					+ " is not the server's offset " + offset + "; ask GetUploadState", Map.of("UploadLength", offset));
		}
		if (length >= 0 && total != length && (offset > 0 || doc.declared())) {
			throw new ResourceException(400, "upload of " + name + ": Range + Content-Length = " + total
					+ " bytes, but the file was declared with " + length);
		}
		slot.writer = w;
		long now = System.currentTimeMillis();
		parts.uploads().start(doc.key(), total, now + parts.leaseMillis(), now);
		slot.ensureDigest(parts.store(), doc.fileId(), offset);
	}
}
