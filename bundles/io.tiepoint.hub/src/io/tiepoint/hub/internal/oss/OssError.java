/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.oss;

/** A refusal in OSS's terms: the HTTP status, OSS's error code and a message (never a secret). */
final class OssError extends Exception {

	private static final long serialVersionUID = 1L;
	private final int status;
	private final String code;

	OssError(int status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	int status() {
		return status;
	}

	String code() {
		return code;
	}

	static OssError denied(String message) {
		return new OssError(403, "AccessDenied", message);
	}

	static OssError invalid(String message) {
		return new OssError(400, "InvalidArgument", message);
	}
}
