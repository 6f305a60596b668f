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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** What {@link FaultProxy} does to a socket besides forwarding: answer 503, reset, close, wait. */
final class Sockets {

	private Sockets() {
	}

	/**
	 * Answers 503 with an S3-style {@code SlowDown} body, then reads what the client still sends of its body.
	 *
	 * @param client the client's connection
	 * @param in     its stream, after the request head
	 * @param length the request's declared Content-Length, -1 when none
	 * @throws IOException when the client went away
	 */
	static void slowDown(Socket client, InputStream in, long length) throws IOException {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
				+ "<Message>injected by the test proxy</Message></Error>").getBytes(StandardCharsets.UTF_8);
		OutputStream out = client.getOutputStream();
		out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/xml\r\nContent-Length: "
				+ body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
		client.shutdownOutput();
		drain(client, in, length);
	}

	/** Reads up to {@code length} more bytes (all when -1) for up to 2 s between reads. */
	private static void drain(Socket client, InputStream in, long length) {
		try {
			client.setSoTimeout(2000);
			byte[] buf = new byte[64 * 1024];
			long left = length < 0 ? Long.MAX_VALUE : length;
			while (left > 0) {
				int n = in.read(buf, 0, (int) Math.min(buf.length, left));
				if (n < 0) {
					return;
				}
				left -= n;
			}
		} catch (IOException e) {
			// the client stopped sending: fine
		}
	}

	/** Closes with a TCP reset. */
	static void reset(Socket s) {
		try {
			s.setSoLinger(true, 0);
			s.close();
		} catch (IOException e) {
			// already gone
		}
	}

	/** Closes, ignoring a failure. */
	static void closeQuietly(Socket s) {
		try {
			s.close();
		} catch (IOException e) {
			// already gone
		}
	}

	/** Sleeps; an interrupt becomes an IOException that ends the exchange. */
	static void sleep(long ms) throws IOException {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		}
	}
}
