/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.gphotos;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.tiepoint.testing.gphotos.PhotosServer.Call;

/**
 * Faults the {@link PhotosServer} injects on demand: 429 {@code RESOURCE_EXHAUSTED} with a {@code Retry-After},
 * 5xx answers, lost answers (the work done, the connection dropped), and a cut of the upload bodies after a
 * number of bytes (the connection is dropped without an answer; the session keeps the cut chunk's bytes up to the
 * last whole granule). It also notes whether a client
 * came back before the {@code Retry-After} it was given had passed.
 */
public final class PhotosFaults {

	private record Scheduled(Call call, int status, int retryAfter, int[] left) {
	}

	private final List<Scheduled> scheduled = new ArrayList<>();
	private final java.util.Map<Call, Integer> lost = new java.util.EnumMap<>(Call.class);
	private long cutAfter = -1;
	private long injected;
	/** A throttled request (method, URI, upload command and offset) -> when it may come again. */
	private final java.util.Map<String, Long> notBefore = new java.util.HashMap<>();
	private int early;

	PhotosFaults() {
	}

	/**
	 * The next {@code n} requests of a kind are answered 429 with {@code Retry-After: seconds}.
	 *
	 * @param call    the kind, or null for any API or upload request
	 * @param n       how many
	 * @param seconds the Retry-After
	 * @return this
	 */
	public synchronized PhotosFaults throttleNext(Call call, int n, int seconds) {
		scheduled.add(new Scheduled(call, 429, seconds, new int[] { n }));
		return this;
	}

	/**
	 * The next {@code n} requests of a kind are answered with a server error.
	 *
	 * @param call   the kind, or null for any API or upload request
	 * @param n      how many
	 * @param status e.g. 500, 503
	 * @return this
	 */
	public synchronized PhotosFaults failNext(Call call, int n, int status) {
		scheduled.add(new Scheduled(call, status, 0, new int[] { n }));
		return this;
	}

	/**
	 * The upload body bytes are cut after this many more arrived (once): the connection drops without an answer.
	 *
	 * @param bytes how many more bytes arrive
	 * @return this
	 */
	public synchronized PhotosFaults cutAfter(long bytes) {
		cutAfter = bytes;
		return this;
	}

	/**
	 * The next {@code n} requests of a kind are carried out, but their answers are lost (the connection drops): the
	 * client does not know what was done (batchCreate: the media items exist).
	 *
	 * @param call the kind (batchCreate is the one that honours it)
	 * @param n    how many
	 * @return this
	 */
	public synchronized PhotosFaults loseAnswers(Call call, int n) {
		lost.merge(call, n, Integer::sum);
		return this;
	}

	/** @return whether the answer to this request, carried out, is to be lost */
	synchronized boolean answerLost(Call call) {
		int n = lost.getOrDefault(call, 0);
		if (n <= 0) {
			return false;
		}
		lost.put(call, n - 1);
		injected++;
		return true;
	}

	/** @return how many faults were injected */
	public synchronized long injected() {
		return injected;
	}

	/** @return how many throttled requests came again before the Retry-After the server had given them passed */
	public synchronized int earlyRetries() {
		return early;
	}

	/**
	 * @param call      the kind of request
	 * @param signature the request as it would be sent again (method, URI, upload command, offset)
	 * @return the fault for this request (an HTTP error), or null
	 */
	synchronized HttpError fault(Call call, String signature) {
		Long until = notBefore.remove(signature);
		if (until != null && System.currentTimeMillis() < until) {
			early++;
		}
		for (Iterator<Scheduled> it = scheduled.iterator(); it.hasNext();) {
			Scheduled s = it.next();
			if (s.call == null || s.call == call) {
				if (--s.left[0] <= 0) {
					it.remove();
				}
				injected++;
				if (s.status == 429) {
					notBefore.put(signature, System.currentTimeMillis() + s.retryAfter * 1000L - 50);
					return new HttpError(429, "RESOURCE_EXHAUSTED", "Quota exceeded (injected)").header("Retry-After",
							String.valueOf(s.retryAfter));
				}
				return new HttpError(s.status, s.status == 503 ? "UNAVAILABLE" : "INTERNAL", "injected " + s.status);
			}
		}
		return null;
	}

	/** @return how many of {@code n} body bytes may arrive before the cut (0: cut now) */
	synchronized int allowance(int n) {
		if (cutAfter < 0) {
			return n;
		}
		if (cutAfter == 0) {
			cutAfter = -1;
			injected++;
			return 0;
		}
		return (int) Math.min(n, cutAfter);
	}

	synchronized void arrived(int n) {
		if (cutAfter > 0) {
			cutAfter = Math.max(0, cutAfter - n);
		}
	}
}
