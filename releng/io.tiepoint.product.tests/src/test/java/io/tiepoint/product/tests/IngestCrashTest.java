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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.testing.TestData;
import io.tiepoint.testing.net.FaultProxy;
import io.tiepoint.testing.s3.S3ProxyProcess;

/**
 * The crash test: {@code tiepoint ingest} of the product (embedded hub) is killed with SIGKILL about half way, then
 * run again, on S3 (S3Proxy) and on OSS (the embedded hub's OSS gateway). It must finish with every image
 * {@code Ready} exactly once, and the bytes sent in both runs together must be at most the data plus what was in
 * flight at the kill. A counting proxy in front of the store (S3Proxy, or the hub, whose public URL it is) measures
 * the bytes of every PUT body.
 */
class IngestCrashTest {

	private static final int COPIES = 6;

	@TempDir
	Path tmp;

	@Test
	void killedHalfWayThenRunAgainEndsReadyOnceSendingNoMoreThanDataPlusInFlight() throws Exception {
		assumeTrue(System.getProperty(S3ProxyProcess.PROPERTY) != null, "no S3Proxy jar (run through Maven)");
		try (S3ProxyProcess s3 = S3ProxyProcess.start(tmp.resolve("s3proxy"));
				FaultProxy counter = FaultProxy.start(s3.endpoint(), 0)) {
			int files = crash("s3", counter, "hub.s3.endpoint=" + counter.uri(), "hub.s3.bucket=crash",
					"hub.s3.region=" + s3.region(), "hub.s3.access.key=" + s3.accessKey(), "hub.s3.secret.key=" + s3.secretKey());

			// exactly once on the hub's store: one object per image, all under one project
			Path bucket = tmp.resolve("s3proxy/blobs/crash");
			Set<String> projects = new HashSet<>();
			long objects;
			try (Stream<Path> s = Files.walk(bucket)) {
				List<Path> stored = s.filter(Files::isRegularFile).toList();
				objects = stored.size();
				stored.forEach(f -> projects.add(bucket.relativize(f).getName(0).toString()));
			}
			assertEquals(files, objects, "objects in the bucket");
			assertEquals(1, projects.size(), "one project on the hub: " + projects);
		}
	}

	@Test
	void ossKilledHalfWayThenRunAgainEndsReadyOnceSendingNoMoreThanDataPlusInFlight() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		// the embedded hub on a fixed port behind the counting proxy, which is its public URL: the STS's endpoint
		try (FaultProxy counter = FaultProxy.start(URI.create("http://127.0.0.1:" + port + "/"), 0)) {
			int files = crash("oss", counter, "hub.port=" + port, "hub.public.url=" + counter.uri());

			// exactly once on the hub's gateway: one object stored whole per image, all under one project
			Set<String> keys = new HashSet<>();
			Set<String> projects = new HashSet<>();
			for (FaultProxy.Exchange x : counter.exchanges()) {
				if (x.method().equals("PUT") && x.answered() && x.status() == 200 && !x.path().contains("uploadId=")) {
					String key = x.path().replaceFirst("^/[^/]+/", "").replaceFirst("\\?.*", "");
					keys.add(key);
					projects.add(key.substring(0, key.indexOf('/')));
				}
			}
			assertEquals(files, keys.size(), "objects stored through the gateway: " + keys);
			assertEquals(1, projects.size(), "one project on the hub: " + projects);
		}
	}

	/**
	 * Kill half way, run again, check the journal and the bytes.
	 *
	 * @return the number of images
	 */
	private int crash(String cloud, FaultProxy counter, String... settings) throws Exception {
		Path images = tmp.resolve(cloud + "-images");
		List<Path> files = TestData.distinctCopies(TestData.sampleImages(), images, COPIES);
		Map<String, Long> sizes = new HashMap<>();
		for (Path f : files) {
			sizes.put(f.getFileName().toString(), Files.size(f));
		}
		long data = sizes.values().stream().mapToLong(Long::longValue).sum();
		Path ws = tmp.resolve(cloud + "-ws");
		Files.createDirectories(ws.resolve(".tiepoint"));
		Files.writeString(ws.resolve(".tiepoint/config.properties"), String.join("\n", settings) + "\n");
		String[] ingest = { "ingest", images.toString(), "--project", "crash", "--workspace", ws.toString(), "--cloud", cloud,
				"--threads", "4" };

		// first run, slowed to 3 MB/s so that "half way" can be caught; SIGKILL the whole process tree
		Path log1 = tmp.resolve(cloud + "-run1.log");
		String[] limited = Stream.concat(Stream.of(ingest), Stream.of("--limit-rate", "3M")).toArray(String[]::new);
		Process p = Launcher.builder(Map.of(), limited).redirectErrorStream(true).redirectOutput(log1.toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (counter.bodyBytes("PUT") < data / 2) {
			if (!p.isAlive()) {
				fail("ingest ended before half way (" + counter.bodyBytes("PUT") + " of " + data + " bytes): "
						+ Files.readString(log1));
			}
			if (System.nanoTime() > deadline) {
				p.descendants().forEach(ProcessHandle::destroyForcibly);
				p.destroyForcibly();
				fail("ingest did not reach half way in 120 s: " + Files.readString(log1));
			}
			Thread.sleep(10);
		}
		long atKill = counter.bodyBytes("PUT");
		p.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook runs
		p.destroyForcibly();
		assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed process is gone");
		Thread.sleep(500); // let the proxy see the closed connections
		long firstRun = counter.bodyBytes("PUT");
		List<FaultProxy.Exchange> cut = counter.exchanges().stream().filter(x -> x.method().equals("PUT") && x.partial())
				.toList();
		long partial = cut.stream().mapToLong(FaultProxy.Exchange::bodyBytes).sum();

		// what the journal says was in flight: registered or uploading, not acknowledged whole
		Map<String, String> states = Launcher.states("crash", ws);
		long inFlight = 0;
		int inFlightImages = 0;
		for (Map.Entry<String, String> s : states.entrySet()) {
			if (s.getValue().equals("Registered") || s.getValue().equals("Uploading")) {
				inFlight += sizes.get(s.getKey());
				inFlightImages++;
			}
		}

		// second run: unlimited, to the end
		Launcher.Result second = Launcher.run(ingest);
		assertEquals(0, second.code(), second.out() + second.err());
		long total = counter.bodyBytes("PUT");
		System.out.printf(Locale.ROOT, "IngestCrashTest %s: %d images, data %,d bytes; killed with %,d bytes sent"
				+ " (%,d when the process was gone, %,d of them in %d PUT(s) cut short); in flight per the journal:"
				+ " %d image(s), %,d bytes; sent in total %,d bytes = data + %,d%n", cloud, files.size(), data, atKill,
				firstRun, partial, cut.size(), inFlightImages, inFlight, total, total - data);

		Map<String, String> after = Launcher.states("crash", ws);
		assertEquals(files.size(), after.size(), after.toString());
		after.forEach((name, state) -> assertEquals("Ready", state, name));
		assertTrue(total <= data + inFlight, "sent " + total + " bytes for " + data + " bytes of data with "
				+ inFlight + " in flight at the kill");
		return files.size();
	}
}
