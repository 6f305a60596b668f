/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.util.Map;

/**
 * A refused resource-service request: the HTTP status (also the JSON {@code code}), a message naming
 * the file and the reason (never a secret), and optional {@code data}.
 */
public final class ResourceException extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private final int status;
	private final transient Map<String, Object> data;

	/** @param status HTTP status @param message what and why */
	public ResourceException(int status, String message) {
		this(status, message, null);
	}

	/** @param status HTTP status @param message what and why @param data extra fields, or null */
	public ResourceException(int status, String message, Map<String, Object> data) {
		super(message);
		this.status = status;
		this.data = data;
	}

	/** @return the HTTP status and JSON code */
	public int status() {
		return status;
	}

	/** @return extra data or null */
	public Map<String, Object> data() {
		return data;
	}
}
