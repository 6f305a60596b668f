/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.testing.TestData;
import io.tiepoint.testing.net.FaultProxy;
import io.tiepoint.testing.s3.S3ProxyProcess;

/**
 * The direct flow of the product ({@code tiepoint ingest DIR --to URI}, no hub in the client), against a
 * real destination with a counting proxy in front: S3Proxy ({@code s3://}), a standalone hub's resource
 * service ({@code gridfs+http://}) and a standalone hub's OSS gateway as the user's OSS ({@code oss://}, the
 * gateway's long-lived AccessKey), credentials from the environment. Each run is killed with SIGKILL about
 * half way and run again: every image {@code Stored} exactly once, the bytes sent in both runs at most the
 * data plus what was in flight; a third run sends nothing; a second workspace ingesting an overlapping folder
 * to the same destination skips the shared images by checksum on the destination.
 */
class DirectIngestTest {

	private static final int COPIES = 6;

	@TempDir
	Path tmp;

	@Test
	void s3KilledHalfWayThenRunAgainStoresEachImageOnce() throws Exception {
		assumeTrue(System.getProperty(S3ProxyProcess.PROPERTY) != null, "no S3Proxy jar (run through Maven)");
		try (S3ProxyProcess s3 = S3ProxyProcess.start(tmp.resolve("s3proxy"));
				FaultProxy counter = FaultProxy.start(s3.endpoint(), 0)) {
			Files.createDirectories(tmp.resolve("s3proxy/blobs/direct")); // the bucket (S3Proxy's file store)
			Map<String, String> env = Map.of("TIEPOINT_S3_ENDPOINT", counter.uri().toString(), "TIEPOINT_S3_REGION",
					s3.region(), "TIEPOINT_S3_ACCESS_KEY", s3.accessKey(), "TIEPOINT_S3_SECRET_KEY", s3.secretKey());
			int stored = new Scenario("s3", "s3://direct/flight", env, counter, "PUT").run();
			try (Stream<Path> s = Files.walk(tmp.resolve("s3proxy/blobs/direct/flight"))) {
				assertEquals(stored, s.filter(Files::isRegularFile).count(), "objects under s3://direct/flight: each once");
			}
		}
	}

