/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.platform;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tiepoint.platform.PlatformException;
import io.tiepoint.testing.platform.PlatformStandIn.Op;

/**
 * The faults a {@link PlatformStandIn} injects into its calls; deterministic (counted in calls) and
 * thread-safe. Setters return this object, so that faults can be chained.
 * <ul>
 * <li>a <b>failure</b> refuses a call before it does anything (a 5xx, a refused connection);</li>
 * <li>a <b>lost answer</b> lets the call take effect, then fails it {@code TRANSIENT} (the connection broke
 * on the way back): the client cannot know whether it happened, and must repeat it safely.</li>
 * </ul>
 */
public final class StandInFaults {

	private final List<Scheduled> failures = new ArrayList<>();
	private final Map<Op, Integer> lost = new EnumMap<>(Op.class);
	private long injected;

	StandInFaults() {
	}

	/**
	 * @param n how many calls (of any operation) fail {@code TRANSIENT} before doing anything
	 * @return this
	 */
	public StandInFaults failNext(int n) {
		return failNext(null, n, PlatformException.Kind.TRANSIENT);
	}

	/**
	 * @param op the operation
	 * @param n  how many of its calls fail {@code TRANSIENT} before doing anything
	 * @return this
	 */
	public StandInFaults failNext(Op op, int n) {
		return failNext(op, n, PlatformException.Kind.TRANSIENT);
	}

	/**
	 * @param op   the operation, or null for any
	 * @param n    how many of its calls fail before doing anything
	 * @param kind how they fail (e.g. {@code UNAUTHORIZED})
	 * @return this
	 */
	public synchronized StandInFaults failNext(Op op, int n, PlatformException.Kind kind) {
		Objects.requireNonNull(kind, "kind");
		if (n > 0) {
			failures.add(new Scheduled(op, n, kind));
		}
		return this;
	}

	/**
	 * @param op the operation
	 * @param n  how many of its calls take effect, then fail {@code TRANSIENT} as if the answer was lost
	 * @return this
	 */
	public synchronized StandInFaults loseAnswers(Op op, int n) {
		Objects.requireNonNull(op, "op");
		if (n > 0) {
			lost.merge(op, n, Integer::sum);
		}
		return this;
	}

	/**
	 * Removes every fault not yet injected.
	 *
	 * @return this
	 */
	public synchronized StandInFaults clear() {
		failures.clear();
		lost.clear();
		return this;
	}

	/** @return how many faults were injected so far */
	public synchronized long injected() {
		return injected;
	}

	/** @return the failure this call gets, or null */
	synchronized PlatformException.Kind failure(Op op) {
		for (Iterator<Scheduled> it = failures.iterator(); it.hasNext();) {
			Scheduled s = it.next();
			if (s.op == null || s.op == op) {
				if (--s.remaining == 0) {
					it.remove();
				}
				injected++;
				return s.kind;
			}
		}
		return null;
	}

	/** @return whether this call's answer is lost */
	synchronized boolean lose(Op op) {
		Integer n = lost.get(op);
		if (n == null) {
			return false;
		}
		if (n == 1) {
			lost.remove(op);
		} else {
			lost.put(op, n - 1);
		}
		injected++;
		return true;
	}

	private static final class Scheduled {
		final Op op;
		int remaining;
		final PlatformException.Kind kind;

		Scheduled(Op op, int remaining, PlatformException.Kind kind) {
			this.op = op;
			this.remaining = remaining;
			this.kind = kind;
		}
	}
}
