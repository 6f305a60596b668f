/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.storage.memory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One object a {@link MemoryStore} holds, as a test inspects it.
 * <p>
 * As with S3's {@code x-amz-meta-sha1}, the SHA-1 is what the client declared when it sent the object
 * (metadata the store does not check); the MD5 is computed by the store from the bytes it received (as an
 * ETag). {@link #intact()} tells whether the bytes still have the declared SHA-1, which is what a
 * platform's verification finds out.
 *
 * @param key         the full key (the destination's prefix included)
 * @param bytes       the content; the accessor returns a copy
 * @param sha1        the SHA-1 the client declared, lower-case hex
 * @param md5         the MD5 of the stored bytes, lower-case hex
 * @param contentType the media type the client declared
 */
public record MemoryObject(String key, byte[] bytes, String sha1, String md5, String contentType) {

	/** Copies the bytes. */
	public MemoryObject {
		Objects.requireNonNull(key, "key");
		bytes = bytes.clone();
		md5 = md5 == null ? hex("MD5", bytes) : md5;
		contentType = contentType == null ? "application/octet-stream" : contentType;
	}

	/** @return a copy of the content */
	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	/** @return the length in bytes */
	public long size() {
		return bytes.length;
	}

	/** @return the SHA-1 of the stored bytes, computed now */
	public String contentSha1() {
		return hex("SHA-1", bytes);
	}

	/** @return whether the stored bytes have the SHA-1 the client declared */
	public boolean intact() {
		return contentSha1().equals(sha1);
	}

	/** The bytes of [from, to), without a copy of the whole. */
	byte[] range(long from, long to) {
		return java.util.Arrays.copyOfRange(bytes, (int) from, (int) to);
	}

	@Override
	public String toString() {
		return "MemoryObject[" + key + ", size=" + bytes.length + ", sha1=" + sha1 + ", md5=" + md5 + "]";
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof MemoryObject m && key.equals(m.key) && java.util.Arrays.equals(bytes, m.bytes)
				&& Objects.equals(sha1, m.sha1) && contentType.equals(m.contentType);
	}

	@Override
	public int hashCode() {
		return Objects.hash(key, sha1, md5);
	}

	/**
	 * @param algorithm {@code SHA-1} or {@code MD5}
	 * @param bytes     the bytes
	 * @return the lower-case hex digest
	 */
	static String hex(String algorithm, byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
