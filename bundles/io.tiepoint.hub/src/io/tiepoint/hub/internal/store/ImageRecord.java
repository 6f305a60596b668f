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
import java.util.Collection;
import java.util.List;

/**
 * An image as the hub keeps it (the {@code images} document). Ids are the 24 hex digits clients see.
 *
 * @param id            the image
 * @param pid           its project
 * @param owner         the user who registered it
 * @param name          the client's file name, sanitized
 * @param filename      the hashed name it is stored under
 * @param checksum      its sha1, or {@code unknown-...} when the client gave none
 * @param checksumKnown whether the client gave the checksum
 * @param type          IMAGE_TYPE or null
 * @param contentType   its media type
 * @param state         its state
 * @param error         why it is Invalid (empty otherwise)
 * @param cloud         the cloud its bytes go to
 * @param bucket        the bucket there
 * @param key           the object key there
 * @param uploadId      a hosted cloud's upload token, or null
 * @param gridFsId      where a hosted cloud stored the bytes (the GridFS file's id), or null
 * @param size          bytes stored, or null when not known yet
 * @param width         pixels, or null before verification
 * @param height        pixels, or null before verification
 * @param megapixels    its size in megapixels (0 before verification)
 * @param registeredAt  when it was registered (again)
 * @param updatedAt     when it last changed state
 * @param verifying     whether a verification worker holds it
 * @param rev           its revision (every change increments it), or null for images written before revisions
 */
public record ImageRecord(String id, String pid, String owner, String name, String filename, String checksum,
		boolean checksumKnown, String type, String contentType, HubImageState state, List<String> error, String cloud,
		String bucket, String key, String uploadId, String gridFsId, Long size, Integer width, Integer height,
		double megapixels, Instant registeredAt, Instant updatedAt, boolean verifying, Long rev) {

	/** @return the checksum when the client gave it, else null */
	public String knownChecksum() {
		return checksumKnown ? checksum : null;
	}

	/** @param states some states @return whether the image is in one of them */
	public boolean isIn(Collection<HubImageState> states) {
		return states.contains(state);
	}
}
