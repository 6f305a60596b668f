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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.s3.S3ProxyProcess;

/**
 * {@code tiepoint ingest --cloud s3,gridfs} on the embedded hub with S3 (S3Proxy) killed half way: the rest of
 * the flight goes to GridFS, the images S3 held but the hub could not verify any more are sent again, every
 * image ends Ready once, and status --json says each image's cloud.
 */
class CloudFailoverCommandTest {

	@TempDir
	Path tmp;

	private static Cli.Result run(String... args) {
		return Cli.run(Map.of(), args);
	}

	private static long objects(Path blobs) {
		try (Stream<Path> s = Files.walk(blobs)) {
			return s.filter(Files::isRegularFile).count();
		} catch (Exception e) {
			return 0; // S3Proxy is writing: count again next time
		}
	}

	@Test
	void s3KilledHalfWayTheRestGoesToGridFs() throws Exception {
		assumeTrue(System.getProperty(S3ProxyProcess.PROPERTY) != null, "no S3Proxy jar (run through Maven)");
		assumeTrue(TestData.syntheticSurvey().isPresent(), "shared/data/synthetic-survey not present");
		Path survey = TestData.syntheticSurvey().get();
		S3ProxyProcess s3 = S3ProxyProcess.start(tmp.resolve("s3proxy"));
		try {
			Path ws = Files.createDirectories(tmp.resolve("ws/.tiepoint")).getParent();
			Files.writeString(ws.resolve(".tiepoint/config.properties"), String.join("\n",
					"hub.s3.endpoint=" + s3.endpoint(), "hub.s3.bucket=failover", "hub.s3.region=" + s3.region(),
					"hub.s3.access.key=" + s3.accessKey(), "hub.s3.secret.key=" + s3.secretKey(), ""));
			Path blobs = tmp.resolve("s3proxy/blobs");
			AtomicBoolean killed = new AtomicBoolean();
			Thread watcher = new Thread(() -> {
				try {
					while (!killed.get()) {
						if (objects(blobs) >= 12) {
							s3.kill();
							killed.set(true);
						}
						Thread.sleep(20);
					}
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}, "kill-s3-half-way");
			watcher.setDaemon(true);
			watcher.start();
			Cli.Result r = run("ingest", survey.resolve("images").toString(), survey.resolve("bad").toString(), "--project",
					"survey", "--workspace", ws.toString(), "--cloud", "s3,gridfs", "--threads", "4", "--limit-rate", "3M");
			watcher.interrupt();
			System.out.println("CloudFailoverCommandTest: " + r.out());
			assertTrue(killed.get(), "S3Proxy was killed half way");
			assertEquals(0, r.code(), r.out() + r.err());
			assertTrue(r.out().contains("cloud s3 marked down"), r.out());

			Cli.Result st = run("status", "--project", "survey", "--workspace", ws.toString(), "--json");
			JsonNode status = new ObjectMapper().readTree(st.out());
			assertEquals(38, status.path("counts").path("Ready").asInt(), status.toString());
			assertEquals(1, status.path("counts").path("Existing").asInt(), status.toString());
			assertEquals(5, status.path("counts").path("Rejected").asInt(), status.toString());
			Map<String, Integer> byCloud = new TreeMap<>();
			for (JsonNode i : status.path("images")) {
				if (i.path("state").asText().equals("Ready")) {
					byCloud.merge(i.path("cloud").asText("?"), 1, Integer::sum);
				}
			}
			System.out.println("CloudFailoverCommandTest: Ready by cloud " + byCloud + ", clouds " + status.path("clouds"));
			assertEquals("s3", status.path("clouds").path(0).path("cloud").asText(), status.path("clouds").toString());
			assertTrue(status.path("clouds").path(0).path("down").asBoolean(), "S3 was down at the end");
			assertEquals("gridfs", status.path("clouds").path(1).path("cloud").asText());
			assertEquals(38, byCloud.getOrDefault("s3", 0) + byCloud.getOrDefault("gridfs", 0), byCloud.toString());
			assertTrue(byCloud.getOrDefault("s3", 0) >= 1 && byCloud.getOrDefault("gridfs", 0) >= 1, byCloud.toString());
		} finally {
			s3.close();
		}
	}
}
