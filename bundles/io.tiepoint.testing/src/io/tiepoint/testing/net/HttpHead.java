/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The head of one HTTP/1.1 request as {@link FaultProxy} reads it off a client connection: its text, its
 * method and target, the Content-Length it declares, and the bytes to forward with {@code Connection: close}.
 *
 * @param text   the head, request line to blank line, ISO-8859-1
 * @param method the method, e.g. {@code POST}
 * @param path   the request target
 * @param length the declared Content-Length, -1 when none
 */
record HttpHead(String text, String method, String path, long length) {

	private static final byte[] END = { '\r', '\n', '\r', '\n' };
	private static final int MAX = 64 * 1024;

	/**
	 * Reads a request head up to and with its blank line.
	 *
	 * @param in the client's stream
	 * @return the head, or null when the client closed before sending one
	 * @throws IOException when the client fails or the head is over 64 KiB
	 */
	static HttpHead read(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			bytes.write(b);
			matched = b == END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
			if (bytes.size() > MAX) {
				throw new IOException("request head over 64 KiB");
			}
		}
		String text = bytes.toString(StandardCharsets.ISO_8859_1);
		String[] first = text.substring(0, text.indexOf("\r\n")).split(" ");
		return new HttpHead(text, first[0], first.length > 1 ? first[1] : "", contentLength(text));
	}

	/** @return "METHOD path", what {@link FaultProxy#delayOnce} matches */
	String line() {
		return method + " " + path;
	}

	/** @return the head to send upstream: the client's, its Connection and Keep-Alive replaced by a close */
	byte[] withClose() {
		StringBuilder b = new StringBuilder();
		for (String line : text.split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (line.isEmpty() || lower.startsWith("connection:") || lower.startsWith("keep-alive:")) {
				continue;
			}
			b.append(line).append("\r\n");
		}
		b.append("Connection: close\r\n\r\n");
		return b.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * @param buf the first bytes of an answer
	 * @param n   how many there are
	 * @return the answer's status code, 0 when they do not start a status line
	 */
	static int status(byte[] buf, int n) {
		if (n < 12) {
			return 0;
		}
		String line = new String(buf, 0, 12, StandardCharsets.ISO_8859_1);
		try {
			return line.startsWith("HTTP/") ? Integer.parseInt(line.substring(9, 12)) : 0;
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private static long contentLength(String head) {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				try {
					return Long.parseLong(line.substring(15).trim());
				} catch (NumberFormatException e) {
					return -1;
				}
			}
		}
		return -1;
	}
}
