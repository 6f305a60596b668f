/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client cannot send: another
 * {@code Host}, a {@code Content-Length} the body never reaches, a body cut off half way.
 */
final class RawHttp {

	/** A raw answer: the status (-1 when none came) and the whole text (head and body). */
	record Answer(int status, String text) {
		/** @return the body, after the blank line */
		String body() {
			int i = text.indexOf("\r\n\r\n");
			return i < 0 ? "" : text.substring(i + 4);
		}

		/** @param name a header name @return whether the head has it (case-insensitive) */
		boolean hasHeader(String name) {
			int end = text.indexOf("\r\n\r\n");
			String head = (end < 0 ? text : text.substring(0, end)).toLowerCase(java.util.Locale.ROOT);
			return head.contains("\r\n" + name.toLowerCase(java.util.Locale.ROOT) + ":");
		}
	}

	private RawHttp() {
	}

	/**
	 * Sends a request head and some body bytes, then half-closes the connection (the server sees the
	 * body end) and reads what it answers.
	 *
	 * @param base   the hub's base URI (where to connect)
	 * @param head   the request line and headers, without the blank line
	 * @param body   body bytes to send (maybe fewer than the Content-Length in {@code head})
	 * @param cutOff true to half-close after the body, false to leave the connection open while reading
	 * @return the answer
	 */
	static Answer send(URI base, String head, byte[] body, boolean cutOff) {
		try (Socket s = new Socket(base.getHost(), base.getPort())) {
			s.setSoTimeout(15_000);
			OutputStream out = s.getOutputStream();
			out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			if (cutOff) {
				s.shutdownOutput();
			}
			ByteArrayOutputStream got = new ByteArrayOutputStream();
			InputStream in = s.getInputStream();
			byte[] buf = new byte[8192];
			try {
				for (int n; (n = in.read(buf)) > 0;) {
					got.write(buf, 0, n);
					if (!cutOff && complete(got.toString(StandardCharsets.UTF_8))) {
						break;
					}
				}
			} catch (SocketTimeoutException | java.net.SocketException e) {
				// answered what it could
			}
			String text = got.toString(StandardCharsets.UTF_8);
			int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
			return new Answer(status, text);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean complete(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
		int cl = head.indexOf("content-length:");
		if (cl < 0) {
			return false;
		}
		int eol = head.indexOf("\r\n", cl);
		long length = Long.parseLong(head.substring(cl + 15, eol < 0 ? head.length() : eol).trim());
		return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
	}

	/**
	 * @param base         the hub
	 * @param pathAndQuery e.g. {@code /Resource/Upload?uid=...}
	 * @param host         the Host header to send
	 * @param extra        more header lines (each without CRLF), may be empty
	 * @return the head of a GET
	 */
	static String get(URI base, String pathAndQuery, String host, String... extra) {
		return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close"
				+ (extra.length == 0 ? "" : "\r\n" + String.join("\r\n", extra));
	}
}
