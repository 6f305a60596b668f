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
import java.util.Set;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.storage.ProviderSettings;

/**
 * How to ingest: where to (a hub and its cloud, or a project's direct destination), how fast and how
 * persistently, and which images. {@link #builder(TiepointConfig)} fills in the settings every front shares
 * (the reject policy, the stall timeout, the inspection threads, the providers' settings).
 *
 * @param hub             {@code embedded} or a hub URL for a new or switched platform project, or null (the
 *                        project's)
 * @param cloud           the platform cloud, or null (the project's)
 * @param bucket          the bucket to ask the hub for, or null (its nearest)
 * @param threads         parallel transfers
 * @param readThreads     inspection threads
 * @param limitRate       bytes per second for the whole run, 0 for no limit
 * @param dryRun          inspect and estimate, send nothing
 * @param includeRejected send rejected images too
 * @param retryFailed     send images that failed or were refused again
 * @param maxAttempts     attempts per image before it is {@code Failed}
 * @param verifyTimeout   how long to follow the platform's verification after the last transfer
 * @param connector       reaches hubs (the embedded one, URL hubs with their credentials)
 * @param policy          which inspected images are held back
 * @param stallTimeout    a call or transfer without progress this long is abandoned as transient
 * @param settings        the storage providers' settings (direct destinations' endpoints and credentials)
 * @param platforms       opens a hub's platform API
 */
public record IngestOptions(String hub, String cloud, String bucket, int threads, int readThreads, long limitRate,
		boolean dryRun, boolean includeRejected, boolean retryFailed, int maxAttempts, Duration verifyTimeout,
		HubConnector connector, RejectPolicy policy, Duration stallTimeout, ProviderSettings settings,
		PlatformFactory platforms) {

	/** @return a builder with the built-in defaults */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * @param config the effective settings of the workspace
	 * @return a builder with what they set: {@value RejectPolicy#SETTING}, {@code ingest.stall.timeout},
	 *         {@code check.threads}, and the providers' settings
	 * @throws ConfigException when a setting is not a number
	 */
	public static Builder builder(TiepointConfig config) throws ConfigException {
		return new Builder().policy(RejectPolicy.of(config)).readThreads(config.getInt("check.threads", 2))
				.stallTimeout(Duration.ofSeconds(config.getInt("ingest.stall.timeout", 60)))
				.settings(k -> config.get(k).filter(v -> !v.isBlank()));
	}

	/** Builds options. */
	public static final class Builder {
		private String hub;
		private String cloud;
		private String bucket;
		private int threads = 8;
		private int readThreads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
		private long limitRate;
		private boolean dryRun;
		private boolean includeRejected;
		private boolean retryFailed;
		private int maxAttempts = 8;
		private Duration verifyTimeout = Duration.ofMinutes(15);
		private HubConnector connector;
		private RejectPolicy policy = RejectPolicy.defaults();
		private Duration stallTimeout = Duration.ofSeconds(60);
		private ProviderSettings settings = k -> java.util.Optional.empty();
		private PlatformFactory platforms = PlatformFactory.GRAPHQL;

		/** @param v how long without progress before a call or transfer is given up and retried @return this */
		public Builder stallTimeout(Duration v) {
			stallTimeout = v.isNegative() || v.isZero() ? Duration.ofSeconds(60) : v;
			return this;
		}

		/** @param v which inspected images are held back @return this */
		public Builder policy(RejectPolicy v) {
			policy = v;
			return this;
		}

		/** @param v warning ids that reject an image @return this */
		public Builder rejectFindings(Set<String> v) {
			return policy(new RejectPolicy(v));
		}

		/** @param v hub @return this */
		public Builder hub(String v) {
			hub = v;
			return this;
		}

		/** @param v cloud @return this */
		public Builder cloud(String v) {
			cloud = v;
			return this;
		}

		/** @param v bucket @return this */
		public Builder bucket(String v) {
			bucket = v;
			return this;
		}

		/** @param v transfer threads @return this */
		public Builder threads(int v) {
			threads = Math.max(1, v);
			return this;
		}

		/** @param v inspection threads @return this */
		public Builder readThreads(int v) {
			readThreads = Math.max(1, v);
			return this;
		}

		/** @param v bytes per second, 0 for none @return this */
		public Builder limitRate(long v) {
			limitRate = Math.max(0, v);
			return this;
		}

		/** @param v dry run @return this */
		public Builder dryRun(boolean v) {
			dryRun = v;
			return this;
		}

		/** @param v send rejected images too @return this */
		public Builder includeRejected(boolean v) {
			includeRejected = v;
			return this;
		}

		/** @param v retry failed and invalid images @return this */
		public Builder retryFailed(boolean v) {
			retryFailed = v;
			return this;
		}

		/** @param v attempts per image @return this */
		public Builder maxAttempts(int v) {
			maxAttempts = Math.max(1, v);
			return this;
		}

		/** @param v verification timeout @return this */
		public Builder verifyTimeout(Duration v) {
			verifyTimeout = v;
			return this;
		}

		/** @param v the hub connector @return this */
		public Builder connector(HubConnector v) {
			connector = v;
			return this;
		}

		/** @param v the providers' settings @return this */
		public Builder settings(ProviderSettings v) {
			settings = v;
			return this;
		}

		/** @param v opens a hub's platform API @return this */
		public Builder platforms(PlatformFactory v) {
			platforms = v;
			return this;
		}

		/** @return the options */
		public IngestOptions build() {
			return new IngestOptions(hub, cloud, bucket, threads, readThreads, limitRate, dryRun, includeRejected,
					retryFailed, maxAttempts, verifyTimeout, connector, policy, stallTimeout, settings, platforms);
		}
	}
}
