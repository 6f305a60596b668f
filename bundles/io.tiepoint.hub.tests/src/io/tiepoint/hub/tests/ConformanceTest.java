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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.testing.TestData;

/**
 * Replays every document of {@code altizure-api.md} against a running hub over HTTP and checks the
 * shapes of the answers (GridFS only; S3 is covered by {@link S3EndToEndTest}).
 */
class ConformanceTest {

	@TempDir
	static Path dir;
	static Hub hub;
	static Gql gql;

	@BeforeAll
	static void start() throws IOException {
		hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
		gql = Gql.of(hub);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static String sum(int i) {
		return String.format("%040x", i + 0xabc000L);
	}

	@Test
	void everyDocumentOfTheReferenceIsReplayed() throws Exception {
		Path md = TestData.sharedData().map(d -> d.resolveSibling("reference").resolve("altizure-api.md"))
				.filter(Files::isRegularFile).orElse(null);
		Assumptions.assumeTrue(md != null, "altizure-api.md absent");
		Set<String> ours = new HashSet<>();
		for (var f : Docs.class.getFields()) {
			if (Modifier.isStatic(f.getModifiers())) {
				ours.add(normal((String) f.get(null)));
			}
		}
		List<String> docs = ReferenceDocs.extract(Files.readString(md));
		assertEquals(19, docs.size(), () -> "documents found: " + docs);
		for (String d : docs) {
			assertTrue(ours.contains(normal(d)), () -> "not replayed: " + d);
		}
	}

	private static String normal(String s) {
		return s.replaceAll("\\s+", " ").trim();
	}

	@Test
	void everyDocumentExecutesWithTheDocumentedShape() {
		String pid = gql.createProject("conformance");
		JsonNode reg = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "DJI_0001.JPG", "type", "JPEG", "checksum", sum(1));
		String iid = reg.path("uploadImageGridFS").path("image").path("id").asText();
		Map<String, Object[]> calls = new LinkedHashMap<>();
		calls.put(Docs.GEO, new Object[] {});
		calls.put(Docs.SUPPORTED_CLOUD, new Object[] { "kind", "Image" });
		calls.put(Docs.ENDPOINTS, new Object[] {});
		calls.put(Docs.SYSTEM_MODE, new Object[] {});
		calls.put(Docs.ERROR_CODE_INFO, new Object[] { "code", "NO_IMAGES", "lang", "en" });
		calls.put(Docs.ERROR_CODE_ENUM, new Object[] {});
		calls.put(Docs.PROJECT, new Object[] { "id", pid });
		calls.put(Docs.IMAGE, new Object[] { "pid", pid, "iid", iid });
		calls.put(Docs.ALL_IMAGES, new Object[] { "id", pid, "first", 10 });
		calls.put(Docs.ALL_PROJECTS, new Object[] { "first", 10 });
		calls.put(Docs.CREATE_PROJECT, new Object[] { "name", "p2", "type", "pro", "imported", false, "visibility", "private" });
		calls.put(Docs.HAS_IMAGE, new Object[] { "pid", pid, "checksum", sum(1) });
		calls.put(Docs.START_UPLOAD, new Object[] { "iid", iid });
		calls.put(Docs.START_RECONSTRUCTION, new Object[] { "id", pid, "taskType", "Reconstruction" });
		for (var c : calls.entrySet()) {
			JsonNode data = gql.data(c.getKey(), c.getValue());
			assertTrue(data.size() > 0 && !data.elements().next().isNull(), () -> c.getKey() + " -> " + data);
		}
		// documented with errors on this hub: not configured clouds, a bucket it does not have, nothing uploaded, no task
		for (String doc : List.of(Docs.UPLOAD_S3, Docs.UPLOAD_MINIO, Docs.UPLOAD_OSS)) {
			JsonNode a = gql.call(doc, "pid", pid, "bucket", "b", "filename", "x.jpg", "checksum", sum(2));
			assertEquals(doc.equals(Docs.UPLOAD_OSS) ? "BUCKET_NOT_SUPPORTED" : "CLOUD_NOT_SUPPORTED",
					a.path("errors").get(0).path("extensions").path("code").asText(), a::toString);
			assertTrue(a.path("data").elements().next().isNull());
		}
		assertTrue(gql.error(Docs.DONE_UPLOAD, "iid", iid).contains("no uploaded object"));
		assertTrue(gql.error(Docs.STOP_RECONSTRUCTION, "id", pid).contains("not found"));
	}

