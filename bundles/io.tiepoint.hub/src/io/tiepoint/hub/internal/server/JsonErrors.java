/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The errors Jetty answers itself (unknown paths, malformed requests, a handler that failed) in the
 * protocols' JSON: GraphQL's {@code {"errors":[{"message","extensions":{"code"}}]}} under
 * {@code /graphql}, the resource service's {@code {"message","code"}} elsewhere. Never an HTML page, an
 * exception or the server's name and version.
 */
final class JsonErrors extends ErrorHandler {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * @param server the server: gets this error handler
	 * @return an HTTP connector that does not name the server in its answers
	 */
	static ServerConnector connector(Server server) {
		HttpConfiguration http = new HttpConfiguration();
		http.setSendServerVersion(false);
		http.setSendXPoweredBy(false);
		server.setErrorHandler(new JsonErrors());
		return new ServerConnector(server, new HttpConnectionFactory(http));
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		int status = response.getStatus() >= 400 ? response.getStatus() : 500;
		String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
		response.write(true, ByteBuffer.wrap(body(path, status)), callback);
		return true;
	}

	@Override
	public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
		fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
		return ByteBuffer.wrap(body(null, status));
	}

	private static byte[] body(String path, int status) {
		String message = status == 404 && path != null ? "no such path: " + printable(path)
				: status >= 500 ? "internal error" : HttpStatus.getMessage(status);
		Map<String, Object> body = new LinkedHashMap<>();
		if (path != null && path.startsWith("/graphql")) {
			body.put("errors", List.of(Map.of("message", message, "extensions", Map.of("code", "HTTP_" + status))));
		} else {
			body.put("message", message);
			body.put("code", status);
		}
		try {
			return JSON.writeValueAsBytes(body);
		} catch (JsonProcessingException e) {
			return ("{\"message\":\"error\",\"code\":" + status + "}").getBytes(StandardCharsets.UTF_8);
		}
	}

	private static String printable(String s) {
		String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
		return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
	}
}
