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

import java.io.OutputStream;

/** Discards bytes (the digests have already seen them on the way in). */
final class OutputStreamSink extends OutputStream {

	static final OutputStreamSink INSTANCE = new OutputStreamSink();

	private OutputStreamSink() {
	}

	@Override
	public void write(int b) {
		// discard
	}

	@Override
	public void write(byte[] b, int off, int len) {
		// discard
	}
}
