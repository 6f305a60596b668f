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

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import io.tiepoint.platform.PlatformException;

/**
 * The one backoff of the ingest: exponential with "equal jitter", a sleep that ends early when canceled,
 * and the retry of a platform call that fails transiently (every call the engine repeats is idempotent on
 * the platform).
 */
final class Backoff {

	private static final long BASE_MS = 250;
	private static final long CAP_MS = 15_000;
	/** Attempts of one platform call that fails transiently, before the image's own retry takes over. */
	static final int CALL_ATTEMPTS = 5;

	/** A platform call. */
	@FunctionalInterface
	interface Call<T> {
		T run() throws PlatformException;
	}

	private Backoff() {
	}

	/**
	 * @param attempt the failure's number, from 1
	 * @return a pause in milliseconds: half the capped exponential, plus up to as much again at random
	 */
	static long delay(int attempt) {
		long cap = Math.min(CAP_MS, BASE_MS << Math.min(16, attempt - 1));
		return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
	}

	/**
	 * @param ms       how long
	 * @param canceled asked every 100 ms at most
	 * @return whether the whole time passed (false when canceled or interrupted first)
	 */
	static boolean sleep(long ms, BooleanSupplier canceled) {
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) {
			if (canceled.getAsBoolean()) {
				return false;
			}
			try {
				Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
			} catch (InterruptedException ie) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * Runs a platform call, again after a backoff while it fails transiently (a lost answer, a 5xx, a reset).
	 *
	 * @param <T>      the answer
	 * @param call     an idempotent call
	 * @param canceled stops the retries
	 * @return the answer
	 * @throws PlatformException the last failure, or a permanent one at once
	 */
	static <T> T retrying(Call<T> call, BooleanSupplier canceled) throws PlatformException {
		for (int attempt = 1;; attempt++) {
			try {
				return call.run();
			} catch (PlatformException e) {
				if (!e.retryable() || attempt >= CALL_ATTEMPTS || canceled.getAsBoolean()) {
					throw e;
				}
				sleep(delay(attempt), canceled);
			}
		}
	}
}
