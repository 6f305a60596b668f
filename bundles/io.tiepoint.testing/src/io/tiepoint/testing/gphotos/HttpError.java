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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the {@link PhotosServer}, in Google's JSON shape
 * ({@code {"error": {"code", "message", "status"}}}), with extra response headers.
 */
final class HttpError extends Exception {

	private static final long serialVersionUID = 1L;

	final int code;
	final String status;
	final transient Map<String, String> headers = new LinkedHashMap<>();
	/** An OAuth error: {@code {"error": status, "error_description": message}}. */
	boolean oauth;

	HttpError(int code, String status, String message) {
		super(message);
		this.code = code;
		this.status = status;
	}

	HttpError header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	static HttpError oauth(int code, String error, String description) {
		HttpError e = new HttpError(code, error, description);
		e.oauth = true;
		return e;
	}

	static HttpError invalid(String message) {
		return new HttpError(400, "INVALID_ARGUMENT", message);
	}

	static HttpError notFound(String message) {
		return new HttpError(404, "NOT_FOUND", message);
	}

	static HttpError denied(String message) {
		return new HttpError(403, "PERMISSION_DENIED", message);
	}
}