	@Test
	void supportAndGeoDescribeTheConfiguredClouds() {
		JsonNode geo = gql.data(Docs.GEO).path("getGeoIPInfo");
		assertEquals("gridfs", geo.path("nearestBuckets").get(0).path("cloud").asText());
		assertEquals("gridfs", geo.path("nearestBuckets").get(0).path("bucket").asText());
		assertEquals("oss", geo.path("nearestBuckets").get(1).path("cloud").asText(), "every hub has its OSS gateway");
		assertEquals(2, geo.path("nearestMetaBuckets").size());
		assertEquals("[\"gridfs\",\"oss\"]",
				gql.data(Docs.SUPPORTED_CLOUD, "kind", "Image").path("support").path("supportedCloud").toString());
		assertTrue(gql.data(Docs.ENDPOINTS).path("support").path("endpoints").path("api").asText().endsWith("/graphql"));
		assertEquals("Normal", gql.data(Docs.SYSTEM_MODE).path("support").path("systemMode").asText());
		JsonNode info = gql.data(Docs.ERROR_CODE_INFO, "code", "IMAGES_NOT_READY", "lang", "en").path("support").path("errorCodeInfo");
		assertEquals(1, info.size());
		assertEquals("IMAGES_NOT_READY", info.get(0).path("code").asText());
		assertFalse(info.get(0).path("solution").asText().isBlank());
		assertTrue(gql.data(Docs.ERROR_CODE_INFO).path("support").path("errorCodeInfo").size() >= 6);
		List<String> names = new ArrayList<>();
		gql.data(Docs.ERROR_CODE_ENUM).path("__type").path("enumValues").forEach(v -> names.add(v.path("name").asText()));
		assertTrue(names.containsAll(List.of("NO_IMAGES", "IMAGES_NOT_READY", "ALREADY_RUNNING", "NO_ENGINE", "PROJECT_NOT_FOUND")),
				names::toString);
	}

