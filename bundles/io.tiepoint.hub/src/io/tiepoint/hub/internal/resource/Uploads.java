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
import java.time.Duration;

import io.tiepoint.hub.HubLimits;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.UploadStore;

/**
 * Resumable uploads into GridFS (seed 003, 3.1 and 3.2), per user, one {@link
 * io.tiepoint.hub.internal.store.files.UploadSession} each ({@link UploadStore}): keyed
 * {@code md5:<md5>:<user>} for the resource service (the same content uploaded by two users is two
 * uploads and two files), {@code uid:<upload id>} for an image the platform registered, its owner's. The
 * length is -1 until declared: by GetUploadState's optional {@code FileLenth} (then every POST must match
 * it), or by a POST's Range + Content-Length (which a later POST may change while nothing is committed).
 * GetUploadState is {@link UploadStates}; the body of a POST ({@link UploadReceiver}) is cut into chunks as
 * it arrives ({@link UploadBody}), so a broken connection or a killed hub loses at most the chunk in
 * memory; the files document is written last, only when the md5 matches ({@link UploadCompletion}).
 * <p>
 * Bounds ({@link HubLimits}): a file is at most {@code maxUploadBytes}; a user holds at most
 * {@code maxOpenUploads} unfinished uploads ({@link UploadQuota}); one without progress for
 * {@code uploadExpiry} is deleted, chunks and all ({@link #expire()}, from the hub's sweeper).
 */
public final class Uploads {

	private final long maxBytes;
	private final UploadSlots slots = new UploadSlots();
	private final UploadBody body;
	private final UploadExpiry expiry;
	private final UploadStates states;
	private final UploadReceiver receiver;

	/**
	 * @param db     the database
	 * @param store  the chunk store
	 * @param images the platform's GridFS uploads (image upload ids)
	 * @param lease  how long an upload stays reserved for its holder without progress
	 * @param limits size, count and age bounds
	 */
	public Uploads(Database db, ChunkStore store, GridFsUploads images, Duration lease, HubLimits limits) {
		UploadStore uploads = new UploadStore(db);
		long leaseMillis = lease.toMillis();
		this.maxBytes = limits.maxUploadBytes();
		UploadQuota quota = new UploadQuota(limits.maxOpenUploads(), limits.uploadExpiry(), uploads.openUsers());
		UploadParts parts = new UploadParts(uploads, store, slots, quota, leaseMillis);
		this.body = new UploadBody(parts);
		this.expiry = new UploadExpiry(parts, limits.uploadExpiry());
		UploadCompletion completion = new UploadCompletion(parts, images);
		UploadSessions sessions = new UploadSessions(parts, images);
		this.states = new UploadStates(parts, sessions, completion, images);
		this.receiver = new UploadReceiver(parts, sessions, body, completion, maxBytes);
	}

	/** @return the largest upload this hub accepts, in bytes */
	public long maxBytes() {
		return maxBytes;
	}

	/** @return body bytes received by every POST since the start (benchmark) */
	public long received() {
		return body.received();
	}

	/** @return uploads with in-memory state (writer, running digests): at most the unfinished ones */
	public int slotCount() {
		return slots.size();
	}

	/**
	 * Deletes the unfinished uploads without progress for the hub's upload expiry, chunks and all.
	 *
	 * @return how many were deleted
	 */
	public int expire() {
		return expiry.run();
	}

	/** @param ask a GetUploadState call @return the state */
	UploadState state(UploadAsk ask) {
		return states.state(ask);
	}

	/**
	 * POST of a UUrl: streams the body into chunks from {@code start}.
	 *
	 * @param uid           the upload id of the UUrl
	 * @param start         the Range start offset
	 * @param contentLength the body length
	 * @param in            the body
	 * @return the FileID when the file is complete, else null
	 * @throws IOException when the body cannot be read (the committed chunks stay)
	 */
	String receive(String uid, long start, long contentLength, InputStream in) throws IOException {
		return receiver.receive(uid, start, contentLength, in);
	}
}
