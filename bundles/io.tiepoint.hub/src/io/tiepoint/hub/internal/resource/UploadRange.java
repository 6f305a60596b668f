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
 * The start offset of an upload POST (seed 003, 3.2): the seed's POST parameter {@code Range} (in the
 * query of the UUrl) or the {@code Range} header, {@code N} or {@code bytes=N-}. Both may be sent, but
 * then they must agree.
 */
final class UploadRange {

	private UploadRange() {
	}

	/**
	 * @param header the Range header or null
	 * @param param  the Range parameter or null
	 * @return the start offset, 0 when neither is sent
	 */
	static long of(String header, String param) {
		boolean hasHeader = header != null && !header.isBlank();
		boolean hasParam = param != null && !param.isBlank();
		if (hasHeader && hasParam && parse(header) != parse(param)) {
			throw new ResourceException(400, "upload Range parameter '" + Params.abbreviate(param)
					+ "' and Range header '" + Params.abbreviate(header) + "' disagree; send one of them");
		}
		return parse(hasParam ? param : header);
	}

	/** The seed's Range of an upload: the start offset, {@code N} or {@code bytes=N-}. */
	static long parse(String header) {
		if (header == null || header.isBlank()) {
			return 0;
		}
		String h = header.trim();
		if (h.startsWith("bytes=")) {
			h = h.substring(6);
			int dash = h.indexOf('-');
			if (dash < 0 || dash != h.length() - 1) {
				throw new ResourceException(400, "upload Range must be a start offset (N or bytes=N-), got '"
						+ Params.abbreviate(header) + "'");
			}
			h = h.substring(0, dash);
		}
		try {
			long start = Long.parseLong(h);
			if (start < 0) {
				throw new ResourceException(416, "upload Range must not be negative, got " + start);
			}
			return start;
		} catch (NumberFormatException e) {
			throw new ResourceException(400, "upload Range must be a start offset (N or bytes=N-), got '"
					+ Params.abbreviate(header) + "'");
		}
	}
}
