/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.project;

import java.io.IOException;

/** The journal cannot be opened, read or written. */
public class JournalException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what failed, naming the file
	 * @param cause   the cause
	 */
	public JournalException(String message, Throwable cause) {
		super(message, cause);
	}

	/** @param message what failed */
	public JournalException(String message) {
		super(message);
	}
}
