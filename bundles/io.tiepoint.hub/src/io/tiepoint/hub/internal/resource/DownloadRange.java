/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

/**
 * The Range of a download (seed 003, 2.2 and 3.4): {@code bytes=A-}, {@code bytes=A-B}, {@code bytes=-N}, or
 * the seed's plain {@code A}; one range only.
 */
final class DownloadRange {

	private DownloadRange() {
	}

	/**
	 * @param header the Range header
	 * @param length the file's length
	 * @param name   its name, for messages
	 * @return the first and the last byte asked for (the first may be past the end)
	 * @throws ResourceException 416 when the header is malformed or asks for several ranges
	 */
	static long[] parse(String header, long length, String name) {
		String h = header.trim();
		try {
			if (!h.startsWith("bytes=")) {
				long a = Long.parseLong(h);
				if (a < 0) {
					throw new NumberFormatException();
				}
				return new long[] { a, length - 1 };
			}
			h = h.substring(6);
			if (h.contains(",")) {
				throw new ResourceException(416, "download of " + name + ": multiple ranges are not supported");
			}
			int dash = h.indexOf('-');
			String a = h.substring(0, dash).trim();
			String b = h.substring(dash + 1).trim();
			if (a.isEmpty()) {
				long n = Long.parseLong(b);
				return new long[] { Math.max(0, length - n), length - 1 };
			}
			long from = Long.parseLong(a);
			long to = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
			if (from < 0 || to < from && from < length) {
				throw new NumberFormatException();
			}
			return new long[] { from, to };
		} catch (NumberFormatException | StringIndexOutOfBoundsException e) {
			throw new ResourceException(416, "download of " + name + ": malformed Range '" + Params.abbreviate(header) + "'");
		}
	}
}
