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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.S3Settings;
import io.tiepoint.platform.PlatformClient;
import io.tiepoint.platform.RemoteImage;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.net.FaultProxy;
import io.tiepoint.testing.net.FaultProxy.Fault;
import io.tiepoint.testing.s3.S3ProxyProcess;

/**
 * {@code tiepoint ingest} through a hostile network: loopback proxies in front of the hub's GraphQL
 * endpoint and of the S3 server (S3Proxy) answer 503, reset connections mid-body and stall in 10 % of the
 * requests, and one presigned PUT is held until its URL has expired. Every image must still end
 * {@code Ready}, exactly once on the hub, in one project.
 */
class IngestFaultTest {

	private static final int COPIES = 3;

	@TempDir
	Path tmp;

	@Test
	void everythingEndsReadyOnceThroughFaultsAndAnExpiredUrl() throws Exception {
		assumeTrue(System.getProperty(S3ProxyProcess.PROPERTY) != null, "no S3Proxy jar (run through Maven)");
		List<Path> files = TestData.distinctCopies(TestData.sampleImages(), tmp.resolve("images"), COPIES);
		try (S3ProxyProcess s3 = S3ProxyProcess.start(tmp.resolve("s3proxy"));
				FaultProxy s3Faults = FaultProxy.start(s3.endpoint(), 42)) {
			// presigned PUTs valid 2 s (1 to 2 s: X-Amz-Date has whole seconds): the one the proxy holds 3.5 s
			// arrives expired, before the client's stall timeout (5 s) gives up on it
			S3Settings settings = new S3Settings(s3Faults.uri(), "faults", s3.region(), s3.accessKey(), s3.secretKey(),
					Duration.ofSeconds(2));
			try (Hub hub = Hub.start(HubConfig.builder(tmp.resolve("hub")).host("127.0.0.1").port(0).s3(settings)
					.extensionRegistry(RegistryFactory.getRegistry()).build());
					FaultProxy graphqlFaults = FaultProxy.start(hub.uri(), 7)) {
				s3Faults.faults(0.10, 7_000).delayOnce(r -> r.startsWith("PUT ") && r.contains("X-Amz-Signature="), 3_500);
				graphqlFaults.faults(0.10, 7_000);
				Path ws = tmp.resolve("ws");
				Files.createDirectories(ws.resolve(".tiepoint"));
				Files.writeString(ws.resolve(".tiepoint/config.properties"), String.join("\n", "hub.key=" + hub.appKey(),
						"hub.token=" + hub.userToken(), "ingest.stall.timeout=5", ""));

				StringWriter out = new StringWriter();
				StringWriter err = new StringWriter();
				int code = Tiepoint.run(new String[] { "ingest", tmp.resolve("images").toString(), "--project", "faults",
						"--workspace", ws.toString(), "--hub", graphqlFaults.uri() + "/", "--cloud", "s3", "--threads", "4" },
						new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
				String log = out + "\n" + err + "\nS3: " + s3Faults + "\nGraphQL: " + graphqlFaults;
				System.out.println("IngestFaultTest: " + s3Faults + "; " + graphqlFaults + "\n" + out);
				assertEquals(0, code, log);
				assertFalse(log.contains(hub.userToken()), "the user token must never be printed");

				// faults of every kind happened, on both links, and the expired URL was refused by S3
				for (FaultProxy p : List.of(s3Faults, graphqlFaults)) {
					for (Fault f : List.of(Fault.ERROR_503, Fault.RESET, Fault.STALL)) {
						assertTrue(p.count(f) > 0, "no " + f + " injected: " + p);
					}
				}
				List<FaultProxy.Exchange> delayed = s3Faults.exchanges().stream().filter(x -> x.fault() == Fault.DELAY)
						.toList();
				assertEquals(1, delayed.size(), s3Faults.toString());
				assertEquals(403, delayed.get(0).status(), "S3 refuses the expired URL: " + delayed.get(0));
				assertTrue(delayed.get(0).answered(), "the client read the refusal: " + delayed.get(0));

				readyOnce(hub, ws, "faults", files.size(), log);
			}
		}
	}

	/**
	 * The OSS flow through the same faults: STS valid 3 s, the hub's GraphQL endpoint and its OSS gateway (the STS's
	 * endpoint is the hub's public URL, the proxy) answering 503, resetting and stalling 10 % of the requests. Every
	 * image Ready once; the STS is asked for about once a validity, not once an image.
	 */
	@Test
	void ossWithShortStsEndsReadyOnceAskingForStsPerValidityNotPerImage() throws Exception {
		List<Path> files = TestData.distinctCopies(TestData.sampleImages(), tmp.resolve("images"), COPIES);
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		long validity = 3;
		try (FaultProxy faults = FaultProxy.start(java.net.URI.create("http://127.0.0.1:" + port + "/"), 11);
				Hub hub = Hub.start(HubConfig.builder(tmp.resolve("hub")).host("127.0.0.1").port(port)
						.publicUrl(faults.uri()).cloudSetting("oss", "sts.validity", String.valueOf(validity))
						.extensionRegistry(RegistryFactory.getRegistry()).build())) {
			faults.faults(0.10, 7_000);
			Path ws = tmp.resolve("ws");
			Files.createDirectories(ws.resolve(".tiepoint"));
			Files.writeString(ws.resolve(".tiepoint/config.properties"), String.join("\n", "hub.key=" + hub.appKey(),
					"hub.token=" + hub.userToken(), "ingest.stall.timeout=5", ""));
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			long t0 = System.nanoTime();
			int code = Tiepoint.run(new String[] { "ingest", tmp.resolve("images").toString(), "--project", "oss-faults",
					"--workspace", ws.toString(), "--hub", faults.uri() + "/", "--cloud", "oss", "--threads", "4" },
					new PrintWriter(out, true), new PrintWriter(err, true), Map.of("TIEPOINT_DEBUG", "1"));
			double seconds = (System.nanoTime() - t0) / 1e9;
			String log = out + "\n" + err + "\nproxy: " + faults;
			assertEquals(0, code, log);
			assertFalse(log.contains(hub.userToken()), "the user token must never be printed");
			for (Fault f : List.of(Fault.ERROR_503, Fault.RESET, Fault.STALL)) {
				assertTrue(faults.count(f) > 0, "no " + f + " injected: " + faults);
			}
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("asked the platform for (\\d+) uploadImageOSS grant")
					.matcher(log);
			assertTrue(m.find(), log);
			int sts = Integer.parseInt(m.group(1));
			long bound = 2 * (long) Math.ceil(seconds / validity) + 4;
			System.out.printf(java.util.Locale.ROOT, "IngestFaultTest oss: %d images in %.1f s through %s; STS valid %d s,"
					+ " asked for %d time(s) (run time / validity = %.1f, bound %d)%n", files.size(), seconds, faults, validity,
					sts, seconds / validity, bound);
			assertTrue(sts >= 1 && sts <= bound, sts + " STS requests in " + seconds + " s: " + log);
			readyOnce(hub, ws, "oss-faults", files.size(), log);
		}
	}

	/** Every image Ready in the journal, and on the hub once, in one project of that name. */
	private static void readyOnce(Hub hub, Path ws, String project, int count, String log) throws Exception {
		// the journal: every image Ready
		StringWriter status = new StringWriter();
		assertEquals(0, Tiepoint.run(new String[] { "status", "--project", project, "--workspace", ws.toString(),
				"--json" }, new PrintWriter(status, true), new PrintWriter(new StringWriter(), true), Map.of()));
		JsonNode counts = new ObjectMapper().readTree(status.toString()).path("counts");
		assertEquals(count, counts.path("Ready").asInt(), counts + "\n" + log);
		assertEquals(1, counts.size(), "only Ready: " + counts);

		// the hub: one project of that name, each image once and Ready
		try (PlatformClient client = new PlatformClient(hub.uri(), hub.appKey(), hub.userToken())) {
			JsonNode projects = client.execute("{ my { allProjects(first: 100, search: \"" + project + "\") { totalCount } } }",
					null);
			assertEquals(1, projects.path("my").path("allProjects").path("totalCount").asInt(), projects.toString());
			String pid = client.findProject(project).orElseThrow();
			List<RemoteImage> remote = client.allImages(pid, null);
			assertEquals(count, remote.size(), "images on the hub");
			Set<String> names = new HashSet<>();
			for (RemoteImage r : remote) {
				assertTrue(r.ready(), r.toString());
				assertTrue(names.add(r.name()), "twice on the hub: " + r.name());
			}
		}
	}
}
