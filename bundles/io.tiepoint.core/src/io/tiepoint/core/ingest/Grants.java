/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.tiepoint.core.storage.PlatformBinding;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.UploadRequest;

/**
 * The grant a platform shares between a project's images ({@link PlatformBinding#sharedGrant()}: the seeds' STS,
 * valid an hour, write-only on the project's prefix): asked for once with the official clients' refresh (the
 * binding's mutation for the payload alone, a random file name, no checksum), handed to every image while it is
 * valid, and asked for again a few minutes (at most a quarter of its lifetime) before it expires, or at once when a
 * session reports it expired. One request at a time: threads that need a grant while another asks wait for its
 * answer. A grant whose expiry already lies in the past by this machine's clock (a clock ahead of the platform's) is
 * used for a minute, and then until a session reports it expired.
 */
final class Grants {

	private static final Duration MARGIN = Duration.ofMinutes(5);
	private static final Duration SKEWED = Duration.ofMinutes(1);
	private final PlatformApi platform;
	private final PlatformBinding binding;
	private final String pid;
	private final String bucket;
	private final BooleanSupplier canceled;
	private final AtomicInteger requests = new AtomicInteger();
	private Map<String, String> current;
	private Instant renewAt = Instant.MIN;

	Grants(PlatformApi platform, PlatformBinding binding, String pid, String bucket, BooleanSupplier canceled) {
		this.platform = platform;
		this.binding = binding;
		this.pid = pid;
		this.bucket = bucket;
		this.canceled = canceled;
	}

	/**
	 * @return the current grant, asked for first when there is none or it is due for renewal
	 * @throws PlatformException when the platform cannot be asked, or its answer has no valid expiry
	 */
	synchronized Map<String, String> fresh() throws PlatformException {
		if (current == null || !Instant.now().isBefore(renewAt)) {
			ask();
		}
		return current;
	}

	/**
	 * @param stale the grant a session holds and that is expiring or was refused as expired
	 * @return a fresher grant: the current one when another transfer renewed it already, else a new one
	 * @throws PlatformException when the platform cannot be asked
	 */
	synchronized Map<String, String> renew(Map<String, String> stale) throws PlatformException {
		if (current == null || current.equals(stale) || !Instant.now().isBefore(renewAt)) {
			ask();
		}
		return current;
	}

	/**
	 * A session reported the grant expired: the next {@link #fresh()} asks for another.
	 *
	 * @param grant the grant it was given
	 */
	synchronized void expired(Map<String, String> grant) {
		if (grant != null && grant.equals(current)) {
			renewAt = Instant.MIN;
		}
	}

	/** @return how many grants were asked for */
	int requests() {
		return requests.get();
	}

	/**
	 * @param stale what a session holds
	 * @return a fresher grant, for {@link io.tiepoint.core.storage.TransferListener#renewGrant(Map)}
	 * @throws StorageException the platform's failure, with its kind
	 */
	Map<String, String> renewForSession(Map<String, String> stale) throws StorageException {
		try {
			return renew(stale);
		} catch (PlatformException e) {
			StorageException.Kind kind = e.retryable() ? StorageException.Kind.TRANSIENT
					: e.kind() == PlatformException.Kind.UNAUTHORIZED ? StorageException.Kind.UNAUTHORIZED
							: StorageException.Kind.PERMANENT;
			throw new StorageException(kind, "asking the platform for a fresh " + binding.mutation() + " grant: "
					+ e.getMessage(), e);
		}
	}

	private void ask() throws PlatformException {
		String name = "tiepoint-" + UUID.randomUUID() + ".jpg";
		Map<String, String> grant = Backoff.retrying(() -> platform.refreshGrant(new UploadRequest(binding.mutation(),
				binding.bucketType(), pid, binding.buckets() ? bucket : null, name, null, null, binding.payload())),
				canceled);
		requests.incrementAndGet();
		Instant now = Instant.now();
		Instant expires = expiry(grant.get(binding.expires()));
		Duration life = Duration.between(now, expires);
		if (life.isNegative() || life.isZero()) {
			renewAt = now.plus(SKEWED);
		} else {
			Duration margin = life.dividedBy(4).compareTo(MARGIN) < 0 ? life.dividedBy(4) : MARGIN;
			renewAt = expires.minus(margin);
		}
		current = Map.copyOf(grant);
	}

	private Instant expiry(String value) throws PlatformException {
		if (value != null) {
			try {
				return value.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
			} catch (DateTimeParseException e) {
				// below
			}
		}
		throw new PlatformException(PlatformException.Kind.PROTOCOL, null, binding.mutation() + " answered no valid "
				+ binding.expires() + " (an ISO-8601 instant or epoch seconds): " + (value == null ? "none" : "'" + value + "'"),
				null);
	}
}
