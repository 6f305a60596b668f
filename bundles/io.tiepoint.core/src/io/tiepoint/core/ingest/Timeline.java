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

import java.time.Instant;
import java.util.Locale;

/**
 * When a run's first byte of an image went to the destination, when its last byte did, and when its last image
 * settled (arrived, refused or failed): what a user waits for before anything moves and after everything
 * has moved. Wall-clock milliseconds; 0 for what did not happen.
 *
 * @param firstByte   the first byte given to a destination's client
 * @param lastByte    the last byte given to a destination's client
 * @param lastSettled the last image settled
 */
public record Timeline(long firstByte, long lastByte, long lastSettled) {

	/** Nothing was sent. */
	public static final Timeline NONE = new Timeline(0, 0, 0);

	/**
	 * @param start when the command started
	 * @return e.g. {@code first byte 0.91 s after the start, last byte at 27.40 s, last image settled 0.21 s
	 *         after it}, or {@code null} when nothing was sent
	 */
	public String describe(Instant start) {
		if (firstByte == 0 || lastByte == 0) {
			return null;
		}
		long t0 = start.toEpochMilli();
		String line = String.format(Locale.ROOT, "first byte %.2f s after the start, last byte at %.2f s", (firstByte - t0)
				/ 1e3, (lastByte - t0) / 1e3);
		if (lastSettled >= lastByte) {
			line += String.format(Locale.ROOT, ", last image settled %.2f s after it", (lastSettled - lastByte) / 1e3);
		}
		return line;
	}
}
