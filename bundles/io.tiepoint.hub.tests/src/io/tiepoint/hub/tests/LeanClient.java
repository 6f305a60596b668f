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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;

/**
 * A lean GraphQL client for the benchmark: {@link HttpURLConnection} with keep-alive costs about a
 * third of the CPU of {@code java.net.http.HttpClient} per call, so the numbers measure the hub.
 */
final class LeanClient {

	private static final ObjectMapper JSON = new ObjectMapper();
	private final URI endpoint;
	private final String key;
	private final String token;

	LeanClient(Hub hub) {
		this.endpoint = hub.uri().resolve("graphql");
		this.key = hub.appKey();
		this.token = hub.userToken();
	}

	/** @param query document @param vars names and values @return {@code data}; fails on errors */
	JsonNode data(String query, Object... vars) {
		Map<String, Object> v = new HashMap<>();
		for (int i = 0; i < vars.length; i += 2) {
			v.put((String) vars[i], vars[i + 1]);
		}
		try {
			HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
			c.setDoOutput(true);
			c.setRequestMethod("POST");
			c.setRequestProperty("Content-Type", "application/json");
			c.setRequestProperty("key", key);
			c.setRequestProperty("altitoken", token);
			try (OutputStream out = c.getOutputStream()) {
				JSON.writeValue(out, Map.of("query", query, "variables", v));
			}
			JsonNode answer;
			try (InputStream in = c.getInputStream()) {
				answer = JSON.readTree(in);
			}
			if (answer.path("errors").size() > 0) {
				throw new IllegalStateException("errors: " + answer);
			}
			return answer.get("data");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
