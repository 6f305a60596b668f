/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;

/** A GraphQL client for tests: {@code key} on every call, {@code altitoken} when a token is set. */
public final class Gql {

	private static final ObjectMapper JSON = new ObjectMapper();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final URI endpoint;
	private final String key;
	private final String token;

	/** @param endpoint the /graphql URI @param key app key or null @param token user token or null */
	public Gql(URI endpoint, String key, String token) {
		this.endpoint = endpoint;
		this.key = key;
		this.token = token;
	}

	/** @param hub a running hub @return a client acting for its first user */
	public static Gql of(Hub hub) {
		return new Gql(hub.uri().resolve("graphql"), hub.appKey(), hub.userToken());
	}

	/** @param other token @return a client for another user of the same hub */
	public Gql as(String other) {
		return new Gql(endpoint, key, other);
	}

	/** @param query a document @param vars alternating names and values @return the whole answer */
	public JsonNode call(String query, Object... vars) {
		Map<String, Object> v = new HashMap<>();
		for (int i = 0; i < vars.length; i += 2) {
			v.put((String) vars[i], vars[i + 1]);
		}
		return raw(query, v).body;
	}

	/** An HTTP answer. @param status HTTP status @param body JSON body */
	public record Answer(int status, JsonNode body) {
	}

	/** @param query document @param variables variables @return status and body */
	public Answer raw(String query, Map<String, Object> variables) {
		try {
			Map<String, Object> body = new HashMap<>();
			body.put("query", query);
			body.put("variables", variables);
			HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
			if (key != null) {
				b.header("key", key);
			}
			if (token != null) {
				b.header("altitoken", token);
			}
			HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(r.statusCode(), JSON.readTree(r.body()));
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** @param query document @param vars names and values @return {@code data}, asserting no errors */
	public JsonNode data(String query, Object... vars) {
		JsonNode answer = call(query, vars);
		assertTrue(answer.path("errors").isMissingNode() || answer.path("errors").isEmpty(), () -> "errors: " + answer);
		return answer.get("data");
	}

	/** @param query document @param vars names and values @return the first error message, asserting there is one */
	public String error(String query, Object... vars) {
		JsonNode answer = call(query, vars);
		assertTrue(answer.path("errors").size() > 0, () -> "expected an error: " + answer);
		return answer.path("errors").get(0).path("message").asText();
	}

	/** @param name project name @return its id */
	public String createProject(String name) {
		JsonNode d = data(Docs.CREATE_PROJECT, "name", name);
		String id = d.path("createProject").path("id").asText();
		assertEquals(24, id.length());
		return id;
	}
}
