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

import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.store.files.UploadSession;
import io.tiepoint.hub.internal.store.files.UploadStore;
import io.tiepoint.hub.internal.store.FileIds;

/**
 * GetUploadState's side of the uploads (seed 003, 3.1): finds or starts the caller's upload of a content
 * (or of a platform image), records what the call declares (length, description, an image's md5), and
 * hands the lease to the caller unless another client holds it or writes.
 */
final class UploadStates {

	/** How long GetUploadState of the upload's holder waits for a POST that still writes it. */
	static final long WRITER_WAIT_MILLIS = 2_000;

	private final UploadParts parts;
	private final UploadSessions sessions;
	private final UploadCompletion completion;
	private final GridFsUploads images;

	UploadStates(UploadParts parts, UploadSessions sessions, UploadCompletion completion, GridFsUploads images) {
		this.parts = parts;
		this.sessions = sessions;
		this.completion = completion;
		this.images = images;
	}

	/** @param ask the call @return the state */
	UploadState state(UploadAsk ask) {
		GridFsUploads.Target image = ask.uid() == null ? null : images.target(ask.uid());
		if (image != null && !ask.user().equals(image.owner())) {
			image = null; // another user's image: its upload id means nothing to this caller
		}
		boolean isImage = image != null;
		UploadStore uploads = parts.uploads();
		String key = isImage ? "uid:" + ask.uid() : key(ask.md5(), ask.user());
		UploadSession doc = uploads.find(key);
		if (doc == null && !isImage && ask.filename() == null) {
			throw new ResourceException(404, "no upload of md5 " + ask.md5()
					+ " by this user on this hub; send filename (and directory) with the first call to start one");
		}
		if (doc == null) {
			String name = isImage ? UploadSessions.imageName(image, ask.filename()) : ask.filename();
			doc = sessions.create(key, isImage ? ask.uid() : UploadSessions.newUid(), ask.md5(), name, ask.directory(),
					ask.user(), isImage);
		}
		if (ask.fileInfo() != null && !ask.fileInfo().equals(doc.fileinfo()) && !doc.complete()) {
			uploads.setFileinfo(key, ask.fileInfo());
		}
		if (isImage && doc.md5() == null) {
			uploads.setMd5(key, ask.md5());
		} else if (isImage && !ask.md5().equals(doc.md5())) {
			throw new ResourceException(409, "upload " + doc.filename() + " already holds content of md5 "
					+ doc.md5() + ", not " + ask.md5());
		}
		if (doc.complete()) {
			return complete(doc);
		}
		String name = doc.filename();
		return parts.slots().locked(key, slot -> state(ask, key, parts.current(key, name), slot, isImage));
	}

	/** Under the slot's lock. */
	private UploadState state(UploadAsk ask, String key, UploadSession doc, UploadSlot slot, boolean isImage) {
		if ((isImage || ask.uid() != null && ask.uid().equals(doc.uid())) && awaitWriter(slot)) {
			doc = parts.current(key, doc.filename());
		}
		long length = doc.length();
		long offset = doc.offset();
		if (doc.complete()) {
			parts.slots().drop(key, slot);
			return complete(doc);
		}
		if (length >= 0 && offset == length) {
			return new UploadState(2, length, completion.finish(slot, doc), null, length);
		}
		length = declare(key, doc, ask.length());
		long now = System.currentTimeMillis();
		boolean writing = slot.writing(now, parts.leaseMillis());
		boolean leased = doc.leaseUntil() > now;
		boolean holder = isImage || ask.uid() != null && ask.uid().equals(doc.uid());
		long declared = Math.max(length, 0);
		if ((writing || leased) && !holder || writing && isImage) {
			return new UploadState(0, declared, "", null, offset);
		}
		if (ask.filename() == null && ask.uid() == null) {
			return writing || leased ? new UploadState(0, declared, "", null, offset)
					: new UploadState(1, declared, "", doc.uid(), offset);
		}
		String next = holder ? doc.uid() : UploadSessions.newUid();
		parts.uploads().lease(key, next, now + parts.leaseMillis(), now);
		return new UploadState(1, declared, "", next, offset);
	}

	/**
	 * Under the slot's lock: the upload's holder asks while a POST still writes it. Most likely that POST broke
	 * on the client's side and the hub has not read up to the break yet; the client asks to learn where to resume,
	 * so it waits (at most {@link #WRITER_WAIT_MILLIS}) until the POST is done and the offset is what was kept.
	 *
	 * @return whether it waited (the upload is to be read again)
	 */
	private static boolean awaitWriter(UploadSlot slot) {
		long deadline = System.nanoTime() + WRITER_WAIT_MILLIS * 1_000_000L;
		boolean waited = false;
		while (slot.writer != null) {
			long left = (deadline - System.nanoTime()) / 1_000_000L;
			if (left <= 0) {
				break;
			}
			try {
				slot.wait(left);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			waited = true;
		}
		return waited;
	}

	private static UploadState complete(UploadSession doc) {
		long length = doc.length();
		return new UploadState(2, length, FileIds.of(doc.md5(), doc.fileId()), null, length);
	}

	/** The key of a user's upload of a content; a document of an earlier version ({@code md5:<md5>}) when theirs. */
	private String key(String md5, String user) {
		String key = "md5:" + md5 + ":" + user;
		if (parts.uploads().find(key) == null) {
			UploadSession legacy = parts.uploads().find("md5:" + md5);
			if (legacy != null && user.equals(legacy.user())) {
				return legacy.key();
			}
		}
		return key;
	}

	/** Under the slot's lock: records a length declared to GetUploadState. @return the upload's length */
	private long declare(String key, UploadSession doc, long declared) {
		long length = doc.length();
		if (declared < 0 || declared == length) {
			return length;
		}
		if (length >= 0 && doc.offset() > 0) {
			throw new ResourceException(409, "upload of " + doc.filename() + " was started with "
					+ length + " bytes, not " + declared);
		}
		parts.uploads().declare(key, declared);
		return declared;
	}
}
