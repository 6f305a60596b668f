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

/**
 * How to ingest.
 *
 * @param hub             {@code embedded} or a base URL; null keeps the project's
 * @param cloud           a storage provider id ({@code gridfs}, {@code s3}...); null keeps the project's
 * @param bucket          the bucket to ask the platform for; null for the platform's nearest
 * @param threads         parallel transfers
 * @param readThreads     parallel inspections
 * @param limitRate       bytes per second in all, 0 for no limit
 * @param dryRun          inspect and print what would be sent, send nothing
 * @param includeRejected also send images inspection rejected
 * @param retryFailed     send images that failed or were refused in an earlier run again
 * @param maxAttempts     attempts per image for transient faults
 * @param verifyTimeout   how long to wait for the platform's verification
 * @param connector       resolves the hub setting to an endpoint
 * @param rejectFindings  warning finding ids that also reject an image (error findings always do)
 * @param stallTimeout    a call to the platform or a transfer that makes no progress this long is given up
 *                        and retried (a stalled connection on a slow link, not a slow upload)
 */
public record IngestOptions(String hub, String cloud, String bucket, int threads, int readThreads, long limitRate,
		boolean dryRun, boolean includeRejected, boolean retryFailed, int maxAttempts, Duration verifyTimeout,
		HubConnector connector, java.util.Set<String> rejectFindings, Duration stallTimeout) {

	/**
	 * Warnings that hold an image back by default: without a position or with another camera's
	 * intrinsics it misleads the reconstruction, and a lying extension gets the wrong type on the platform.
	 */
	public static final java.util.Set<String> DEFAULT_REJECT = java.util.Set.of("no-gps", "gps-zero",
			"extension-mismatch", "camera-mismatch");

	/** @return a builder with the defaults */
	public static Builder builder() {
		return new Builder();
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
		private java.util.Set<String> rejectFindings = DEFAULT_REJECT;
		private Duration stallTimeout = Duration.ofSeconds(60);

		/** @param v how long without progress before a call or transfer is given up and retried @return this */
		public Builder stallTimeout(Duration v) {
			stallTimeout = v.isNegative() || v.isZero() ? Duration.ofSeconds(60) : v;
			return this;
		}

		/** @param v warning ids that reject an image @return this */
		public Builder rejectFindings(java.util.Set<String> v) {
			rejectFindings = java.util.Set.copyOf(v);
			return this;
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

		/** @return the options */
		public IngestOptions build() {
			return new IngestOptions(hub, cloud, bucket, threads, readThreads, limitRate, dryRun, includeRejected,
					retryFailed, maxAttempts, verifyTimeout, connector, rejectFindings, stallTimeout);
		}
	}
}
