/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageTarget;

/**
 * The settings of one OSS session, read from a {@link StorageTarget}: its options are the provider's setting keys
 * ({@code oss.region}, {@code oss.signature}, {@code oss.multipart.threshold}) and a few of the engine's
 * ({@code stall.timeout}, {@code multipart.partSize} for tests). Holds secrets: {@link #toString()} leaves them out.
 *
 * @param endpoint      the OSS endpoint of the direct flow (the platform's comes with each grant)
 * @param bucket        the bucket (direct flow), or null
 * @param prefix        key prefix, "" or ending with '/'
 * @param region        the region V4 signs for, or null to read it from the endpoint
 * @param v4            whether requests are signed with V4 (else V1)
 * @param accessKey     AccessKey id (direct flow), or null (platform flow: the grant's)
 * @param secretKey     AccessKey secret, or null
 * @param securityToken STS token of the direct flow's temporary credentials, or null
 * @param threshold     size from which MultipartPut is preferred
 * @param partSize      bytes per part
 * @param stall         how long a request may go without progress
 */
public record OssConfig(URI endpoint, String bucket, String prefix, String region, boolean v4, String accessKey,
		String secretKey, String securityToken, long threshold, long partSize, Duration stall) {

	/** Option: the endpoint. */
	public static final String ENDPOINT = "oss.endpoint";
	/** Option: the region. */
	public static final String REGION = "oss.region";
	/** Option: the signature version, {@code v1} or {@code v4}. */
	public static final String SIGNATURE = "oss.signature";
	/** Option: the multipart threshold. */
	public static final String THRESHOLD = "oss.multipart.threshold";
	/** Option (tests): the part size. */
	public static final String PART_SIZE = "multipart.partSize";
	/** The endpoint of the direct flow when none is set: the SDKs' own default region. */
	public static final URI DEFAULT_ENDPOINT = URI.create("https://oss-cn-hangzhou.aliyuncs.com");
	/** OSS's smallest part (but the last). */
	static final long MIN_PART = 100 * 1024;
	/** OSS's largest part number. */
	static final int MAX_PARTS = 10_000;
	private static final Pattern ALIYUN_HOST = Pattern.compile("oss-([a-z0-9-]+?)(?:-internal)?\\.aliyuncs\\.com");

	/**
	 * @param target the target
	 * @return its settings
	 * @throws StorageException {@code PERMANENT} naming the setting that is missing or malformed
	 */
	public static OssConfig of(StorageTarget target) throws StorageException {
		String access = secret(target, "accessKey");
		String secret = secret(target, "secretKey");
		if ((access == null) != (secret == null)) {
			throw permanent("OSS target " + target.bucket() + ": the setting " + (access == null ? "oss.access.key"
					: "oss.secret.key") + " is missing");
		}
		if (access != null && (target.bucket() == null || target.bucket().isBlank())) {
			throw permanent("OSS target: the bucket is missing");
		}
		String signature = target.option(SIGNATURE).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("v4");
		if (!signature.equals("v4") && !signature.equals("v1")) {
			throw permanent("the setting " + SIGNATURE + " must be v1 or v4, not '" + signature + "'");
		}
		String prefix = target.prefix().replaceAll("^/+", "");
		if (!prefix.isEmpty() && !prefix.endsWith("/")) {
			prefix = prefix + "/";
		}
		long threshold = Sizes.parse(target.option(THRESHOLD), THRESHOLD, 16L << 20);
		long part = Math.max(MIN_PART, Sizes.parse(target.option(PART_SIZE), PART_SIZE, 8L << 20));
		long stall = Sizes.parse(target.option("stall.timeout"), "stall.timeout", 60);
		if (threshold < 0 || stall < 1) {
			throw permanent("OSS target " + target.bucket() + ": " + (stall < 1 ? "stall.timeout must be at least 1 (seconds)"
					: THRESHOLD + " must not be negative"));
		}
		URI endpoint = target.endpoint() != null ? endpoint(target.endpoint().toString()) : DEFAULT_ENDPOINT;
		return new OssConfig(endpoint, target.bucket(), prefix, target.option(REGION).filter(s -> !s.isBlank())
				.orElse(null), signature.equals("v4"), access, secret, secret(target, "securityToken"), threshold, part,
				Duration.ofSeconds(stall));
	}

	/**
	 * @param value an endpoint as OSS hands them out: a URL, or a bare host ({@code oss-cn-hangzhou.aliyuncs.com})
	 * @return the endpoint as a URL (a bare host is https)
	 * @throws StorageException {@code PERMANENT} when it is neither
	 */
	public static URI endpoint(String value) throws StorageException {
		String v = value == null ? "" : value.trim();
		try {
			URI uri = URI.create(v.contains("://") ? v : "https://" + v);
			if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
					|| uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
				throw new IllegalArgumentException("no host");
			}
			return uri;
		} catch (IllegalArgumentException e) {
			throw permanent("the OSS endpoint '" + v + "' is not an http(s) URL or a host name");
		}
	}

	/** @return whether this is the direct flow (AccessKey given) */
	public boolean direct() {
		return accessKey != null;
	}

	/**
	 * @param endpoint an endpoint
	 * @return the region V4 signs for there: the setting, else the one an Aliyun host names, else cn-hangzhou
	 */
	public String regionOf(URI endpoint) {
		if (region != null) {
			return region;
		}
		Matcher m = ALIYUN_HOST.matcher(endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT));
		return m.find() ? m.group(1) : "cn-hangzhou";
	}

	/** @param key a provider-relative key @return the key in the bucket */
	public String fullKey(String key) {
		return prefix + key.replaceAll("^/+", "");
	}

	/** @param size an object's size @return its part size: the configured one, grown to need at most 10,000 parts */
	public long partSizeFor(long size) {
		return size > partSize * MAX_PARTS ? ((size / MAX_PARTS + (1 << 20)) >> 20) << 20 : partSize;
	}

	@Override
	public String toString() {
		return "OssConfig[endpoint=" + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + ", region=" + region
				+ ", signature=" + (v4 ? "v4" : "v1") + ", threshold=" + threshold + ", partSize=" + partSize + "]";
	}

	private static String secret(StorageTarget target, String name) {
		return target.secret(name).filter(v -> !v.isBlank()).orElse(null);
	}

	static StorageException permanent(String message) {
		return new StorageException(StorageException.Kind.PERMANENT, message);
	}

	/** Sizes in bytes or with a binary suffix k, m, g. */
	static final class Sizes {
		private Sizes() {
		}

		static long parse(Optional<String> value, String option, long def) throws StorageException {
			String s = value.map(v -> v.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "")).orElse("");
			if (s.isEmpty()) {
				return def;
			}
			int shift = switch (s.charAt(s.length() - 1)) {
			case 'k' -> 10;
			case 'm' -> 20;
			case 'g' -> 30;
			default -> 0;
			};
			try {
				return Math.multiplyExact(Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1).trim()), 1L << shift);
			} catch (NumberFormatException | ArithmeticException e) {
				throw permanent("the setting " + option + " is not a size: " + value.get());
			}
		}
	}
}
