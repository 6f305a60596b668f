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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * Armed by a test, it also cuts connections at an exact byte ({@link #cutPostAfter}, {@link #cutAnswerAfter}),
 * as a network that breaks off an upload or a download does. It can be started before its upstream exists and
 * be retargeted later ({@link #start()}, {@link #retarget}): a server whose public URL is the proxy's, or a
 * restarted server on a new port.
 * <p>
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
		DELAY,
		/** Request body cut after the bytes armed by {@link FaultProxy#cutPostAfter}, both connections closed. */
		CUT_BODY,
		/** Answer cut after the bytes armed by {@link FaultProxy#cutAnswerAfter}, both connections closed. */
		CUT_ANSWER
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

	private final ServerSocket server;
	private volatile InetSocketAddress upstream;
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
	private int postCuts;
	private volatile long postCutAfter;
	private final AtomicLong bodyForwardedAtCut = new AtomicLong(-1);
	private int answerCuts;
	private long answerCutAfter;

	/** A request in progress or done. */
	private static final class Live {
		final String method;
		final String path;
		volatile Fault fault;
		volatile long body;
		long stopAt = -1;
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
		this.upstream = upstream == null ? null : address(upstream);
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

	/**
	 * Starts a proxy with no upstream yet, to give its address to a server before the server starts (as its
	 * public URL); connections are closed unanswered until {@link #retarget} names the upstream.
	 *
	 * @return a started proxy without faults
	 * @throws IOException when no port can be bound
	 */
	public static FaultProxy start() throws IOException {
		return new FaultProxy(null, 0);
	}

	/**
	 * Forwards the connections accepted from now on to another server (e.g. a restarted one on a new port).
	 *
	 * @param upstream the server to forward to ({@code http://host:port})
	 * @return this
	 */
	public FaultProxy retarget(URI upstream) {
		this.upstream = address(upstream);
		return this;
	}

	/** @return the proxy's port on loopback */
	public int port() {
		return server.getLocalPort();
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

	/**
	 * Arms a cut of uploads: the next {@code times} POST requests whose declared Content-Length is over
	 * {@code bytes} get only their first {@code bytes} body bytes forwarded, then both connections are closed
	 * ({@link Fault#CUT_BODY}).
	 *
	 * @param bytes body bytes to let through
	 * @param times how many uploads to cut
	 * @return this
	 */
	public synchronized FaultProxy cutPostAfter(long bytes, int times) {
		postCutAfter = bytes;
		postCuts = times;
		bodyForwardedAtCut.set(-1);
		return this;
	}

	/** @return body bytes the upstream got on the last upload cut since {@link #cutPostAfter}, or -1 */
	public long bodyForwardedAtCut() {
		return bodyForwardedAtCut.get();
	}

	/**
	 * Arms a cut of answers: the next {@code times} answers that get to {@code bytes} bytes (head and body
	 * counted) are cut there, both connections closed ({@link Fault#CUT_ANSWER}).
	 *
	 * @param bytes answer bytes to let through
	 * @param times how many answers to cut
	 * @return this
	 */
	public synchronized FaultProxy cutAnswerAfter(long bytes, int times) {
		answerCutAfter = bytes;
		answerCuts = times;
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

	private synchronized Fault decide(HttpHead head) {
		requests.incrementAndGet();
		if (!delayed && delayMillis > 0 && delayOnce.test(head.line())) {
			delayed = true;
			return Fault.DELAY;
		}
		if (postCuts > 0 && head.method().equals("POST") && head.length() > postCutAfter) {
			postCuts--;
			return Fault.CUT_BODY;
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

	/**
	 * @return how many of {@code n} more bytes of an answer that has {@code through} bytes go through before
	 *         it is cut, or -1 when it is not cut
	 */
	private synchronized int cutAnswer(long through, int n) {
		if (answerCuts > 0 && through + n >= answerCutAfter) {
			answerCuts--;
			return (int) Math.max(0, answerCutAfter - through);
		}
		return -1;
	}

	private void handle(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			HttpHead head = HttpHead.read(in);
			if (head == null) {
				return;
			}
			Fault fault = decide(head);
			Live live = new Live(head.method(), head.path(), fault);
			exchanges.add(live);
			long length = head.length();
			live.length = length;
			live.stopAt = fault == Fault.RESET ? Math.max(0, length / 2) : fault == Fault.CUT_BODY ? postCutAfter : -1;
			switch (fault) {
			case ERROR_503 -> {
				Sockets.slowDown(client, in, length);
				return;
			}
			case STALL -> {
				Sockets.sleep(stallMillis);
				Sockets.reset(client);
				return;
			}
			case DELAY -> Sockets.sleep(delayMillis);
			default -> {
			}
			}
			forward(client, in, head.withClose(), live);
		} catch (IOException e) {
			// the client went away: recorded as unanswered
		}
	}

	private void forward(Socket client, InputStream in, byte[] head, Live live) throws IOException {
		InetSocketAddress target = upstream;
		if (target == null) {
			return; // not targeted yet: the client's connection is closed
		}
		try (Socket up = new Socket()) {
			up.connect(target, 10_000);
			OutputStream upOut = up.getOutputStream();
			upOut.write(head);
			upOut.flush();
			long stopAt = live.stopAt;
			Thread body = new Thread(() -> {
				byte[] buf = new byte[64 * 1024];
				try {
					while (true) {
						int want = buf.length;
						if (stopAt >= 0) {
							if (live.body >= stopAt) {
								stop(client, up, live);
								return;
							}
							want = (int) Math.min(want, stopAt - live.body);
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
					Sockets.closeQuietly(up);
				}
			}, "fault-proxy-body");
			body.setDaemon(true);
			body.start();
			InputStream upIn = up.getInputStream();
			OutputStream out = client.getOutputStream();
			byte[] buf = new byte[64 * 1024];
			int n;
			long through = 0;
			while ((n = upIn.read(buf)) >= 0) {
				if (through == 0) {
					live.status = HttpHead.status(buf, n);
				}
				int cut = cutAnswer(through, n);
				if (cut >= 0) {
					out.write(buf, 0, cut);
					out.flush();
					live.fault = Fault.CUT_ANSWER;
					return; // both connections closed on the way out
				}
				out.write(buf, 0, n);
				through += n;
			}
			out.flush();
			live.answered = live.fault != Fault.RESET && live.fault != Fault.CUT_BODY;
		} catch (SocketException e) {
			// reset or cut on purpose, or the client died
		}
	}

	/** Ends a request at its stop byte: a cut closes both connections, a reset resets the client's. */
	private void stop(Socket client, Socket up, Live live) throws IOException {
		if (live.fault == Fault.CUT_BODY) {
			up.getOutputStream().flush();
			bodyForwardedAtCut.set(live.body);
			Sockets.closeQuietly(client);
		} else {
			Sockets.reset(client);
		}
		up.close();
	}

	private static InetSocketAddress address(URI uri) {
		return new InetSocketAddress(uri.getHost(), uri.getPort());
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
		return String.format(Locale.ROOT, "FaultProxy[%s -> %s, %d requests, 503: %d, resets: %d, stalls: %d, delayed: %d, cut: %d]",
				uri(), upstream, requests.get(), count(Fault.ERROR_503), count(Fault.RESET), count(Fault.STALL),
				count(Fault.DELAY), count(Fault.CUT_BODY) + count(Fault.CUT_ANSWER));
	}
}
