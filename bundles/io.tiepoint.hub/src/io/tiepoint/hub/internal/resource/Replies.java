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

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The seed's JSON answers, {@code {message, data, code}}: {@code OK} and 200, errors with the HTTP
 * status as {@code code}, and the client redirect of 3.10 ({@code code 300} with {@code HostName} and
 * {@code Port}).
 */
final class Replies {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Replies() {
	}

	/** Answers 200 {@code {"message":"OK","data":...,"code":200}}. */
	static void ok(Response response, Callback callback, Object data) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "OK");
		body.put("data", data);
		body.put("code", 200);
		write(response, callback, 200, body);
	}

	/** Answers an error, {@code {"message":...,["data":...,]"code":status}}. */
	static void error(Response response, Callback callback, int status, String message, Map<String, Object> data)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		if (data != null) {
			body.put("data", data);
		}
		body.put("code", status);
		write(response, callback, status, body);
	}

	/** Answers the client redirect of seed 3.10 to a peer hub. */
	static void redirect(Response response, Callback callback, URI peer) throws IOException {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("Port", String.valueOf(peer.getPort()));
		data.put("HostName", peer.getHost());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Multiple Choices");
		body.put("data", data);
		body.put("code", 300);
		write(response, callback, 300, body);
	}

	/** Writes a JSON body with its status. */
	static void write(Response response, Callback callback, int status, Object body) throws IOException {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
		response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
	}
}
