/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.files;

/**
 * One resumable upload of the resource service (a document of {@code resource.uploads}).
 *
 * @param key        {@code md5:<md5>:<user>} (an earlier version's {@code md5:<md5>}), or {@code uid:<upload id>}
 *                   for a platform image
 * @param uid        the current lease holder's upload id (in the UUrl)
 * @param image      whether it uploads a platform image
 * @param md5        the md5 declared (for an image: null until given), after completion the content's
 * @param filename   the file name
 * @param directory  the directory
 * @param fileinfo   the description given to GetUploadState, or null
 * @param user       the uploader (an image's owner)
 * @param length     the length, -1 until declared
 * @param declared   whether GetUploadState declared the length (every POST must then match it)
 * @param offset     bytes committed as whole chunks
 * @param fileId     the GridFS file it writes, 24 hex digits
 * @param state      {@link #OPEN} or {@link #COMPLETE}
 * @param leaseUntil until when (epoch ms) it is reserved for its holder
 * @param createdAt  when it was made, epoch ms
 * @param touchedAt  its last progress, epoch ms, or null (an earlier version's)
 */
public record UploadSession(String key, String uid, boolean image, String md5, String filename, String directory,
		String fileinfo, String user, long length, boolean declared, long offset, String fileId, String state,
		long leaseUntil, long createdAt, Long touchedAt) {

	/** The state of an unfinished upload. */
	public static final String OPEN = "open";
	/** The state of an upload whose file is written. */
	public static final String COMPLETE = "complete";

	/** @return whether its file is written */
	public boolean complete() {
		return COMPLETE.equals(state);
	}

	/** @return when it last made progress, epoch ms */
	public long lastProgress() {
		return touchedAt != null ? touchedAt : createdAt;
	}
}
