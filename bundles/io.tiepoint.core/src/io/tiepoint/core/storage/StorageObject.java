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
import java.util.Map;
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
 * @param grant       what the platform handed out beside the URL for this object (the fields of the
 *                    registration's payload, e.g. {@code sts.id}, {@code sts.token}); empty in the direct
 *                    flow. It may hold temporary credentials: never shown or logged
 */
public record StorageObject(String name, String key, Content content, String sha1, String md5, String contentType,
		URI url, Instant urlExpires, Map<String, String> grant) {

	/** Checks the required parts. */
	public StorageObject {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(sha1, "sha1");
		contentType = contentType == null ? "application/octet-stream" : contentType;
		grant = grant == null ? Map.of() : Map.copyOf(grant);
	}

	/**
	 * An object without a platform grant.
	 *
	 * @param name        the name shown in messages
	 * @param key         the object key
	 * @param content     the bytes
	 * @param sha1        the SHA-1
	 * @param md5         the MD5, or null
	 * @param contentType the media type
	 * @param url         a URL the platform handed out, or null
	 * @param urlExpires  when it stops working, or null
	 */
	public StorageObject(String name, String key, Content content, String sha1, String md5, String contentType, URI url,
			Instant urlExpires) {
		this(name, key, content, sha1, md5, contentType, url, urlExpires, Map.of());
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