	@Test
	void gridFsKilledHalfWayThenRunAgainStoresEachImageOnce() throws Exception {
		Path data = tmp.resolve("hub");
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		// the counting proxy is the address clients reach the hub at: its upload URLs name it (--public-url)
		try (FaultProxy counter = FaultProxy.start(URI.create("http://127.0.0.1:" + port + "/"), 0)) {
			Process hub = Launcher.builder(Map.of(), "hub", "--data", data.toString(), "--port", String.valueOf(port),
					"--public-url", counter.uri().toString()).redirectErrorStream(true).start();
			try {
				listening(hub);
				Launcher.Result token = Launcher.run("hub", "token", "--data", data.toString());
				assertEquals(0, token.code(), token.err());
				Map<String, String> creds = new HashMap<>();
				token.out().lines().filter(l -> l.contains("=")).forEach(l -> creds.put(l.substring(0, l.indexOf('=')),
						l.substring(l.indexOf('=') + 1)));
				Map<String, String> env = Map.of("TIEPOINT_GRIDFS_APPID", creds.get("key"), "TIEPOINT_GRIDFS_LICENSE",
						creds.get("altitoken"));
				new Scenario("gridfs", "gridfs+http://" + counter.uri().getAuthority() + "/flight", env, counter, "POST").run();
			} finally {
				hub.destroy();
				hub.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void ossKilledHalfWayThenRunAgainStoresEachImageOnce() throws Exception {
		Path data = tmp.resolve("oss-hub");
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		// the hub's OSS gateway plays the user's OSS: its AccessKey from the hub's environment, never its command line
		Map<String, String> gateway = Map.of("TIEPOINT_HUB_OSS_GATEWAY_ACCESS_KEY", "LTAI5tDirectTestKey",
				"TIEPOINT_HUB_OSS_GATEWAY_SECRET_KEY", "direct-test-secret");
		try (FaultProxy counter = FaultProxy.start(URI.create("http://127.0.0.1:" + port + "/"), 0)) {
			Process hub = Launcher.builder(gateway, "hub", "--data", data.toString(), "--port", String.valueOf(port),
					"--public-url", counter.uri().toString()).redirectErrorStream(true).start();
			try {
				listening(hub);
				Map<String, String> env = Map.of("TIEPOINT_OSS_ENDPOINT", counter.uri().toString(), "TIEPOINT_OSS_ACCESS_KEY",
						"LTAI5tDirectTestKey", "TIEPOINT_OSS_SECRET_KEY", "direct-test-secret");
				int stored = new Scenario("oss", "oss://tiepoint/flight", env, counter, "PUT").run();
				long objects = counter.exchanges().stream().filter(x -> x.method().equals("PUT") && x.answered()
						&& x.status() == 200 && !x.path().contains("uploadId=")).map(x -> x.path().replaceFirst("\\?.*", ""))
						.distinct().count();
				assertEquals(stored, objects, "objects stored under oss://tiepoint/flight: each once");
			} finally {
				hub.destroy();
				hub.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	/** @return the hub's base URI, from its "hub listening on" line */
	private static URI listening(Process hub) throws Exception {
		BufferedReader r = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		String line;
		while ((line = r.readLine()) != null && System.nanoTime() < deadline) {
			Matcher m = Pattern.compile("hub listening on (http://\\S+/)graphql").matcher(line);
			if (m.find()) {
				Thread drain = new Thread(() -> r.lines().forEach(l -> {
				}), "drain hub output");
				drain.setDaemon(true);
				drain.start();
				return URI.create(m.group(1));
			}
		}
		fail("the hub did not say where it listens");
		return null;
	}

	/** Kill half way, resume, run again, then a second workspace with an overlapping folder. */
	private final class Scenario {
		private final String label;
		private final String to;
		private final Map<String, String> env;
		private final FaultProxy counter;
		private final String method;

		Scenario(String label, String to, Map<String, String> env, FaultProxy counter, String method) {
			this.label = label;
			this.to = to;
			this.env = env;
			this.counter = counter;
			this.method = method;
		}

		/** @return the distinct images both workspaces sent (each must be at the destination once) */
		int run() throws Exception {
			List<Path> files = TestData.distinctCopies(TestData.sampleImages(), tmp.resolve(label + "-images"), COPIES);
			Map<String, Long> sizes = new HashMap<>();
			for (Path f : files) {
				sizes.put(f.getFileName().toString(), Files.size(f));
			}
			long data = sizes.values().stream().mapToLong(Long::longValue).sum();
			Path ws = tmp.resolve(label + "-ws");
			String[] ingest = { "ingest", tmp.resolve(label + "-images").toString(), "--project", "flight", "--to", to,
					"--workspace", ws.toString(), "--threads", "4" };

			Path log1 = tmp.resolve(label + "-run1.log");
			String[] limited = Stream.concat(Stream.of(ingest), Stream.of("--limit-rate", "3M")).toArray(String[]::new);
			Process p = Launcher.builder(env, limited).redirectErrorStream(true).redirectOutput(log1.toFile()).start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (counter.bodyBytes(method) < data / 2) {
				if (!p.isAlive()) {
					fail("ingest ended before half way (" + counter.bodyBytes(method) + " of " + data + " bytes): "
							+ Files.readString(log1));
				}
				if (System.nanoTime() > deadline) {
					p.descendants().forEach(ProcessHandle::destroyForcibly);
					p.destroyForcibly();
					fail("ingest did not reach half way in 120 s: " + Files.readString(log1));
				}
				Thread.sleep(10);
			}
			long atKill = counter.bodyBytes(method);
			p.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook runs
			p.destroyForcibly();
			assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed process is gone");
			Thread.sleep(500);
			Map<String, String> killed = Launcher.states("flight", ws);
			long inFlight = killed.entrySet().stream().filter(e -> e.getValue().equals("Uploading"))
					.mapToLong(e -> sizes.get(e.getKey())).sum();
			long inFlightImages = killed.values().stream().filter("Uploading"::equals).count();

			Launcher.Result second = Launcher.run(env, ingest);
			assertEquals(0, second.code(), second.out() + second.err());
			long total = counter.bodyBytes(method);
			Map<String, String> after = Launcher.states("flight", ws);
			assertEquals(files.size(), after.size(), after.toString());
			after.forEach((name, state) -> assertEquals("Stored", state, name + "\n" + second.out()));
			// what a request the destination did not accept carried (the client's own retry of a PUT a loaded
			// machine let time out, the attempts the kill cut): re-sent by necessity, not by the resume
			long refused = counter.exchanges().stream().filter(x -> x.method().equals(method)
					&& (!x.answered() || x.status() < 200 || x.status() > 299)).mapToLong(FaultProxy.Exchange::bodyBytes).sum();
			assertTrue(total <= data + Math.max(inFlight, refused), "sent " + total + " bytes for " + data
					+ " bytes of data with " + inFlight + " in flight at the kill and " + refused + " in requests not accepted");

			Launcher.Result third = Launcher.run(env, ingest);
			assertEquals(0, third.code(), third.out() + third.err());
			assertTrue(third.out().contains(" 0 sent"), third.out());
			assertEquals(total, counter.bodyBytes(method), "a run over a stored folder sends nothing");

			Launcher.Result report = Launcher.run("report", "--project", "flight", "--workspace", ws.toString(), "--csv");
			assertEquals(0, report.code(), report.err());
			assertTrue(report.out().lines().skip(1).allMatch(l -> l.contains(to + "/")), report.out());
			for (Map.Entry<String, String> v : env.entrySet()) {
				if (v.getKey().matches(".*(KEY|APPID|LICENSE)")) {
					String secret = v.getValue();
					assertFalse(report.out().contains(secret) || second.out().contains(secret) || third.out().contains(secret)
							|| Files.readString(log1).contains(secret), v.getKey() + " in the output");
				}
			}

			// a second workspace, an overlapping folder (the same copies and two more), the same destination
			List<Path> more = TestData.distinctCopies(TestData.sampleImages(), tmp.resolve(label + "-images2"), COPIES + 2);
			Path ws2 = tmp.resolve(label + "-ws2");
			long before = counter.bodyBytes(method);
			Launcher.Result overlap = Launcher.run(env, "ingest", tmp.resolve(label + "-images2").toString(), "--project",
					"flight", "--to", to, "--workspace", ws2.toString());
			assertEquals(0, overlap.code(), overlap.out() + overlap.err());
			Map<String, String> s2 = Launcher.states("flight", ws2);
			long existing = s2.values().stream().filter("Existing"::equals).count();
			long stored2 = s2.values().stream().filter("Stored"::equals).count();
			long newBytes = counter.bodyBytes(method) - before;
			System.out.printf(Locale.ROOT, "DirectIngestTest %s: %d images, data %,d bytes; killed with %,d bytes sent; in"
					+ " flight per the journal: %d image(s), %,d bytes; sent in total %,d bytes = data + %,d (%,d in requests"
					+ " not accepted); a third run sent"
					+ " 0 bytes; a second workspace with %d images skipped %d shared ones by checksum and sent %d (%,d bytes)%n",
					label, files.size(), data, atKill, inFlightImages, inFlight, total, total - data, refused, more.size(), existing,
					stored2, newBytes);
			assertEquals(files.size(), existing, "the shared images are found at the destination: " + overlap.out());
			assertEquals(more.size() - files.size(), stored2, overlap.out());
			return more.size();
		}
	}
}
