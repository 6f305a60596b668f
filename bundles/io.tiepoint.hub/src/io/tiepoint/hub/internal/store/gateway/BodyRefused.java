/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.gateway;

/**
 * A body the gateway's store did not keep: longer than the largest taken, or shorter than its declared length. What
 * was written of it is already removed.
 */
public final class BodyRefused extends Exception {

	private static final long serialVersionUID = 1L;
	private final boolean tooLarge;
	private final long received;
	private final long expected;

	BodyRefused(boolean tooLarge, long received, long expected) {
		super(tooLarge ? "the body exceeds the largest taken"
				: "the body ended after " + received + " of " + expected
						+ " bytes");
		this.tooLarge = tooLarge;
		this.received = received;
		this.expected = expected;
	}

	/** @return true when the body was longer than the largest taken, false when it ended early */
	public boolean tooLarge() {
		return tooLarge;
	}

	/** @return the bytes received */
	public long received() {
		return received;
	}

	/** @return the body's declared length ({@code -1} when it had none) */
	public long expected() {
		return expected;
	}
}
