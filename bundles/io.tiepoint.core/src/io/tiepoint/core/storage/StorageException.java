/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

/**
 * The one exception of the storage SPI. Providers translate their SDK's and transport's failures
 * into a {@link Kind}; the engine decides on retries from the kind alone.
 */
public class StorageException extends Exception {

	private static final long serialVersionUID = 1L;

	/** What went wrong, as far as retrying is concerned. */
	public enum Kind {
		/** 5xx, connection reset, timeout, stall: retry with backoff. */
		TRANSIENT(true),
		/** A presigned URL, an upload lease or temporary credentials expired: get new ones, retry. */
		EXPIRED(true),
		/** The object, upload or resume token does not exist (any more): restart from zero. */
		NOT_FOUND(true),
		/** Someone else is writing the same content now: wait and ask again. */
		BUSY(true),
		/** What was stored does not match what was sent (checksum, size): discard and resend. */
		INTEGRITY(true),
		/** Credentials refused or not allowed: do not retry. */
		UNAUTHORIZED(false),
		/** The request itself is wrong (4xx other than the above), or the local file is unreadable. */
		PERMANENT(false),
		/** The monitor was canceled. */
		CANCELED(false);

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

	/**
	 * @param kind    what went wrong
	 * @param message names the object and the reason; never contains a secret
	 */
	public StorageException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	/**
	 * @param kind    what went wrong
	 * @param message names the object and the reason; never contains a secret
	 * @param cause   the underlying failure
	 */
	public StorageException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	/** @return the kind */
	public Kind kind() {
		return kind;
	}

	/** @return whether trying again can help */
	public boolean retryable() {
		return kind.retryable();
	}
}
