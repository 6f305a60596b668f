/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

/**
 * A call to a NodeODM node failed. NodeODM answers most errors with HTTP 200 and a body {@code {"error": "..."}}
 * (its {@code res.json({error})} everywhere in {@code index.js} and {@code libs/taskNew.js}); ClusterODM answers a
 * refused token with a bare 401 ({@code libs/proxy.js}). The message never holds the token.
 */
public final class NodeException extends Exception {

	private static final long serialVersionUID = 1L;

	/** What went wrong, as far as the engine's next step is concerned. */
	public enum Kind {
		/** No answer: connection refused, reset, timeout. Another try, or another node, may help. */
		DOWN,
		/** HTTP 5xx, 429 or 408 (a proxy in front of the node, a restarting node): retry. */
		TRANSIENT,
		/** The token was refused. */
		UNAUTHORIZED,
		/** The node does not know the task (it restarted and forgot it, or removed it). */
		LOST,
		/** The node refused the request with {@code {"error": ...}}. */
		REFUSED,
		/** The answer could not be understood. */
		PROTOCOL
	}

	private final Kind kind;

	/**
	 * @param kind    the kind
	 * @param message what failed
	 * @param cause   the cause, or null
	 */
	public NodeException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	/** @return the kind */
	public Kind kind() {
		return kind;
	}

	/** @return whether repeating the same request may succeed */
	public boolean retryable() {
		return kind == Kind.DOWN || kind == Kind.TRANSIENT;
	}

	/**
	 * Whether an {@code error} text of NodeODM or ClusterODM says the task is unknown: {@code "<uuid> not found"}
	 * ({@code getTaskFromUuid}, {@code TaskManager.find}), {@code "Invalid uuid (not found)"}
	 * ({@code taskNew.getUUID}), {@code "Invalid taskId: the task no longer exists."} (ClusterODM's upload route),
	 * {@code "Invalid route for taskId ..., no task table entry."} (ClusterODM, when no node holds the task).
	 *
	 * @param error the error text
	 * @return whether it means the task is gone
	 */
	public static boolean meansLost(String error) {
		return error != null && (error.endsWith(" not found") || error.contains("Invalid uuid (not found)")
				|| error.contains("no longer exists") || error.contains("no task table entry"));
	}
}
