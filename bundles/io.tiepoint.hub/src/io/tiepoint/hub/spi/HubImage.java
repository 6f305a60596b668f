/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.spi;

import java.util.Objects;

/**
 * A registered image as a {@link HubCloud} sees it.
 *
 * @param id          the image id (24 hex digits), as clients see it
 * @param projectId   its project's id
 * @param name        the client's file name
 * @param filename    the unique stored name the hub gave it, {@code <24 hex>.<ext>}
 * @param key         the object key, {@code <projectId>/<filename>}
 * @param bucket      the bucket it was registered to, one of {@link HubCloud#buckets()}
 * @param contentType the Content-Type its upload must carry, e.g. {@code image/jpeg}
 * @param checksum    the sha1 the client registered (40 lower-case hex digits), or null when it gave none
 * @param size        the stored size in bytes once the hub saw the bytes, else {@link #UNKNOWN}
 * @param uploadToken for a {@link HubCloud.Hosted} cloud: the secret of its upload URL; else null
 * @param location    where the store put the bytes, as it names them (a {@link HubCloud.Hosted} cloud's file
 *                    id), once they arrived; null for stores addressed by {@code key}
 */
public record HubImage(String id, String projectId, String name, String filename, String key, String bucket,
		String contentType, String checksum, long size, String uploadToken, String location) {

	/** {@link #size()} when the bytes were not seen yet. */
	public static final long UNKNOWN = -1;

	/** Checks the parts every image has. */
	public HubImage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(key, "key");
	}
}
