/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one object, opened by the provider as often as it needs (a resend, a resume). The
 * engine's streams count what was sent and apply the bandwidth limit.
 */
public interface Content {

	/** @return the length in bytes */
	long length();

	/**
	 * @param offset where to start (0 to length)
	 * @return a new stream from that offset; the caller closes it
	 * @throws IOException when the source cannot be read
	 */
	InputStream open(long offset) throws IOException;
}
