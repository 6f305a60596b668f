/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.s3.S3ProxyProcess;

/**
 * What {@code tiepoint ingest} checks before it creates anything (folders, destinations, credentials, a
 * project's destination), {@code tiepoint providers}, and the direct flow to a bucket of one's own.
 */
class IngestValidationTest {

	@TempDir
	Path tmp;

	private static Cli.Result run(String... args) {
		return Cli.run(Map.of(), args);
	}

	private void assertNoProject(Path ws) {
		Cli.Result s = run("status", "--workspace", ws.toString());
		assertEquals(0, s.code(), s.err());
		assertTrue(s.out().startsWith("no projects"), "a project was created: " + s.out());
	}

	@Test
	void aMissingFolderIsAnErrorAndCreatesNoProject() {
		Path ws = tmp.resolve("ws");
		Cli.Result r = run("ingest", tmp.resolve("nope").toString(), "--project", "x", "--workspace", ws.toString());
		assertEquals(1, r.code(), r.out() + r.err());
		assertTrue(r.err().contains("nope: no such file or folder"), r.err());
		assertNoProject(ws);
	}

	@Test
	void aFolderWithoutImagesSaysSoAndFails() throws Exception {
		Path dir = Files.createDirectories(tmp.resolve("notes"));
		Files.writeString(dir.resolve("readme.txt"), "not a photo");
		Path ws = tmp.resolve("ws");
		Cli.Result r = run("ingest", dir.toString(), "--project", "x", "--workspace", ws.toString(), "--dry-run");
		assertEquals(1, r.code(), r.out() + r.err());
		assertTrue(r.err().contains("holds no image file") && r.err().contains("1 other file"), r.err());
		assertNoProject(ws);
	}

	@Test
	void destinationsAreCheckedBeforeAnythingIsCreated() throws Exception {
		Path images = TestData.sampleImages();
		Path ws = tmp.resolve("ws");
		String[] base = { "ingest", images.toString(), "--project", "x", "--workspace", ws.toString(), "--to" };

		Cli.Result secret = run(concat(base, "s3://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/flight"));
		assertEquals(2, secret.code(), secret.err());
		assertTrue(secret.err().contains("must not carry credentials") && secret.err().contains("TIEPOINT_S3_SECRET_KEY"),
				secret.err());
		assertFalse(secret.err().contains("wJalrXUtnFEMI") || secret.out().contains("wJalrXUtnFEMI"), "the secret shown");

		Cli.Result signed = run(concat(base, "s3://bucket/flight?X-Amz-Signature=0123abcd"));
		assertEquals(2, signed.code(), signed.err());
		assertFalse(signed.err().contains("0123abcd"), signed.err());

		Cli.Result unknown = run(concat(base, "ftp://host/dir"));
		assertEquals(2, unknown.code(), unknown.err());
		assertTrue(unknown.err().contains("no installed storage provider takes ftp://") && unknown.err().contains("s3://")
				&& unknown.err().contains("gridfs+http://"), unknown.err());

		Cli.Result both = run(concat(concat(base, "s3://bucket/flight"), "--hub", "embedded"));
		assertEquals(2, both.code(), both.err());

		Cli.Result noKeys = run(concat(base, "s3://bucket/flight"));
		assertEquals(1, noKeys.code(), noKeys.err());
		assertTrue(noKeys.err().contains("s3.access.key") && noKeys.err().contains("TIEPOINT_S3_ACCESS_KEY"), noKeys.err());
		assertNoProject(ws);
	}

