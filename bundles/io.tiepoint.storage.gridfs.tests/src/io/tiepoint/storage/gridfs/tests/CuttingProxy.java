/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that forwards to a port and, while armed, drops a connection after a given
 * number of body bytes of a {@code POST} (or of a response with {@code Content-Range}) went through:
 * the connection is cut mid-body, both sockets closed. Counts what it forwarded.
 */
public final class CuttingProxy implements AutoCloseable {

	private final ServerSocket server;
	private volatile int targetPort;
	private final AtomicInteger cutsLeft = new AtomicInteger();
	private volatile long cutAfter;
	private final AtomicLong bodyForwardedAtCut = new AtomicLong(-1);
	private final AtomicLong upstreamBytes = new AtomicLong();
	private final List<Socket> open = new CopyOnWriteArrayList<>();
	private volatile boolean closed;

	/** @param targetPort where to forward @throws IOException when no port can be bound */
	public CuttingProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread t = new Thread(this::accept, "cutting-proxy");
		t.setDaemon(true);
		t.start();
	}

	/** @return the proxy's port */
	public int port() {
		return server.getLocalPort();
	}

	/** @param port a new target (a restarted hub) */
	public void target(int port) {
		targetPort = port;
	}

	/**
	 * Arms the proxy: the next {@code times} POST bodies are cut after {@code bytes} body bytes.
	 *
	 * @param bytes body bytes to let through @param times how many uploads to cut
	 */
	public void cutPostAfter(long bytes, int times) {
		cutAfter = bytes;
		bodyForwardedAtCut.set(-1);
		cutsLeft.set(times);
	}

	/** @return body bytes the server got on the last cut connection, or -1 */
	public long bodyForwardedAtCut() {
		return bodyForwardedAtCut.get();
	}

	/** @return all bytes forwarded client to server */
	public long upstreamBytes() {
		return upstreamBytes.get();
	}

	private void accept() {
		while (!closed) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
				open.add(client);
				open.add(upstream);
				Thread up = new Thread(() -> pump(client, upstream), "cutting-proxy-up");
				Thread down = new Thread(() -> plain(upstream, client), "cutting-proxy-down");
				up.setDaemon(true);
				down.setDaemon(true);
				up.start();
				down.start();
			} catch (IOException e) {
				if (!closed) {
					continue;
				}
				return;
			}
		}
	}

	/**
	 * Arms the proxy for answers: the next {@code times} connections are cut once {@code bytes} bytes of
	 * answers (heads and bodies) went back through them.
	 *
	 * @param bytes answer bytes to let through @param times how many connections to cut
	 */
	public void cutAnswerAfter(long bytes, int times) {
		downCutAfter = bytes;
		downCutsLeft.set(times);
	}

	private final AtomicInteger downCutsLeft = new AtomicInteger();
	private volatile long downCutAfter;

	private void plain(Socket from, Socket to) {
		byte[] buf = new byte[64 * 1024];
		long through = 0;
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int n; (n = in.read(buf)) > 0;) {
				if (downCutsLeft.get() > 0 && through + n >= downCutAfter && downCutsLeft.getAndDecrement() > 0) {
					out.write(buf, 0, (int) (downCutAfter - through));
					out.flush();
					return; // both sockets closed below
				}
				out.write(buf, 0, n);
				through += n;
			}
		} catch (IOException e) {
			// connection gone
		} finally {
			quietClose(from);
			quietClose(to);
		}
	}

	/** Client to server: parses request heads while armed, cuts a POST body after {@code cutAfter} bytes. */
	private void pump(Socket from, Socket to) {
		byte[] buf = new byte[64 * 1024];
		StringBuilder head = new StringBuilder();
		boolean inPostBody = false;
		long body = 0;
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int n; (n = in.read(buf)) > 0;) {
				int start = 0;
				while (start < n) {
					if (cutsLeft.get() <= 0 && !inPostBody) {
						out.write(buf, start, n - start);
						upstreamBytes.addAndGet(n - start);
						break;
					}
					if (inPostBody) {
						int take = (int) Math.min(n - start, cutAfter - body);
						out.write(buf, start, take);
						upstreamBytes.addAndGet(take);
						body += take;
						start += take;
						if (body >= cutAfter) {
							out.flush();
							bodyForwardedAtCut.set(body);
							cutsLeft.decrementAndGet();
							return;
						}
						continue;
					}
					// request head: byte by byte until the blank line
					byte b = buf[start++];
					out.write(b);
					upstreamBytes.incrementAndGet();
					head.append((char) (b & 0xff));
					if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
						String h = head.toString();
						head.setLength(0);
						if (h.startsWith("POST ") && h.toLowerCase().contains("content-length:")) {
							inPostBody = true;
							body = 0;
						}
					}
				}
			}
		} catch (IOException e) {
			// connection gone
		} finally {
			quietClose(from);
			quietClose(to);
		}
	}

	private static void quietClose(Socket s) {
		try {
			s.close();
		} catch (IOException e) {
			// already closed
		}
	}

	@Override
	public void close() {
		closed = true;
		quietClose(new Socket());
		try {
			server.close();
		} catch (IOException e) {
			// ignore
		}
		open.forEach(CuttingProxy::quietClose);
	}
}
