/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.storage.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * The faults a {@link MemoryStore} injects, set up by a test before or while sessions use the store.
 * Every fault is deterministic (counted in requests or bytes, never random) and the methods are
 * thread-safe. Setters return this object, so that faults can be chained:
 *
 * <pre>
 * store.faults().failNext(2, Kind.TRANSIENT).resetAfter(3 &lt;&lt; 20);
 * </pre>
 *
 * A request that fails by an injected fault has done nothing but what its description says; what the
 * store acknowledged before (committed parts, chunks) stays.
 */
public final class MemoryFaults {

	private final MemoryStore store;
	private final List<Scheduled> scheduled = new ArrayList<>();
	private long resetAfter = -1;
	private boolean corruptNext;
	private Duration latency = Duration.ZERO;
	private Duration stallNext = Duration.ZERO;
	private long injected;
	private final java.util.Map<Request, Integer> lostAnswers = new java.util.EnumMap<>(Request.class);

	MemoryFaults(MemoryStore store) {
		this.store = store;
	}

	/**
	 * The next {@code n} requests of any kind fail with {@code kind} before anything is done (as a 5xx,
	 * a refused connection or a 403 would).
	 *
	 * @param n    how many requests
	 * @param kind the failure
	 * @return this
	 */
	public MemoryFaults failNext(int n, StorageException.Kind kind) {
		return failNext(null, n, kind);
	}

	/**
	 * The next {@code n} requests of one kind fail with {@code kind} before anything is done.
	 *
	 * @param request the kind of request, or null for any
	 * @param n       how many requests
	 * @param kind    the failure
	 * @return this
	 */
	public synchronized MemoryFaults failNext(Request request, int n, StorageException.Kind kind) {
		Objects.requireNonNull(kind, "kind");
		if (n > 0) {
			scheduled.add(new Scheduled(request, n, kind));
		}
		return this;
	}

	/**
	 * Cuts the connection once, after {@code bytes} more bytes of request bodies have arrived (counted over
	 * the following requests): the request whose body is cut fails {@code TRANSIENT}; what the store had
	 * acknowledged before (parts, chunks) stays, the rest of that request is lost.
	 *
	 * @param bytes how many bytes arrive before the cut
	 * @return this
	 */
	public synchronized MemoryFaults resetAfter(long bytes) {
		if (bytes < 0) {
			throw new IllegalArgumentException("bytes < 0: " + bytes);
		}
		resetAfter = bytes;
		return this;
	}

	/**
	 * The next request body with at least one byte arrives with one byte changed (damaged on the way): a
	 * single PUT with an MD5 fails {@code INTEGRITY}; a part or chunk is stored damaged, for the
	 * platform's verification to find.
	 *
	 * @return this
	 */
	public synchronized MemoryFaults corruptNext() {
		corruptNext = true;
		return this;
	}

	/**
	 * Every upload open now (multipart or offset) has expired: its next use fails {@code EXPIRED}, and it is
	 * gone after that ({@code NOT_FOUND}).
	 *
	 * @return this
	 */
	public MemoryFaults expireUploads() {
		synchronized (this) {
			injected++;
		}
		store.expireUploads();
		return this;
	}

	/**
	 * Makes every upload that holds all its bytes and waits for its commit (commit mode) expire: its next commit
	 * or use fails {@code EXPIRED} once, then it is gone.
	 *
	 * @return this
	 */
	public MemoryFaults expireUncommitted() {
		synchronized (this) {
			injected++;
		}
		store.expireUncommitted();
		return this;
	}

	/**
	 * The next {@code n} requests of that kind are carried out, but their answers are lost: the client sees a
	 * {@code TRANSIENT} failure (used by commits: the objects exist, the client does not know).
	 *
	 * @param request the kind of request
	 * @param n       how many
	 * @return this
	 */
	public synchronized MemoryFaults loseAnswers(Request request, int n) {
		lostAnswers.merge(Objects.requireNonNull(request, "request"), Math.max(0, n), Integer::sum);
		return this;
	}

