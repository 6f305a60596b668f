/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.platform;

/** A call to the platform failed. The message never contains the app key or the user token. */
public class PlatformException extends Exception {

	private static final long serialVersionUID = 1L;

	/** What went wrong, as far as retrying is concerned. */
	public enum Kind {
		/** Connection failure, timeout, 5xx: retry with backoff. */
		TRANSIENT(true),
		/** The key or token was refused. */
		UNAUTHORIZED(false),
		/** The project or image does not exist (for this user). */
		NOT_FOUND(false),
		/** The platform refused the request (GraphQL errors, a mutation's error code). */
		REJECTED(false),
		/** The answer could not be understood. */
		PROTOCOL(false);

		private final boolean retryable;

		Kind(boolean retryable) {
			this.retryable = retryable;
		}

		/** @return whether trying again can help */
		public boolean retryable() {
			return retryable;
		}
	}

	private final Kind kind;
	private final String code;

	/**
	 * @param kind    the kind
	 * @param code    the platform's error code (e.g. a PROJECT_ERROR_CODE), or null
	 * @param message what failed
	 * @param cause   the cause, or null
	 */
	public PlatformException(Kind kind, String code, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.code = code;
	}

	/** @return the kind */
	public Kind kind() {
		return kind;
	}

	/** @return the platform's error code, or null */
	public String code() {
		return code;
	}

	/** @return whether trying again can help */
	public boolean retryable() {
		return kind.retryable();
	}
}
