/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.auth.CredentialsFile;

/**
 * {@code POST /graphql}: checks the {@code key} header (every call) and the {@code altitoken} header
 * (when sent, not revoked nor expired), then executes the document within the hub's time limit
 * ({@link QueryLimits}). Every answer is JSON in GraphQL's shape, errors included. Other paths are left
 * to the next handler.
 */
public final class GraphQLHandler extends Handler.Abstract {

	private static final HubLog LOG = HubLog.of(GraphQLHandler.class);
	private static final int MAX_BODY = 1 << 20;
	private final GraphQL graphql;
	private final CredentialsFile credentials;
	private final long timeoutNanos;
	private final ObjectMapper json = new ObjectMapper();

	/**
	 * @param graphql     the executable schema
	 * @param credentials app key and user tokens
	 * @param timeout     how long a request may run
	 */
	public GraphQLHandler(GraphQL graphql, CredentialsFile credentials, Duration timeout) {
		this.graphql = graphql;
		this.credentials = credentials;
		this.timeoutNanos = timeout.toNanos();
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws IOException {
		if (!"/graphql".equals(Request.getPathInContext(request))) {
			return false;
		}
		if (!"POST".equals(request.getMethod())) {
			response.getHeaders().put(HttpHeader.ALLOW, "POST");
			return error(response, callback, 405, "METHOD_NOT_ALLOWED", "use POST");
		}
		if (!credentials.isAppKey(request.getHeaders().get("key"))) {
			return error(response, callback, 401, "UNAUTHENTICATED", "missing or invalid app key (header 'key')");
		}
		String token = request.getHeaders().get("altitoken");
		Optional<String> user = credentials.userOf(token);
		if (token != null && user.isEmpty()) {
			return error(response, callback, 401, "UNAUTHENTICATED", "invalid, revoked or expired altitoken");
		}
		byte[] body;
		try (InputStream in = Content.Source.asInputStream(request)) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			return error(response, callback, 413, "TOO_LARGE", "request body over 1 MiB");
		}
		Map<String, Object> call;
		try {
			call = json.readValue(body, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
		} catch (JsonProcessingException e) {
			return error(response, callback, 400, "BAD_REQUEST", "body must be JSON {query, variables}");
		}
		if (!(call.get("query") instanceof String query)) {
			return error(response, callback, 400, "BAD_REQUEST", "missing query");
		}
		Object operation = call.get("operationName");
		if (operation != null && !(operation instanceof String)) {
			return error(response, callback, 400, "BAD_REQUEST", "operationName must be a string or null");
		}
		Object vars = call.get("variables");
		if (vars != null && !(vars instanceof Map<?, ?>)) {
			return error(response, callback, 400, "BAD_REQUEST", "variables must be an object or null");
		}
		AtomicBoolean timedOut = new AtomicBoolean();
		Map<String, Object> context = new HashMap<>();
		user.ifPresent(u -> context.put(Caller.USER, u));
		String address = Request.getRemoteAddr(request);
		if (address != null) {
			context.put(Caller.ADDRESS, address);
		}
		context.put(QueryLimits.DEADLINE, System.nanoTime() + timeoutNanos);
		context.put(QueryLimits.TIMED_OUT, timedOut);
		@SuppressWarnings("unchecked")
		Map<String, Object> variables = vars == null ? Map.of() : (Map<String, Object>) vars;
		ExecutionResult result;
		try {
			result = graphql.execute(ExecutionInput.newExecutionInput().query(query).operationName((String) operation)
					.variables(variables).graphQLContext(context).build());
		} catch (RuntimeException e) {
			LOG.error("a GraphQL request failed", e);
			return error(response, callback, 500, "INTERNAL", "internal error");
		}
		if (timedOut.get()) {
			return error(response, callback, 200, "TIMEOUT", "the request ran over this hub's time limit of "
					+ timeoutNanos / 1_000_000 + " ms and was cut: ask for less (fewer aliases or lists, smaller pages)");
		}
		return write(response, callback, 200, result.toSpecification());
	}

	private boolean error(Response response, Callback callback, int status, String code, String message)
			throws JsonProcessingException {
		return write(response, callback, status,
				Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code)))));
	}

	private boolean write(Response response, Callback callback, int status, Object body) throws JsonProcessingException {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
		response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
		return true;
	}
}