	/**
	 * Every URL handed out so far by {@link MemoryStore#lease} has expired (as a presigned URL does).
	 *
	 * @return this
	 */
	public MemoryFaults expireLeases() {
		synchronized (this) {
			injected++;
		}
		store.expireLeases();
		return this;
	}

	/**
	 * @param delay how long every request waits before it is served (cancellation is still noticed)
	 * @return this
	 */
	public synchronized MemoryFaults latency(Duration delay) {
		latency = Objects.requireNonNull(delay, "delay");
		return this;
	}

	/**
	 * The next request makes no progress for {@code duration}. A session gives up after its
	 * {@code stall.timeout} option (seconds, 60 by default) with {@code TRANSIENT}, as a stalled connection.
	 *
	 * @param duration how long it stalls
	 * @return this
	 */
	public synchronized MemoryFaults stallNext(Duration duration) {
		stallNext = Objects.requireNonNull(duration, "duration");
		return this;
	}

	/**
	 * Removes every fault not yet injected (uploads and leases already expired stay expired).
	 *
	 * @return this
	 */
	public synchronized MemoryFaults clear() {
		scheduled.clear();
		lostAnswers.clear();
		resetAfter = -1;
		corruptNext = false;
		latency = Duration.ZERO;
		stallNext = Duration.ZERO;
		return this;
	}

	/** Clears the faults and the count of those injected ({@link MemoryStore#reset(String)}). */
	synchronized void reset() {
		clear();
		injected = 0;
	}

	/** @return how many faults were injected so far (failed requests, cuts, corruptions, stalls, expiries) */
	public synchronized long injected() {
		return injected;
	}

	// ------------------------------------------------------------------ used by the store

	/** @return the failure the request gets, or null */
	synchronized StorageException.Kind failure(Request request) {
		for (Iterator<Scheduled> it = scheduled.iterator(); it.hasNext();) {
			Scheduled s = it.next();
			if (s.request == null || s.request == request) {
				if (--s.remaining == 0) {
					it.remove();
				}
				injected++;
				return s.kind;
			}
		}
		return null;
	}

	/** @return how long the request waits: the latency, and a stall once */
	/** @return whether the answer to this request is lost (it was carried out) */
	synchronized boolean answerLost(Request request) {
		Integer n = lostAnswers.get(request);
		if (n == null || n == 0) {
			return false;
		}
		lostAnswers.put(request, n - 1);
		injected++;
		return true;
	}

	synchronized Wait waiting() {
		Wait w = new Wait(latency, stallNext);
		if (!stallNext.isZero()) {
			injected++;
			stallNext = Duration.ZERO;
		}
		return w;
	}

	/**
	 * @param n bytes about to arrive
	 * @return how many of them may arrive before the cut (n when none is set; 0 when the cut is now)
	 */
	synchronized int allowance(int n) {
		return resetAfter < 0 ? n : (int) Math.min(n, resetAfter);
	}

	/** @param n bytes that arrived */
	synchronized void arrived(int n) {
		if (resetAfter > 0) {
			resetAfter = Math.max(0, resetAfter - n);
		}
	}

	/** The connection is cut now: the reset is used up. */
	synchronized void cut() {
		resetAfter = -1;
		injected++;
	}

	/** @return whether this body is damaged (once) */
	synchronized boolean corrupt() {
		if (corruptNext) {
			corruptNext = false;
			injected++;
			return true;
		}
		return false;
	}

	/** How long a request waits before it is served. */
	record Wait(Duration latency, Duration stall) {
	}

	private static final class Scheduled {
		final Request request;
		int remaining;
		final StorageException.Kind kind;

		Scheduled(Request request, int remaining, StorageException.Kind kind) {
			this.request = request;
			this.remaining = remaining;
			this.kind = kind;
		}
	}
}
