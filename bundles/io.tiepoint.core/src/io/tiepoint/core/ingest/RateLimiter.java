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

/**
 * A token bucket shared by every transfer of a run: {@link #acquire(int)} blocks until the bytes may
 * be sent. A limit of 0 means no limit.
 */
final class RateLimiter {

	private final long bytesPerSecond;
	private double available;
	private long last = System.nanoTime();

	RateLimiter(long bytesPerSecond) {
		this.bytesPerSecond = bytesPerSecond;
		this.available = bytesPerSecond / 4.0; // a quarter second of burst
	}

	void acquire(int bytes) throws InterruptedException {
		if (bytesPerSecond <= 0 || bytes <= 0) {
			return;
		}
		long waitNanos;
		synchronized (this) {
			long now = System.nanoTime();
			available = Math.min(bytesPerSecond / 4.0, available + (now - last) * bytesPerSecond / 1e9);
			last = now;
			available -= bytes;
			waitNanos = available >= 0 ? 0 : (long) (-available * 1e9 / bytesPerSecond);
		}
		if (waitNanos > 0) {
			Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
		}
	}
}
