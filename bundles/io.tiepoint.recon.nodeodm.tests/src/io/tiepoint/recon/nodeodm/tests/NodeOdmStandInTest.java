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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.testing.nodeodm.NodeOdmStandIn;

/**
 * The stand-in checks what NodeODM checks and answers as NodeODM's code writes (HTTP 200 with {@code {"error"}}),
 * spoken to with plain HTTP requests (not the engine's client): the token, an unknown uuid, a commit without images,
 * options (a bad value refused, an unknown name dropped), the status codes a task goes through and its output lines,
 * cancel and remove.
 */
class NodeOdmStandInTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private final HttpClient http = HttpClient.newHttpClient();
	private NodeOdmStandIn node;

	@BeforeEach
	void start() throws Exception {
		node = new NodeOdmStandIn("tok", 20);
	}

	@AfterEach
	void stop() {
		node.close();
	}

	private JsonNode send(String method, String path, String contentType, byte[] body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(node.url().resolve(path));
		if (contentType != null) {
			b.header("Content-Type", contentType);
		}
		HttpResponse<byte[]> r = http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertEquals(200, r.statusCode(), "NodeODM answers errors with 200 too: " + path);
		return JSON.readTree(r.body());
	}

	private JsonNode get(String path) throws Exception {
		return send("GET", path, null, null);
	}

	private static byte[] multipart(String field, String filename, byte[] content) {
		String head = "--B\r\nContent-Disposition: form-data; name=\"" + field + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n\r\n";
		byte[] h = head.getBytes(StandardCharsets.UTF_8);
		byte[] t = "\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[h.length + content.length + t.length];
		System.arraycopy(h, 0, out, 0, h.length);
		System.arraycopy(content, 0, out, h.length, content.length);
		System.arraycopy(t, 0, out, h.length + content.length, t.length);
		return out;
	}

	private String init(String options) throws Exception {
		JsonNode r = send("POST", "task/new/init?token=tok", "multipart/form-data; boundary=B",
				multipart("options", null, options.getBytes(StandardCharsets.UTF_8)));
		assertTrue(r.has("uuid"), r.toString());
		return r.path("uuid").asText();
	}

	@Test
	void theTokenIsChecked() throws Exception {
		assertEquals("Invalid authentication token: token does not match.", get("info").path("error").asText());
		assertEquals("Invalid authentication token: token does not match.", get("info?token=nope").path("error").asText());
		assertEquals("odm", get("info?token=tok").path("engine").asText());
		assertTrue(get("options?token=tok").isArray());
	}

	@Test
	void unknownTasksAndEmptyCommitsAreRefused() throws Exception {
		String unknown = "00000000-0000-4000-8000-000000000000";
		assertEquals(unknown + " not found", get("task/" + unknown + "/info?token=tok").path("error").asText());
		assertEquals(unknown + " not found", get("task/" + unknown + "/output?token=tok").path("error").asText());
		assertEquals("Invalid uuid (not found)", send("POST", "task/new/commit/" + unknown + "?token=tok", null, null)
				.path("error").asText());
		String uuid = init("[]");
		assertEquals("Need at least 1 file.", send("POST", "task/new/upload/" + uuid + "?token=tok",
				"multipart/form-data; boundary=B", multipart("other", null, new byte[1])).path("error").asText());
		assertEquals("Need at least 1 file.", send("POST", "task/new/commit/" + uuid + "?token=tok", null, null)
				.path("error").asText());
		assertEquals("Invalid uuid (not found)", send("POST", "task/new/commit/" + uuid + "?token=tok", null, null)
				.path("error").asText(), "a failed commit drops the upload");
		JsonNode cancel = send("POST", "task/cancel?token=tok", "application/x-www-form-urlencoded",
				("uuid=" + unknown).getBytes(StandardCharsets.UTF_8));
		assertFalse(cancel.path("success").asBoolean(true));
		assertEquals("uuid param missing.", send("POST", "task/remove?token=tok", "application/x-www-form-urlencoded",
				new byte[0]).path("error").asText());
	}

	@Test
	void optionsAreCheckedAsNodeOdmDoes() throws Exception {
		JsonNode bad = send("POST", "task/new/init?token=tok", "multipart/form-data; boundary=B",
				multipart("options", null, "[{\"name\":\"pc-quality\",\"value\":\"best\"},{\"name\":\"mesh-size\",\"value\":-3}]"
						.getBytes(StandardCharsets.UTF_8)));
		JsonNode errors = JSON.readTree(bad.path("error").asText());
		assertEquals("Invalid value best (not in enum)", errors.get(0).path("error").asText(), bad.toString());
		assertEquals("Invalid value -3 (out of range)", errors.get(1).path("error").asText(), bad.toString());
		String uuid = init("[{\"name\":\"dsm\",\"value\":true},{\"name\":\"no-such-option\",\"value\":1}]");
		send("POST", "task/new/upload/" + uuid + "?token=tok", "multipart/form-data; boundary=B",
				multipart("images", "a.JPG", Files.readAllBytes(TestContext.surveyFiles().get(0))));
		send("POST", "task/new/commit/" + uuid + "?token=tok", null, null);
		JsonNode options = get("task/" + uuid + "/info?token=tok").path("options");
		assertEquals(1, options.size(), "the unknown option is dropped without a word: " + options);
		assertEquals("dsm", options.get(0).path("name").asText());
	}

	@Test
	void aTaskGoesThroughNodeOdmsStatusesAndWritesItsOutput() throws Exception {
		String uuid = init("[{\"name\":\"dsm\",\"value\":\"true\"}]");
		for (Path p : TestContext.surveyFiles().subList(0, 3)) {
			JsonNode up = send("POST", "task/new/upload/" + uuid + "?token=tok", "multipart/form-data; boundary=B",
					multipart("images", p.getFileName().toString(), Files.readAllBytes(p)));
			assertTrue(up.path("success").asBoolean(), up.toString());
		}
		node.maxParallelTasks(0); // no free slot: the committed task waits in the queue
		assertEquals(uuid, send("POST", "task/new/commit/" + uuid + "?token=tok", null, null).path("uuid").asText());
		Thread.sleep(60);
		assertEquals(10, get("task/" + uuid + "/info?token=tok").path("status").path("code").asInt());
		assertEquals(1, get("info?token=tok").path("taskQueueCount").asInt());
		node.maxParallelTasks(2);
		Set<Integer> seen = new HashSet<>(Set.of(10));
		JsonNode info;
		do {
			info = get("task/" + uuid + "/info?token=tok");
			seen.add(info.path("status").path("code").asInt());
			Thread.sleep(5);
		} while (info.path("status").path("code").asInt() < 30);
		assertEquals(Set.of(10, 20, 40), seen, "queued, running, completed");
		assertEquals(3, info.path("imagesCount").asInt());
		assertEquals(100, info.path("progress").asInt());
		JsonNode all = get("task/" + uuid + "/output?token=tok");
		JsonNode tail = get("task/" + uuid + "/output?token=tok&line=" + (all.size() - 2));
		assertEquals(2, tail.size());
		assertEquals(all.get(all.size() - 1), tail.get(1));
		HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(node.url().resolve("task/" + uuid
				+ "/download/all.zip?token=tok")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
		Set<String> entries = new HashSet<>();
		try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;) {
				entries.add(e.getName());
			}
		}
		assertTrue(entries.containsAll(Set.of("odm_orthophoto/odm_orthophoto.tif", "odm_dem/dsm.tif",
				"odm_georeferencing/odm_georeferenced_model.las", "odm_report/report.pdf", "task_output.txt")), entries.toString());
		assertEquals("Invalid asset", get("task/" + uuid + "/download/orthophoto.png?token=tok").path("error").asText());
		JsonNode removed = send("POST", "task/remove?token=tok", "application/x-www-form-urlencoded",
				("uuid=" + uuid).getBytes(StandardCharsets.UTF_8));
		assertTrue(removed.path("success").asBoolean(), removed.toString());
		assertEquals(uuid + " not found", get("task/" + uuid + "/info?token=tok").path("error").asText());
		assertTrue(URI.create(node.url().toString()).getHost().equals("127.0.0.1"));
	}
}
