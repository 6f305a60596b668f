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

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** One request to the {@link PhotosServer} and its answer: parameters, headers, JSON in and out. */
final class Http {

	static final ObjectMapper JSON = new ObjectMapper();

	final HttpExchange exchange;
	final String method;
	final String path;
	final Map<String, String> query;

	Http(HttpExchange exchange) {
		this.exchange = exchange;
		this.method = exchange.getRequestMethod();
		this.path = exchange.getRequestURI().getRawPath();
		this.query = form(exchange.getRequestURI().getRawQuery());
	}

	/** @return the parameters of a query string or a form body, decoded */
	static Map<String, String> form(String raw) {
		Map<String, String> out = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return out;
		}
		for (String p : raw.split("&")) {
			int eq = p.indexOf('=');
			String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
			out.put(k, eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return out;
	}

	/** @return the header's first value, or null */
	String header(String name) {
		return exchange.getRequestHeaders().getFirst(name);
	}

	/** @return the whole body */
	byte[] body() throws IOException {
		return exchange.getRequestBody().readAllBytes();
	}

	/** @return the body as JSON (an empty object for an empty body) */
	JsonNode json() throws IOException, HttpError {
		byte[] b = body();
		if (b.length == 0) {
			return JSON.createObjectNode();
		}
		try {
			return JSON.readTree(b);
		} catch (IOException e) {
			throw HttpError.invalid("Invalid JSON payload received. " + e.getMessage());
		}
	}

	/** @return the declared Content-Length, or -1 */
	long contentLength() {
		String v = header("Content-Length");
		try {
			return v == null ? -1 : Long.parseLong(v.strip());
		} catch (NumberFormatException e) {
			return -2;
		}
	}

	void header(String name, String value) {
		exchange.getResponseHeaders().set(name, value);
	}

	void send(int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	void json(int status, JsonNode body) throws IOException {
		header("Content-Type", "application/json; charset=UTF-8");
		send(status, JSON.writeValueAsBytes(body));
	}

	void error(HttpError e) throws IOException {
		e.headers.forEach(this::header);
		ObjectNode err = JSON.createObjectNode();
		if (e.oauth) {
			err.put("error", e.status).put("error_description", e.getMessage());
		} else {
			err.putObject("error").put("code", e.code).put("message", e.getMessage()).put("status", e.status);
		}
		json(e.code, err);
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}
}
