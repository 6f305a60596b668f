/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import java.io.IOException;
import java.io.InputStream;

/** Skipping that reads, for streams where every byte must pass through (digests, recordings). */
final class ReadingSkip {

	private ReadingSkip() {
	}

	/**
	 * Skips by reading through {@code in}'s own {@code read}.
	 *
	 * @param in the stream
	 * @param n  how many bytes to skip
	 * @return how many bytes were skipped (fewer at the end of the stream)
	 * @throws IOException when reading fails
	 */
	static long skip(InputStream in, long n) throws IOException {
		byte[] buf = new byte[(int) Math.min(Math.max(n, 1), 8192)];
		long done = 0;
		while (done < n) {
			int r = in.read(buf, 0, (int) Math.min(buf.length, n - done));
			if (r < 0) {
				break;
			}
			done += r;
		}
		return done;
	}
}