	@Test
	void providersListsWhatTheExtensionsDeclare() throws Exception {
		Cli.Result text = run("providers");
		assertEquals(0, text.code(), text.err());
		assertTrue(text.out().contains("destinations:  s3://"), text.out());
		Cli.Result json = run("providers", "--json");
		assertEquals(0, json.code(), json.err());
		Set<String> ids = new HashSet<>();
		for (JsonNode p : new ObjectMapper().readTree(json.out())) {
			ids.add(p.path("id").asText());
			assertFalse(p.path("name").asText().isBlank(), p.toString());
			assertTrue(p.path("schemes").size() > 0 || !p.path("platformCloud").isNull(), p.toString());
			if (p.path("id").asText().equals("s3")) {
				assertEquals("s3", p.path("platformCloud").asText());
				assertEquals("s3", p.path("schemes").get(0).asText());
				JsonNode secretKey = p.path("settings").get(3);
				assertEquals("s3.secret.key", secretKey.path("key").asText());
				assertTrue(secretKey.path("secret").asBoolean() && secretKey.path("required").asBoolean());
				assertEquals("TIEPOINT_S3_SECRET_KEY", secretKey.path("environment").asText());
			}
		}
		assertTrue(ids.containsAll(Set.of("s3", "gridfs", "memory")), ids.toString());
	}

	@Test
	void directToABucketStoresEachImageWithItsLocationAndKeepsTheDestination() throws Exception {
		assumeTrue(System.getProperty(S3ProxyProcess.PROPERTY) != null, "no S3Proxy jar (run through Maven)");
		Path images = TestData.sampleImages();
		try (S3ProxyProcess s3 = S3ProxyProcess.start(tmp.resolve("s3proxy"))) {
			Files.createDirectories(tmp.resolve("s3proxy/blobs/mine"));
			Path ws = tmp.resolve("ws");
			Files.createDirectories(ws.resolve(".tiepoint"));
			Files.writeString(ws.resolve(".tiepoint/config.properties"), String.join("\n", "s3.endpoint=" + s3.endpoint(),
					"s3.region=" + s3.region(), "s3.access.key=" + s3.accessKey(), "s3.secret.key=" + s3.secretKey(), ""));
			Cli.Result r = run("ingest", images.toString(), "--project", "own", "--workspace", ws.toString(), "--to",
					"s3://mine/flight/");
			assertEquals(0, r.code(), r.out() + r.err());
			assertTrue(r.out().contains("created project own (s3://mine/flight)"), r.out());
			assertFalse(r.out().contains(s3.secretKey()), "the secret key in the output");
			Cli.Result status = run("status", "--project", "own", "--workspace", ws.toString(), "--json");
			JsonNode st = new ObjectMapper().readTree(status.out());
			assertEquals(16, st.path("counts").path("Stored").asInt(), status.out());
			assertEquals("s3://mine/flight", st.path("destination").asText());
			for (JsonNode i : st.path("images")) {
				assertEquals("s3://mine/flight/" + i.path("name").asText(), i.path("location").asText());
				assertTrue(Files.isRegularFile(tmp.resolve("s3proxy/blobs/mine/flight").resolve(i.path("name").asText())));
			}
			Cli.Result other = run("ingest", images.toString(), "--project", "own", "--workspace", ws.toString(), "--to",
					"s3://mine/elsewhere");
			assertEquals(2, other.code(), other.err());
			assertTrue(other.err().contains("keeps its destination"), other.err());
			Cli.Result again = run("ingest", images.toString(), "--project", "own", "--workspace", ws.toString(), "--to",
					"s3://mine/flight");
			assertEquals(0, again.code(), again.err());
			assertTrue(again.out().contains("0 sent"), again.out());
		}
	}

	@Test
	void aProviderThatOnlyATestBundleContributesIsListedAndTakesAnIngest() throws Exception {
		// io.tiepoint.testing's plugin.xml contributes the in-memory provider: no line of the product names it
		Cli.Result list = run("providers");
		assertTrue(list.out().contains("memory  In-memory (tests)") && list.out().contains("destinations:  mem://"),
				list.out());
		String store = "cli-" + System.nanoTime();
		Path ws = tmp.resolve("ws");
		Cli.Result r = run("ingest", TestData.sampleImages().toString(), "--project", "m", "--workspace", ws.toString(), "--to",
				"mem://" + store + "/flight");
		try {
			assertEquals(0, r.code(), r.out() + r.err());
			assertTrue(r.out().contains("states: Stored=16"), r.out());
			assertEquals(16, io.tiepoint.testing.storage.memory.MemoryStore.named(store).objects().size());
		} finally {
			io.tiepoint.testing.storage.memory.MemoryStore.reset(store);
		}
	}

	private static String[] concat(String[] a, String... b) {
		String[] out = new String[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
