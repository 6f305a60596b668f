/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.cli.Tiepoint;

/** A GraphQL client of a hub acting for its first user, and the command line run in this process. */
final class Gql {

	private static final ObjectMapper JSON = new ObjectMapper();
	private final HttpClient http = HttpClient.newHttpClient();
	private final URI base;
	private final String key;
	private final String token;

	Gql(URI base, String key, String token) {
		this.base = base;
		this.key = key;
		this.token = token;
	}

	/** @return the answer's {@code data}; fails the test on GraphQL errors */
	JsonNode data(String query, Object... vars) throws IOException, InterruptedException {
		Map<String, Object> v = new HashMap<>();
		for (int i = 0; i < vars.length; i += 2) {
			v.put((String) vars[i], vars[i + 1]);
		}
		HttpRequest req = HttpRequest.newBuilder(base.resolve("graphql")).timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json").header("key", key).header("altitoken", token)
				.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("query", query, "variables", v))))
				.build();
		JsonNode answer = JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofByteArray()).body());
		assertTrue(answer.path("errors").isMissingNode() || answer.path("errors").isEmpty(), () -> "errors: " + answer);
		return answer.path("data");
	}

	/** @param name a project's name @return its id */
	String projectId(String name) throws IOException, InterruptedException {
		for (JsonNode e : data("query ($s: String) { my { allProjects(search: $s) { edges { node { id name } } } } }", "s", name)
				.path("my").path("allProjects").path("edges")) {
			if (e.path("node").path("name").asText().equals(name)) {
				return e.path("node").path("id").asText();
			}
		}
		throw new AssertionError("no project " + name);
	}

	/** @return the latest task of the project once it is in one of the states */
	JsonNode awaitTask(String pid, List<String> states, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			JsonNode task = data("""
					query ($id: ID!) { project(id: $id) { task { id state engine step totalSteps error log
					  result { images values { key value } files { name size fileId url } } } } }""", "id", pid)
					.path("project").path("task");
			if (states.contains(task.path("state").asText())) {
				return task;
			}
			assertTrue(System.nanoTime() < deadline, () -> "task still " + task);
			Thread.sleep(100);
		}
	}

	/**
	 * @param command what follows {@code tiepoint}
	 * @return exit code, stdout and stderr
	 */
	static String[] cli(String... command) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Tiepoint.run(command, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
		return new String[] { String.valueOf(code), out.toString(), err.toString() };
	}
}
