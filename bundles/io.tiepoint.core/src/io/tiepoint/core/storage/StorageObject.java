/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One object to send or look up.
 *
 * @param name        the name shown in messages (the local file name)
 * @param key         the object key in the target (provider-relative, without the target's prefix)
 * @param content     the bytes
 * @param sha1        lower-case hex SHA-1 of the content (the platform checksum)
 * @param md5         lower-case hex MD5 of the content (the resource service's key), or null
 * @param contentType the media type, e.g. {@code image/jpeg}
 * @param url         a URL the platform handed out for this object (presigned PUT, resumable upload
 *                    URL), or null in the direct flow
 * @param urlExpires  when {@code url} stops working, or null
 */
public record StorageObject(String name, String key, Content content, String sha1, String md5, String contentType,
		URI url, Instant urlExpires) {

	/** Checks the required parts. */
	public StorageObject {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(sha1, "sha1");
		contentType = contentType == null ? "application/octet-stream" : contentType;
	}

	/** @return the length of the content */
	public long size() {
		return content.length();
	}

	@Override
	public String toString() {
		// a presigned URL carries a signature: only its path is shown
		return "StorageObject[" + name + ", key=" + key + ", size=" + size() + ", sha1=" + sha1
				+ (url == null ? "" : ", url=" + url.getScheme() + "://" + url.getAuthority() + url.getPath()) + "]";
	}
}
