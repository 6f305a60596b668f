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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A run's first image goes alone: the other transfers start when its first byte leaves or its first attempt ends
 * (sent, found at the destination, refused, failed). On a cold JVM the first calls of every transfer (an embedded
 * hub's first GraphQL requests, a store's first request) otherwise share the cores, and the first byte waits for
 * all of them; a moment later the others find every path warm.
 */
final class FirstOut {

	private final CountDownLatch open = new CountDownLatch(1);
	private final AtomicBoolean led = new AtomicBoolean();

	/** @return true for the first caller only: its image leads */
	boolean lead() {
		return led.compareAndSet(false, true);
	}

	/** Lets the others go (again and again: only the first time counts). */
	void open() {
		open.countDown();
	}

	/**
	 * @param canceled ends the wait
	 * @return true when open, false when canceled or interrupted meanwhile
	 */
	boolean await(BooleanSupplier canceled) {
		try {
			while (!open.await(100, TimeUnit.MILLISECONDS)) {
				if (canceled.getAsBoolean()) {
					return false;
				}
			}
			return true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
