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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Keeps a copy of the bytes read (the "head" a metadata parser consumed, up to a limit) so that a
 * decoder can later read the whole file again from {@link #replay()} without a second read of the
 * source. Past the limit it reports end of stream, so a parser can never pull the whole file in.
 */
public final class RecordingInputStream extends FilterInputStream {

	private final ByteArrayOutputStream head = new ByteArrayOutputStream(16 * 1024); // a drone JPEG's head: 6-60 KiB
	private final int limit;
	private boolean limitHit;

	/**
	 * @param in    source
	 * @param limit the most bytes to record; reading past it returns end of stream
	 */
	public RecordingInputStream(InputStream in, int limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		if (head.size() >= limit) {
			limitHit = true;
			return -1;
		}
		int b = in.read();
		if (b >= 0) {
			head.write(b);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int room = limit - head.size();
		if (room <= 0) {
			limitHit = true;
			return -1;
		}
		int n = in.read(b, off, Math.min(len, room));
		if (n > 0) {
			head.write(b, off, n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		return ReadingSkip.skip(this, n);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	@Override
	public void close() {
		// the underlying stream belongs to the caller
	}

	/** @return whether a reader asked for more than the limit */
	public boolean limitHit() {
		return limitHit;
	}

	/** @return number of bytes recorded */
	public int recorded() {
		return head.size();
	}

	/**
	 * @return a stream of the recorded head followed by the rest of the source; the source is not
	 *         closed by it
	 */
	public InputStream replay() {
		InputStream rest = new FilterInputStream(in) {
			@Override
			public void close() {
				// owned by the caller
			}
		};
		return new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()), rest);
	}
}
