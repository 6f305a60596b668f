/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageTarget;

/**
 * The settings of one S3 session, read from a {@link StorageTarget}. Holds secrets: never printed
 * ({@link #toString()} leaves them out).
 *
 * @param endpoint     explicit endpoint, or null for AWS
 * @param bucket       the bucket (direct flow), or null
 * @param prefix       key prefix, "" or ending with '/'
 * @param region       the signing region
 * @param accessKey    access key id, or null (platform flow)
 * @param secretKey    secret access key, or null
 * @param sessionToken STS session token, or null
 * @param threshold    size from which MultipartPut is preferred
 * @param partSize     bytes per part (at least {@link #MIN_PART}: smaller settings are raised to it)
 * @param listPageSize parts per ListParts page
 * @param stall        how long a transfer may make no progress before it is abandoned (TRANSIENT)
 */
public record S3Config(URI endpoint, String bucket, String prefix, String region, String accessKey, String secretKey,
		String sessionToken, long threshold, long partSize, int listPageSize, java.time.Duration stall) {

	/** Option: the region. */
	public static final String REGION = "region";
	/** Option: the multipart threshold. */
	public static final String THRESHOLD = "multipart.threshold";
	/** Option: the part size. */
	public static final String PART_SIZE = "multipart.partSize";
	/** Option (tests): parts per ListParts page. */
	public static final String LIST_PAGE_SIZE = "multipart.listPageSize";
	/** Option: seconds without progress before a transfer is abandoned and retried (default 60). */
	public static final String STALL = "stall.timeout";
	/** S3's smallest part (but the last): S3 and S3-compatible stores refuse smaller ones at the end. */
	public static final long MIN_PART = 5L << 20;
	/** S3's largest part number. */
	static final int MAX_PARTS = 10_000;

	/**
	 * @param target the target
	 * @return its settings
	 * @throws StorageException {@code PERMANENT} naming what is missing or malformed
	 */
	public static S3Config of(StorageTarget target) throws StorageException {
		String access = blankToNull(target.secret("accessKey"));
		String secret = blankToNull(target.secret("secretKey"));
		String token = blankToNull(target.secret("sessionToken"));
		if ((access == null) != (secret == null)) {
			throw permanent("S3 target " + target.bucket() + ": secret '" + (access == null ? "accessKey" : "secretKey")
					+ "' is missing");
		}
		if (access != null && (target.bucket() == null || target.bucket().isBlank())) {
			throw permanent("S3 target: the bucket is missing");
		}
		String prefix = target.prefix();
		while (prefix.startsWith("/")) {
			prefix = prefix.substring(1);
		}
		if (!prefix.isEmpty() && !prefix.endsWith("/")) {
			prefix = prefix + "/";
		}
		long threshold = size(target, THRESHOLD, 16L << 20);
		long part = size(target, PART_SIZE, 8L << 20);
		long page = size(target, LIST_PAGE_SIZE, 1000);
		if (part < 1 || threshold < 0 || page < 1 || page > 1000) {
			throw permanent("S3 target " + target.bucket() + ": multipart options out of range");
		}
		long stall = size(target, STALL, 60);
		if (stall < 1) {
			throw permanent("S3 target " + target.bucket() + ": option '" + STALL + "' must be at least 1 (seconds)");
		}
		return new S3Config(target.endpoint(), target.bucket(), prefix, target.option(REGION).filter(s -> !s.isBlank())
				.orElse("us-east-1"), access, secret, token, threshold, Math.max(part, MIN_PART), (int) page,
				java.time.Duration.ofSeconds(stall));
	}

	/** @return whether this is the direct flow (credentials given) */
	public boolean direct() {
		return accessKey != null;
	}

	/**
	 * @param key a provider-relative key
	 * @return the key in the bucket
	 */
	public String fullKey(String key) {
		String k = key;
		while (k.startsWith("/")) {
			k = k.substring(1);
		}
		return prefix + k;
	}

	/**
	 * @param size an object's size
	 * @return the part size for it: the configured one, grown so that at most {@value #MAX_PARTS}
	 *         parts are needed
	 */
	public long partSizeFor(long size) {
		long p = partSize;
		if (size > p * MAX_PARTS) {
			long min = (size + MAX_PARTS - 1) / MAX_PARTS;
			p = ((min + (1 << 20) - 1) >> 20) << 20;
		}
		return p;
	}

	@Override
	public String toString() {
		return "S3Config[endpoint=" + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + ", region=" + region
				+ ", threshold=" + threshold + ", partSize=" + partSize + "]";
	}

	private static String blankToNull(Optional<String> s) {
		return s.filter(v -> !v.isBlank()).orElse(null);
	}

	private static long size(StorageTarget target, String option, long def) throws StorageException {
		Optional<String> v = target.option(option).map(String::trim).filter(s -> !s.isEmpty());
		if (v.isEmpty()) {
			return def;
		}
		String s = v.get().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
		long unit = 1;
		if (s.endsWith("k")) {
			unit = 1L << 10;
		} else if (s.endsWith("m")) {
			unit = 1L << 20;
		} else if (s.endsWith("g")) {
			unit = 1L << 30;
		}
		if (unit != 1) {
			s = s.substring(0, s.length() - 1).trim();
		}
		try {
			return Math.multiplyExact(Long.parseLong(s), unit);
		} catch (NumberFormatException | ArithmeticException e) {
			throw permanent("S3 target: option '" + option + "' is not a size: " + v.get());
		}
	}

	private static StorageException permanent(String message) {
		return new StorageException(StorageException.Kind.PERMANENT, message);
	}
}
