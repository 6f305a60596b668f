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

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;

/**
 * The in-memory reference storage provider, contributed as {@code memory} by this bundle's
 * {@code plugin.xml}: what a provider must do, without a network, for tests (as rclone's
 * {@code backend/memory}). Objects go into a {@link MemoryStore}, shared by every session of the JVM that
 * names it.
 * <p>
 * Two flows, as the real providers:
 * <ul>
 * <li><b>direct</b>: {@code mem://STORE/prefix} ({@link #destination(URI, ProviderSettings)}); the target's
 * bucket is the store's name, objects are kept under {@code prefix + key}; the secret {@code token} is sent
 * with every request (a store may {@link MemoryStore#requireToken(String) require one});</li>
 * <li><b>platform</b>: a target without a bucket; each object carries the URL a platform handed out
 * ({@link MemoryStore#lease(String, java.time.Duration)}, {@code mem://STORE/KEY?lease=...}), which says
 * where it goes and authorizes the requests until it expires.</li>
 * </ul>
 * Sessions have every capability: SinglePut (length and, when declared, MD5 checked), MultipartPut,
 * OffsetResumable, ExistsByChecksum (same key and SHA-1) and RangedDownload; on a store in commit mode
 * ({@link MemoryStore#commitInBatches(int)}) BatchCommit instead of SinglePut and MultipartPut. Target options, sizes in bytes
 * or with a suffix {@code k}, {@code m}, {@code g} (binary): {@code multipart.threshold} (default 4m),
 * {@code part.size} (1m), {@code chunk.size} (256k, the commits of offset uploads); {@code stall.timeout} in
 * seconds (60).
 */
public final class MemoryStorageProvider implements StorageProvider {

	/** The provider id. */
	public static final String ID = "memory";
	/** The destination URI scheme. */
	public static final String SCHEME = "mem";
	/** Setting: objects from this size on go in parts. */
	public static final String THRESHOLD = "mem.multipart.threshold";
	/** Setting: the size of the parts. */
	public static final String PART_SIZE = "mem.part.size";
	/** Setting (secret): the token a store may require. */
	public static final String TOKEN = "mem.token";

	private static final Pattern SECRET = Pattern.compile(
			"(?i).*(token|secret|key|pass|pwd|sig|credential|auth|lease|session|x-amz-).*");

	/** Creates the provider (the extension registry does). */
	public MemoryStorageProvider() {
	}

	@Override
	public StorageSession open(StorageTarget target) throws StorageException {
		if (target == null) {
			throw new StorageException(Kind.PERMANENT, "memory: no target given");
		}
		MemoryStore store = null;
		if (target.bucket() != null) {
			try {
				store = MemoryStore.named(target.bucket());
			} catch (IllegalArgumentException e) {
				throw new StorageException(Kind.PERMANENT, "memory: " + e.getMessage());
			}
			if (store.requiresToken() && target.secret("token").isEmpty()) {
				throw new StorageException(Kind.PERMANENT, store.uri() + " requires a token: set " + TOKEN
						+ " (environment TIEPOINT_MEM_TOKEN)");
			}
		}
		String prefix = target.prefix().isEmpty() || target.prefix().endsWith("/") ? target.prefix()
				: target.prefix() + "/";
		MemorySession.Settings settings = new MemorySession.Settings(size(target, "multipart.threshold", "4m"),
				size(target, "part.size", "1m"), size(target, "chunk.size", "256k"),
				Duration.ofSeconds(seconds(target.option("stall.timeout").orElse("60"))));
		return new MemorySession(store, prefix, target.secret("token").orElse(null), settings);
	}

	@Override
	public StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		String authority = destination.getRawAuthority();
		String host = authority == null ? null : authority.substring(authority.lastIndexOf('@') + 1);
		String path = destination.getRawPath() == null ? "" : destination.getRawPath();
		String shown = destination.getScheme() + "://" + (host == null ? "" : host) + path;
		if (!SCHEME.equalsIgnoreCase(destination.getScheme())) {
			throw new StorageException(Kind.PERMANENT, shown + ": not a mem:// destination");
		}
		String query = destination.getRawQuery();
		if (destination.getRawUserInfo() != null || query != null && SECRET.matcher(query).matches()) {
			throw new StorageException(Kind.PERMANENT, shown + ": a secret does not belong in the destination URI"
					+ " (it would end up in command lines, journals and logs): set " + TOKEN
					+ " (environment TIEPOINT_MEM_TOKEN) instead");
		}
		if (query != null || destination.getRawFragment() != null) {
			throw new StorageException(Kind.PERMANENT, shown + ": takes no query; its options are the settings "
					+ THRESHOLD + " and " + PART_SIZE);
		}
		if (host == null || host.isEmpty()) {
			throw new StorageException(Kind.PERMANENT, shown + ": names no store: mem://STORE/prefix");
		}
		try {
			MemoryStore.named(host);
		} catch (IllegalArgumentException e) {
			throw new StorageException(Kind.PERMANENT, shown + ": " + e.getMessage());
		}
		Map<String, String> options = new HashMap<>();
		put(options, "multipart.threshold", settings, THRESHOLD);
		put(options, "part.size", settings, PART_SIZE);
		Map<String, String> secrets = new HashMap<>();
		settings.get(TOKEN).ifPresent(t -> secrets.put("token", t));
		String prefix = destination.getPath() == null || destination.getPath().length() <= 1 ? ""
				: destination.getPath().substring(1);
		return new StorageTarget(URI.create(SCHEME + "://" + host), host, prefix, options, secrets);
	}

	private static void put(Map<String, String> options, String option, ProviderSettings settings, String key)
			throws StorageException {
		Optional<String> v = settings.get(key);
		if (v.isPresent()) {
			parseSize(v.get(), key);
			options.put(option, v.get().strip());
		}
	}

	private static long size(StorageTarget target, String option, String def) throws StorageException {
		return parseSize(target.option(option).orElse(def), "option " + option);
	}

	/**
	 * @param value e.g. {@code 1048576}, {@code 256k}, {@code 8m}, {@code 1g}
	 * @param what  what is parsed, for the message
	 * @return the size in bytes, at least 1
	 * @throws StorageException {@code PERMANENT} when it is not a size
	 */
	static long parseSize(String value, String what) throws StorageException {
		String v = value.strip().toLowerCase(Locale.ROOT);
		int shift = v.endsWith("k") ? 10 : v.endsWith("m") ? 20 : v.endsWith("g") ? 30 : 0;
		try {
			long n = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1)) << shift;
			if (n >= 1) {
				return n;
			}
		} catch (NumberFormatException e) {
			// below
		}
		throw new StorageException(Kind.PERMANENT, "memory: " + what + " is not a size (bytes, or with k, m, g): "
				+ value);
	}

	private static long seconds(String value) throws StorageException {
		try {
			return Math.max(0, Long.parseLong(value.strip()));
		} catch (NumberFormatException e) {
			throw new StorageException(Kind.PERMANENT, "memory: option stall.timeout is not seconds: " + value);
		}
	}
}
