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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 loopback proxy for tests: it forwards each request to one upstream server (one request per
 * connection: it asks the upstream to close after answering) and records every request (method, path,
 * body bytes forwarded, whether its answer reached the client). It can inject faults into a share of the
 * requests, decided by a seeded random generator:
 * <ul>
 * <li>{@link Fault#ERROR_503}: answers 503 with an S3-style {@code SlowDown} body, nothing reaches the
 * upstream;</li>
 * <li>{@link Fault#RESET}: forwards the head and part of the body, then resets both connections;</li>
 * <li>{@link Fault#STALL}: forwards the head, then holds everything for {@code stallMillis} and resets;</li>
 * <li>{@link Fault#DELAY}: holds the request for {@code delayMillis}, then forwards it whole (used for a
 * presigned URL that expires on the way).</li>
 * </ul>
 * The Host header is forwarded as the client sent it, so signatures computed for the proxy's address
 * (presigned URLs) still match on the upstream server.
 */
public final class FaultProxy implements AutoCloseable {

	/** What happens to one request. */
	public enum Fault {
		/** Forwarded untouched. */
		NONE,
		/** Answered 503 by the proxy. */
		ERROR_503,
		/** Connection reset mid-body. */
		RESET,
		/** Held, then reset. */
		STALL,
		/** Held, then forwarded. */
		DELAY
	}

	/**
	 * One request as the proxy saw it.
	 *
	 * @param method    the method
	 * @param path      the request target
	 * @param fault     what the proxy did to it
	 * @param bodyBytes body bytes forwarded to the upstream (after the head)
	 * @param answered  whether the upstream's whole answer reached the client
	 * @param status    the upstream's status code, 0 when it did not answer
	 * @param length    the Content-Length the client declared, -1 when none
	 */
	public record Exchange(String method, String path, Fault fault, long bodyBytes, boolean answered, int status,
			long length) {

		/** @return whether fewer body bytes reached the upstream than the client declared */
		public boolean partial() {
			return length >= 0 && bodyBytes < length;
		}
	}

	private static final byte[] HEAD_END = { '\r', '\n', '\r', '\n' };
	private final ServerSocket server;
	private final InetSocketAddress upstream;
	private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "fault-proxy");
		t.setDaemon(true);
		return t;
	});
	private final List<Live> exchanges = new CopyOnWriteArrayList<>();
	private final Random random;
	private final AtomicInteger requests = new AtomicInteger();
	private volatile double faultRate;
	private volatile long stallMillis = 5000;
	private volatile long delayMillis;
	private volatile Predicate<String> delayOnce = s -> false;
	private volatile boolean delayed;

	/** A request in progress or done. */
	private static final class Live {
		final String method;
		final String path;
		final Fault fault;
		volatile long body;
		volatile boolean answered;
		volatile int status;
		volatile long length = -1;

		Live(String method, String path, Fault fault) {
			this.method = method;
			this.path = path;
			this.fault = fault;
		}

		Exchange snapshot() {
			return new Exchange(method, path, fault, body, answered, status, length);
		}
	}

	private FaultProxy(URI upstream, long seed) throws IOException {
		this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
		this.random = new Random(seed);
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread accept = new Thread(this::acceptLoop, "fault-proxy-accept");
		accept.setDaemon(true);
		accept.start();
	}

	/**
	 * @param upstream the server to forward to ({@code http://host:port})
	 * @param seed     seed of the fault decisions
	 * @return a started proxy that forwards everything untouched until told otherwise
	 * @throws IOException when no port can be bound
	 */
	public static FaultProxy start(URI upstream, long seed) throws IOException {
		return new FaultProxy(upstream, seed);
	}

	/** @return {@code http://127.0.0.1:port} of the proxy */
	public URI uri() {
		return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
	}

	/**
	 * @param rate        share of requests that get a fault (503, reset and stall in equal parts)
	 * @param stallMillis how long a stalled request is held before it is reset
	 * @return this
	 */
	public FaultProxy faults(double rate, long stallMillis) {
		this.faultRate = rate;
		this.stallMillis = stallMillis;
		return this;
	}

	/**
	 * Holds the first request whose "METHOD path" matches for {@code millis} before forwarding it.
	 *
	 * @param matches which request
	 * @param millis  how long
	 * @return this
	 */
	public FaultProxy delayOnce(Predicate<String> matches, long millis) {
		this.delayOnce = matches;
		this.delayMillis = millis;
		this.delayed = false;
		return this;
	}

	/** @return every request seen so far */
	public List<Exchange> exchanges() {
		List<Exchange> out = new ArrayList<>();
		exchanges.forEach(l -> out.add(l.snapshot()));
		return out;
	}

	/**
	 * @param method a method, e.g. {@code PUT}
	 * @return the body bytes forwarded to the upstream in requests of that method
	 */
	public long bodyBytes(String method) {
		return exchanges.stream().filter(l -> l.method.equals(method)).mapToLong(l -> l.body).sum();
	}

	/**
	 * @param fault a fault
	 * @return how many requests got it
	 */
	public long count(Fault fault) {
		return exchanges.stream().filter(l -> l.fault == fault).count();
	}

	private void acceptLoop() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				pool.execute(() -> handle(client));
			} catch (IOException e) {
				return;
			}
		}
	}

	private synchronized Fault decide(String line) {
		requests.incrementAndGet();
		if (!delayed && delayMillis > 0 && delayOnce.test(line)) {
			delayed = true;
			return Fault.DELAY;
		}
		double r = random.nextDouble();
		if (r >= faultRate) {
			return Fault.NONE;
		}
		return switch ((int) (r / faultRate * 3)) {
		case 0 -> Fault.ERROR_503;
		case 1 -> Fault.RESET;
		default -> Fault.STALL;
		};
	}

	private void handle(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			byte[] headBytes = readHead(in);
			if (headBytes == null) {
				return;
			}
			String head = new String(headBytes, StandardCharsets.ISO_8859_1);
			String[] first = head.substring(0, head.indexOf("\r\n")).split(" ");
			String method = first[0];
			String path = first.length > 1 ? first[1] : "";
			Fault fault = decide(method + " " + path);
			Live live = new Live(method, path, fault);
			exchanges.add(live);
			long length = contentLength(head);
			live.length = length;
			switch (fault) {
			case ERROR_503 -> {
				byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
						+ "<Message>injected by the test proxy</Message></Error>").getBytes(StandardCharsets.UTF_8);
				OutputStream out = client.getOutputStream();
				out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/xml\r\nContent-Length: "
						+ body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
				out.flush();
				client.shutdownOutput();
				drain(client, in, length);
				return;
			}
			case STALL -> {
				sleep(stallMillis);
				reset(client);
				return;
			}
			case DELAY -> sleep(delayMillis);
			default -> {
			}
			}
			forward(client, in, withClose(head), length, live);
		} catch (IOException e) {
			// the client went away: recorded as unanswered
		}
	}

	private void forward(Socket client, InputStream in, byte[] head, long length, Live live) throws IOException {
		try (Socket up = new Socket()) {
			up.connect(upstream, 10_000);
			OutputStream upOut = up.getOutputStream();
			upOut.write(head);
			upOut.flush();
			long resetAt = live.fault == Fault.RESET ? Math.max(0, length / 2) : -1;
			Thread body = new Thread(() -> {
				byte[] buf = new byte[64 * 1024];
				try {
					while (true) {
						int want = buf.length;
						if (resetAt >= 0) {
							if (live.body >= resetAt) {
								reset(client);
								up.close();
								return;
							}
							want = (int) Math.min(want, resetAt - live.body);
							if (want == 0) {
								continue;
							}
						}
						int n = in.read(buf, 0, want);
						if (n < 0) {
							up.shutdownOutput();
							return;
						}
						upOut.write(buf, 0, n);
						live.body += n;
					}
				} catch (IOException e) {
					closeQuietly(up);
				}
			}, "fault-proxy-body");
			body.setDaemon(true);
			body.start();
			InputStream upIn = up.getInputStream();
			OutputStream out = client.getOutputStream();
			byte[] buf = new byte[64 * 1024];
			int n;
			boolean first = true;
			while ((n = upIn.read(buf)) >= 0) {
				if (first && n >= 12) {
					live.status = parseStatus(new String(buf, 0, 12, StandardCharsets.ISO_8859_1));
				}
				first = false;
				out.write(buf, 0, n);
			}
			out.flush();
			live.answered = live.fault != Fault.RESET;
		} catch (SocketException e) {
			// reset on purpose, or the client died
		}
	}

	private static int parseStatus(String line) {
		try {
			return line.startsWith("HTTP/") ? Integer.parseInt(line.substring(9, 12)) : 0;
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private static byte[] withClose(String head) {
		StringBuilder b = new StringBuilder();
		for (String line : head.split("\r\n")) {
			if (line.isEmpty()) {
				continue;
			}
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("connection:") || lower.startsWith("keep-alive:")) {
				continue;
			}
			b.append(line).append("\r\n");
		}
		b.append("Connection: close\r\n\r\n");
		return b.toString().getBytes(StandardCharsets.ISO_8859_1);
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

	private static byte[] readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			head.write(b);
			matched = b == HEAD_END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
			if (head.size() > 64 * 1024) {
				throw new IOException("request head over 64 KiB");
			}
		}
		return head.toByteArray();
	}

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

	private static void reset(Socket s) {
		try {
			s.setSoLinger(true, 0);
			s.close();
		} catch (IOException e) {
			// already gone
		}
	}

	private static void closeQuietly(Socket s) {
		try {
			s.close();
		} catch (IOException e) {
			// already gone
		}
	}

	private static void sleep(long ms) throws IOException {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		}
	}

	@Override
	public void close() {
		try {
			server.close();
		} catch (IOException e) {
			// closing
		}
		pool.shutdownNow();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "FaultProxy[%s -> %s, %d requests, 503: %d, resets: %d, stalls: %d, delayed: %d]",
				uri(), upstream, requests.get(), count(Fault.ERROR_503), count(Fault.RESET), count(Fault.STALL),
				count(Fault.DELAY));
	}
}
