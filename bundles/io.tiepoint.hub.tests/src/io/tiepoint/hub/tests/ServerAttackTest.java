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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubLimits;
import io.tiepoint.hub.internal.server.HubInternals;
import io.tiepoint.hub.internal.store.ProjectStore;

/**
 * The hub attacked through what every client or local account has (findings 4 to 9 of the security
 * issue): the embedded database, memory pinned through the query cache and an image header, abandoned
 * uploads, expensive queries, and requests that made it answer with Java's internals. Heap figures are
 * measured in this JVM, which runs the hub.
 */
class ServerAttackTest {

	private static final long MB = 1 << 20;
	@TempDir
	Path dir;

	private static HubConfig.Builder config(Path data) {
		return HubConfig.builder(data).sweepInterval(Duration.ofMillis(100));
	}

	// ---- finding 4: the embedded database

	@Test
	void theEmbeddedDatabaseHasNoPortAndItsFileIsPrivate() throws Exception {
		Path data = Files.createDirectories(dir.resolve("wide").resolve("mongo")).getParent();
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(data.resolve("mongo"), PosixFilePermissions.fromString("rwxr-xr-x"));
		Set<Integer> before = listeningPorts();
		try (Hub hub = Hub.start(config(data).build())) {
			ResourceUser admin = new ResourceUser(hub, hub.userToken());
			admin.upload("secret.bin", ResourceUser.random(1000, 1));
			String pid = Gql.of(hub).createProject("owned");
			Set<Integer> opened = listeningPorts();
			opened.removeAll(before);
			opened.remove(hub.uri().getPort());
			for (int port : opened) {
				attackWireProtocol(port, pid);
			}
			assertEquals(Set.of(), opened, "ports the hub listens on besides its HTTP endpoint");
			assertEquals("rw-------", mode(data.resolve("mongo/hub.mv")), "the database file");
			assertEquals("rwx------", mode(data.resolve("mongo")), "the database directory");
		}
	}

	private static void attackWireProtocol(int port, String pid) {
		MongoClientSettings s = MongoClientSettings.builder().applyToClusterSettings(b -> b
				.hosts(List.of(new ServerAddress("127.0.0.1", port))).serverSelectionTimeout(3, TimeUnit.SECONDS)).build();
		try (MongoClient c = MongoClients.create(s)) {
			var db = c.getDatabase("tiepoint");
			List<String> uids = new ArrayList<>();
			db.getCollection("resource.uploads").find().forEach(d -> uids.add(d.getString("uid")));
			long moved = db.getCollection("projects")
					.updateOne(Filters.eq("_id", new ObjectId(pid)), Updates.set("owner", "mallory")).getModifiedCount();
			fail("the embedded database answers on 127.0.0.1:" + port + " without credentials: read " + uids.size()
					+ " upload ids and moved " + moved + " project to mallory");
		} catch (MongoException e) {
			// not a MongoDB
		}
	}

