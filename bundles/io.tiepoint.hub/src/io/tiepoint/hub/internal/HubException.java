/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal;

/**
 * A refusal to show the client as a GraphQL error: the message must be safe to show (no secret, no
 * internal detail).
 */
public final class HubException extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private final String code;

	/** @param code a short machine-readable code @param message what to tell the client */
	public HubException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** @return the code, e.g. {@code NOT_FOUND} */
	public String code() {
		return code;
	}

	/** @param what the thing not found @return a NOT_FOUND error */
	public static HubException notFound(String what) {
		return new HubException("NOT_FOUND", what + " not found");
	}
}