	@Test
	void projectShapeAndImageLifecycleOverGridFs() {
		String pid = gql.createProject("shape");
		JsonNode p = gql.data(Docs.PROJECT, "id", pid).path("project");
		assertEquals("shape", p.path("name").asText());
		assertEquals(0, p.path("numImage").asInt());
		assertEquals(0.0, p.path("gigaPixel").asDouble());
		assertTrue(p.path("taskState").isNull());
		assertTrue(p.path("date").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), p::toString);
		assertTrue(p.path("cloudPath").isArray());
		assertTrue(gql.data(Docs.HAS_IMAGE, "pid", pid, "checksum", sum(5)).path("hasImage").isNull());
		JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "IMG 5.jpg", "checksum", sum(5)).path("uploadImageGridFS");
		JsonNode img = up.path("image");
		assertEquals("Pending", img.path("state").asText());
		assertEquals("IMG 5.jpg", img.path("name").asText());
		assertTrue(img.path("filename").asText().matches("[0-9a-f]{24}\\.jpg"), img::toString);
		assertTrue(up.path("url").asText().startsWith(hub.uri() + "Resource/Upload?uid="), up::toString);
		JsonNode again = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "other.jpg", "checksum", sum(5).toUpperCase());
		assertEquals(img.path("id"), again.path("uploadImageGridFS").path("image").path("id"));
		assertEquals(img.path("id"), gql.data(Docs.HAS_IMAGE, "pid", pid, "checksum", sum(5)).path("hasImage").path("id"));
		String iid = img.path("id").asText();
		assertEquals("Uploading", gql.data(Docs.START_UPLOAD, "iid", iid).path("startImageUpload").path("state").asText());
		assertEquals(img.path("filename"),
				gql.data("query ($id: ID!, $f: String!) { project(id: $id) { imageByFilename(filename: $f) { filename } } }",
						"id", pid, "f", img.path("filename").asText()).path("project").path("imageByFilename").path("filename"));
	}

	@Test
	void namesAndChecksumsAreChecked() {
		String pid = gql.createProject("names");
		for (String bad : List.of("../x.jpg", "a/b.jpg", "a\\b.jpg", "", "x".repeat(300) + ".jpg")) {
			assertTrue(gql.call(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", bad, "checksum", sum(9)).path("errors").size() > 0, bad);
		}
		assertTrue(gql.error(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "ok.jpg", "checksum", "nothex").contains("sha1"));
		assertTrue(gql.error(Docs.HAS_IMAGE, "pid", pid, "checksum", "zz").contains("sha1"));
	}

	@Test
	void authNeedsTheAppKeyAndScopesUsersToTheirProjects() throws IOException {
		Gql.Answer noKey = new Gql(hub.uri().resolve("graphql"), null, null).raw(Docs.SYSTEM_MODE, Map.of());
		assertEquals(401, noKey.status());
		assertTrue(noKey.body().path("errors").get(0).path("message").asText().contains("app key"));
		assertEquals(401, new Gql(hub.uri().resolve("graphql"), "x".repeat(32), null).raw(Docs.SYSTEM_MODE, Map.of()).status());
		Gql anonymous = new Gql(hub.uri().resolve("graphql"), hub.appKey(), null);
		assertEquals("Normal", anonymous.data(Docs.SYSTEM_MODE).path("support").path("systemMode").asText());
		assertTrue(anonymous.error(Docs.ALL_PROJECTS, "first", 1).contains("altitoken"));
		assertEquals(401, gql.as("y".repeat(32)).raw(Docs.SYSTEM_MODE, Map.of()).status());

		String mine = gql.createProject("mine");
		Gql bob = gql.as(io.tiepoint.hub.HubCredentials.open(dir.resolve("hub")).addUser("bob"));
		assertTrue(bob.data(Docs.PROJECT, "id", mine).path("project").isNull());
		assertTrue(bob.error(Docs.HAS_IMAGE, "pid", mine, "checksum", sum(1)).contains("not found"));
		assertTrue(bob.error(Docs.UPLOAD_GRIDFS, "pid", mine, "filename", "a.jpg", "checksum", sum(1)).contains("not found"));
		String bobs = bob.createProject("bobs");
		assertEquals(1, bob.data(Docs.ALL_PROJECTS).path("my").path("allProjects").path("totalCount").asInt());
		assertTrue(gql.data(Docs.PROJECT, "id", bobs).path("project").isNull());
		assertEquals("PROJECT_NOT_FOUND", bob.data(Docs.START_RECONSTRUCTION, "id", mine).path("startReconstructionWithError")
				.path("error").path("code").asText());
	}

	@Test
	void relayPaginationWalksBothWays() {
		String pid = gql.createProject("paging");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ids.add(gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "p" + i + ".jpg", "checksum", sum(100 + i))
					.path("uploadImageGridFS").path("image").path("id").asText());
		}
		JsonNode a = page("id", pid, "first", 3);
		assertEquals(7, a.path("totalCount").asInt());
		assertEquals(ids.subList(0, 3), nodeIds(a));
		assertTrue(a.path("pageInfo").path("hasNextPage").asBoolean());
		assertFalse(a.path("pageInfo").path("hasPreviousPage").asBoolean());
		JsonNode b = page("id", pid, "first", 3, "after", a.path("pageInfo").path("endCursor").asText());
		assertEquals(ids.subList(3, 6), nodeIds(b));
		assertTrue(b.path("pageInfo").path("hasPreviousPage").asBoolean());
		JsonNode c = page("id", pid, "first", 3, "after", b.path("pageInfo").path("endCursor").asText());
		assertEquals(ids.subList(6, 7), nodeIds(c));
		assertFalse(c.path("pageInfo").path("hasNextPage").asBoolean());
		JsonNode d = page("id", pid, "last", 2);
		assertEquals(ids.subList(5, 7), nodeIds(d));
		assertTrue(d.path("pageInfo").path("hasPreviousPage").asBoolean());
		assertFalse(d.path("pageInfo").path("hasNextPage").asBoolean());
		JsonNode e = page("id", pid, "last", 2, "before", d.path("pageInfo").path("startCursor").asText());
		assertEquals(ids.subList(3, 5), nodeIds(e));
		assertTrue(e.path("pageInfo").path("hasNextPage").asBoolean());
		assertEquals(ids, nodeIds(page("id", pid)));
		assertTrue(gql.error(Docs.ALL_IMAGES, "id", pid, "after", "bm90LWEtY3Vyc29y").contains("invalid cursor"));
		assertNotEquals(a.path("pageInfo").path("endCursor").asText(), ids.get(2), "cursors are opaque");

		JsonNode projects = gql.data(Docs.ALL_PROJECTS, "search", "PAGING").path("my").path("allProjects");
		assertEquals(1, projects.path("totalCount").asInt());
		assertEquals(pid, projects.path("edges").get(0).path("node").path("id").asText());
	}

	private static JsonNode page(Object... vars) {
		return gql.data(Docs.ALL_IMAGES, vars).path("project").path("allImages");
	}

	private static List<String> nodeIds(JsonNode connection) {
		List<String> out = new ArrayList<>();
		connection.path("edges").forEach(e -> out.add(e.path("node").path("id").asText()));
		return out;
	}
}