	private static String mode(Path p) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
	}

	/** @return the TCP ports this process listens on, from /proc (IPv4 and IPv6) */
	private static Set<Integer> listeningPorts() throws IOException {
		Set<String> inodes = new TreeSet<>();
		try (var fds = Files.list(Path.of("/proc/self/fd"))) {
			for (Path fd : (Iterable<Path>) fds::iterator) {
				try {
					String link = Files.readSymbolicLink(fd).toString();
					if (link.startsWith("socket:[")) {
						inodes.add(link.substring(8, link.length() - 1));
					}
				} catch (IOException closed) {
					// closed meanwhile
				}
			}
		}
		Set<Integer> ports = new TreeSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			List<String> lines = Files.readAllLines(Path.of(table));
			for (String line : lines.subList(1, lines.size())) {
				String[] f = line.trim().split("\\s+");
				if ("0A".equals(f[3]) && inodes.contains(f[9])) {
					ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
				}
			}
		}
		return ports;
	}

	// ---- finding 5: the parsed-query cache

	@Test
	void distinctLargeQueriesDoNotPinTheHeap() throws Exception {
		try (Hub hub = Hub.start(config(dir.resolve("cache")).build())) {
			Gql keyOnly = new Gql(hub.uri().resolve("graphql"), hub.appKey(), null);
			keyOnly.data("{ __typename }");
			long before = usedAfterGc();
			String padding = "x".repeat(900_000);
			for (int i = 0; i < 120; i++) {
				Gql.Answer a = keyOnly.raw("{ __typename } # " + i + " " + padding, Map.of());
				assertEquals(200, a.status(), a.body()::toString);
			}
			long grown = usedAfterGc() - before;
			System.out.printf("[security] 120 distinct 0.9 MB queries with the app key alone: live heap +%d MB%n", grown / MB);
			assertTrue(grown < 48 * MB, "120 distinct 0.9 MB queries pinned " + grown / MB + " MB of heap");
		}
	}

	private static long usedAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(150);
		}
		return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	// ---- finding 6: images that declare more pixels than they hold

	@Test
	void convertRefusesImagesOverThePixelLimitBeforeDecoding() throws Exception {
		try (Hub hub = Hub.start(config(dir.resolve("bomb")).build())) {
			ResourceUser admin = new ResourceUser(hub, hub.userToken());
			for (int side : new int[] { 16_000, 46_000 }) {
				byte[] png = Pngs.declaring(side, side);
				String fid = admin.upload("bomb" + side + ".png", png);
				usedAfterGc();
				List<java.lang.management.MemoryPoolMXBean> old = java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
						.stream().filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured")).toList();
				old.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
				long base = old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				ResourceUser.Answer a = admin.get("Resource/Convert?fileid=" + fid + "&ConverType=3");
				while (a.status() == 200 && a.data().path("Waiting").asInt() >= 0 && System.nanoTime() < deadline) {
					Thread.sleep(200);
					a = admin.get("Resource/Convert?fileid=" + fid + "&ConverType=3");
				}
				long peak = old.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - base;
				System.out.printf("[security] Convert of a %d-byte PNG declaring %dx%d: HTTP %d, peak old-generation heap +%d MB%n",
						png.length, side, side, a.status(), peak / MB);
				assertTrue(peak < 64 * MB, "decoding a PNG declaring " + side + "x" + side + " took " + peak / MB + " MB");
				assertEquals(422, a.status(), a.body().toString());
				assertTrue(a.body().path("message").asText().contains(side + "x" + side), a.body()::toString);
			}
		}
	}

	// ---- finding 7: abandoned uploads

	@Test
	void abandonedUploadsAreBoundedAndExpire() throws Exception {
		HubLimits limits = HubLimits.DEFAULT.withMaxOpenUploads(40).withUploadExpiry(Duration.ofSeconds(3))
				.withMaxUploadBytes(4 * MB);
		try (Hub hub = Hub.start(config(dir.resolve("abandoned")).limits(limits).build())) {
			ResourceUser admin = new ResourceUser(hub, hub.userToken());
			int refused = 0;
			List<String> md5s = new ArrayList<>();
			List<URI> uurls = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				String md5 = ResourceUser.md5(ResourceUser.random(600_000, 1000 + i));
				ResourceUser.Answer s = admin.state(md5, "abandoned" + i + ".bin");
				if (s.status() == 429) {
					refused++;
					assertTrue(s.body().path("message").asText().contains("unfinished uploads"), s.body()::toString);
					continue;
				}
				md5s.add(md5);
				uurls.add(URI.create(s.data().path("UUrl").asText()));
			}
			for (int i = 0; i < uurls.size(); i++) {
				URI u = uurls.get(i);
				byte[] bytes = ResourceUser.random(600_000, 1000 + i);
				RawHttp.send(hub.uri(), "POST " + u.getRawPath() + "?" + u.getRawQuery()
						+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: 0\r\nContent-Length: 600000", java.util.Arrays.copyOf(bytes, 300_000),
						true);
			}
			var chunks = HubInternals.database(hub).database().getCollection("gridfs.chunks");
			long held = chunks.countDocuments();
			System.out.printf("[security] 60 uploads started and abandoned half way: %d refused, %d chunks (%d MB) held%n", refused,
					held, held * 255 * 1024 / MB);
			assertEquals(20, refused, "uploads refused over the limit of 40 unfinished per user");
			ResourceUser.Answer tooBig = admin.get("Resource/GetUploadState?md5=" + ResourceUser.md5(new byte[3])
					+ "&filename=huge.bin&FileLenth=" + (5 * MB));
			assertEquals(413, tooBig.status(), tooBig.body()::toString);
			HubTests.await("abandoned uploads expired", Duration.ofSeconds(20),
					() -> chunks.countDocuments() == 0 && HubInternals.resourceUploads(hub).slotCount() == 0);
			assertEquals(0, HubInternals.database(hub).database().getCollection("resource.uploads")
					.countDocuments(new Document("state", "open")));
			assertEquals(404, admin.state(md5s.get(0), null).status(), "an expired upload is gone");
		}
	}

	// ---- finding 8: expensive queries

	@Test
	void expensiveQueriesAreRefusedOrCutByTheTimeout() throws Exception {
		try (Hub hub = Hub.start(config(dir.resolve("cost")).build())) {
			Gql.Answer a = withProjects(hub, 301, manyListsQuery(40, 301), "40 aliases over 301 projects");
			assertEquals("TOO_COMPLEX", a.body().path("errors").path(0).path("extensions").path("code").asText(),
					() -> "answered without refusal: " + a.body().toString().substring(0, 200));
			assertTrue(a.body().path("data").isNull() || a.body().path("data").isMissingNode(), a.body()::toString);
			assertEquals("TOO_COMPLEX", Gql.of(hub).raw(manyListsQuery(40, 301), Map.of()).body().path("errors").path(0)
					.path("extensions").path("code").asText(), "the same document again (its cost remembered)");
			StringBuilder paged = new StringBuilder("query ($first: Int) { my {");
			for (int i = 0; i < 12; i++) {
				paged.append(" a").append(i).append(": allProjects(first: $first) { edges { node { id } } }");
			}
			String byVariable = paged.append(" } }").toString();
			assertTrue(Gql.of(hub).raw(byVariable, Map.of("first", 1)).body().path("errors").isMissingNode(),
					"12 lists of one row");
			assertEquals("TOO_COMPLEX", Gql.of(hub).raw(byVariable, Map.of("first", 10_000)).body().path("errors").path(0)
					.path("extensions").path("code").asText(), "the same document with pages of 10,000 rows");
		}
		HubLimits timeout = HubLimits.DEFAULT.withMaxQueryCost(Integer.MAX_VALUE).withQueryTimeout(Duration.ofMillis(300));
		try (Hub hub = Hub.start(config(dir.resolve("timeout")).limits(timeout).build())) {
			long t0 = System.nanoTime();
			Gql.Answer a = withProjects(hub, 301, manyListsQuery(400, 301), "400 aliases, no cost limit, a 300 ms timeout");
			long ms = (System.nanoTime() - t0) / 1_000_000;
			assertEquals("TIMEOUT", a.body().path("errors").path(0).path("extensions").path("code").asText(),
					() -> "answered without a timeout: " + a.body().toString().substring(0, 200));
			assertEquals(1, a.body().path("errors").size(), "one error for the cut request");
			assertTrue(ms < 2000, ms + " ms");
		}
	}

	/** Gives the hub's first user that many projects (in the store), then times one query. */
	private static Gql.Answer withProjects(Hub hub, int projects, String query, String what) {
		ProjectStore store = new ProjectStore(HubInternals.database(hub));
		String owner = "admin";
		for (int i = 0; i < projects; i++) {
			store.create(owner, "p" + i, "free", false, null, "private");
		}
		long t0 = System.nanoTime();
		Gql.Answer a = Gql.of(hub).raw(query, Map.of());
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.printf("[security] %s: HTTP %d in %d ms, %s%n", what, a.status(), ms,
				a.body().path("errors").path(0).path("message").asText("no error"));
		return a;
	}

	private static String manyListsQuery(int aliases, int first) {
		StringBuilder q = new StringBuilder("{ my {");
		for (int i = 0; i < aliases; i++) {
			q.append(" a").append(i).append(": allProjects(first: ").append(first)
					.append(") { totalCount edges { node { id name numImage taskState date } } }");
		}
		return q.append(" } }").toString();
	}

	// ---- finding 9: errors

	@Test
	void errorsAreJsonInTheProtocolsShapeAndLogOneLine() throws Exception {
		Path data = dir.resolve("errors");
		List<IStatus> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
		ILogListener listener = (status, plugin) -> logged.add(status);
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		try (Hub hub = Hub.start(config(data).build())) {
			ResourceUser admin = new ResourceUser(hub, hub.userToken());
			byte[] bytes = ResourceUser.random(600_000, 2);
			URI u = URI.create(admin.state(ResourceUser.md5(bytes), "cut.bin").data().path("UUrl").asText());
			Platform.addLogListener(listener);
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			RawHttp.Answer cut = RawHttp.send(hub.uri(), "POST " + u.getRawPath() + "?" + u.getRawQuery()
					+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: 0\r\nContent-Length: 600000", java.util.Arrays.copyOf(bytes, 100_000), true);
			Thread.sleep(500);
			System.setErr(err);
			String trace = captured.toString(StandardCharsets.UTF_8);
			System.out.printf("[security] a truncated upload: HTTP %d, %d lines on stderr (%d stack frames), %d Eclipse log entries%n",
					cut.status(), trace.lines().count(), trace.lines().filter(l -> l.startsWith("\tat ")).count(), logged.size());
			assertEquals(400, cut.status(), cut::text);
			assertTrue(cut.body().contains("\"code\":400") && cut.body().contains("cut.bin"), cut::text);
			noInternals(cut);
			String sent = "{\"query\":\"{ __typename }\",\"operationName\":5}";
			RawHttp.Answer op = RawHttp.send(hub.uri(), "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nkey: " + hub.appKey() + "\r\nContent-Length: " + sent.length(),
					sent.getBytes(StandardCharsets.UTF_8), false);
			assertEquals(400, op.status(), op::text);
			JsonNode opBody = new com.fasterxml.jackson.databind.ObjectMapper().readTree(op.body());
			assertTrue(opBody.path("errors").path(0).path("message").asText().contains("operationName"), op::text);
			noInternals(op);
			for (String path : List.of("/nope", "/Resource/%zz", "/graphql?x=%")) {
				RawHttp.Answer a = RawHttp.send(hub.uri(), RawHttp.get(hub.uri(), path, "127.0.0.1"), new byte[0], false);
				assertTrue(a.body().trim().startsWith("{"), () -> path + " answered " + a.text());
				noInternals(a);
			}
		} finally {
			System.setErr(err);
			Platform.removeLogListener(listener);
		}
		String stderr = captured.toString(StandardCharsets.UTF_8);
		assertFalse(stderr.contains("\tat "), "stack trace on stderr for a truncated upload:\n" + stderr);
		assertTrue(logged.stream().noneMatch(s -> s.getException() != null), "stack trace in the Eclipse log: " + logged);
		String log = Files.exists(data.resolve("hub.log")) ? Files.readString(data.resolve("hub.log")) : "";
		assertFalse(log.contains("\tat "), log);
		assertEquals(1, log.lines().filter(l -> l.contains("cut.bin")).count(), "one line for the truncated upload:\n" + log);
	}

	private static void noInternals(RawHttp.Answer a) {
		assertFalse(a.hasHeader("Server"), () -> "Server header: " + a.text());
		for (String leak : List.of("java.", "Exception", "<html", "jetty")) {
			assertFalse(a.text().toLowerCase(java.util.Locale.ROOT).contains(leak.toLowerCase(java.util.Locale.ROOT)),
					() -> "'" + leak + "' in " + a.text());
		}
	}
}
