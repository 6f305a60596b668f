/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.ingest.CloudChoice;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.ingest.RejectPolicy;
import io.tiepoint.core.operations.IngestOperation;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.platform.PlatformStandIn;
import io.tiepoint.testing.storage.memory.MemoryStore;

/**
 * A run over several clouds of one hub (issue: choose the fastest cloud, fail over when one fails): a cloud that
 * keeps failing half way is marked down and the rest goes to the next, every image Ready once; refused
 * credentials move the images at once; {@code auto} times the clouds on the first images and prefers the
 * faster.
 */
class CloudFailoverTest {

	private static final String WEST = "memory-west";

	@TempDir
	Path tmp;
	private Workspace ws;
	private StorageProviders providers;
	private Path images;
	private MemoryStore east;
	private MemoryStore west;
	private PlatformStandIn platform;

	@BeforeEach
	void setUp() throws Exception {
		images = Files.createDirectories(tmp.resolve("images"));
		TestData.distinctCopies(TestData.sampleImages(), images, 2);
		ws = Workspace.open(tmp.resolve("ws"));
		providers = new StorageProviders(RegistryFactory.getRegistry(), s -> {
			throw new AssertionError(s.toString());
		});
		east = MemoryStore.named("east-" + System.nanoTime());
		west = MemoryStore.named("west-" + System.nanoTime());
		platform = new PlatformStandIn(east).cloud(WEST, "uploadImageMemoryWest", west);
	}

	@AfterEach
	void tearDown() {
		ws.close();
	}

	private IngestSummary ingest(String clouds) throws Exception {
		IngestOptions o = IngestOptions.builder().threads(4).readThreads(2).policy(RejectPolicy.defaults())
				.stallTimeout(Duration.ofSeconds(5)).connector(hub -> new HubEndpoint(URI.create(hub), "key", "token"))
				.platforms((endpoint, timeout) -> platform).build();
		IngestOperation op = new IngestOperation(ws, new IngestOperation.Request("flight", List.of(images),
				"http://stand-in.invalid/", clouds, null, false), o, providers, List.of());
		op.execute(new NullProgressMonitor());
		IngestSummary s = op.summary();
		System.out.println("CloudFailoverTest " + clouds + ": " + s.counts() + " " + s.notes() + " by cloud "
				+ byCloud());
		return s;
	}

	private Map<String, Integer> byCloud() throws Exception {
		return ws.journal().images("flight").stream().collect(Collectors.groupingBy(
				e -> String.valueOf(e.cloud()), TreeMap::new, Collectors.summingInt(e -> 1)));
	}

	/** Every image Ready, one platform image per checksum, its bytes in the store of the cloud it ended on. */
	private void assertEachReadyOnce(IngestSummary s) throws Exception {
		assertEquals(Map.of(ImageState.READY, 32), s.counts(), s.failures().toString());
		String pid = ws.journal().project("flight").orElseThrow().remoteId();
		assertEquals(32, platform.images(pid).size(), "one platform image per checksum");
		for (ImageEntry e : ws.journal().images("flight")) {
			MemoryStore store = WEST.equals(e.cloud()) ? west : east;
			assertTrue(store.objects().stream().anyMatch(o -> o.contentSha1().equals(e.sha1())),
					e.name() + " is in the store of its cloud " + e.cloud());
		}
	}

	@Test
	void aCloudThatFailsHalfWayIsMarkedDownAndTheRestGoesToTheNext() throws Exception {
		AtomicBoolean broken = new AtomicBoolean();
		ws.journal().addListener((project, ids) -> { // after each change the journal records
			try {
				if (!broken.get() && east.objects().size() >= 10 && broken.compareAndSet(false, true)) {
					east.faults().failNext(1_000_000, StorageException.Kind.TRANSIENT); // the store is gone
				}
			} catch (Exception e) {
				throw new AssertionError(e);
			}
		});
		IngestSummary s = ingest("memory," + WEST);
		assertTrue(broken.get());
		assertEachReadyOnce(s);
		Map<String, Integer> clouds = byCloud();
		assertTrue(clouds.getOrDefault("memory", 0) >= 10, clouds.toString());
		assertTrue(clouds.getOrDefault(WEST, 0) >= 1, clouds.toString());
		assertEquals(32, clouds.getOrDefault("memory", 0) + clouds.getOrDefault(WEST, 0), clouds.toString());
		assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("cloud memory marked down")), s.notes().toString());
		assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("sent by cloud: ")), s.notes().toString());
	}

	@Test
	void refusedCredentialsMoveTheImagesAtOnce() throws Exception {
		east.faults().failNext(1_000_000, StorageException.Kind.UNAUTHORIZED);
		IngestSummary s = ingest("memory," + WEST);
		assertEachReadyOnce(s);
		assertEquals(Map.of(WEST, 32), byCloud());
		assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("cloud memory marked down after 1 failure")),
				s.notes().toString());
	}

	@Test
	void autoTimesTheCloudsOnTheFirstImagesAndPrefersTheFaster() throws Exception {
		east.faults().latency(Duration.ofMillis(400)); // a slow link to this one
		IngestSummary s = ingest("auto");
		assertEachReadyOnce(s);
		Map<String, Integer> clouds = byCloud();
		assertTrue(clouds.getOrDefault("memory", 0) >= 1, "each cloud is tried: " + clouds);
		assertTrue(clouds.getOrDefault(WEST, 0) >= 20, "most go to the faster cloud: " + clouds);
		assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("cloud auto: ") && n.endsWith(WEST + " first")),
				s.notes().toString());
		List<CloudChoice> recorded = CloudChoice.read(ws.stateDir(), "flight");
		assertEquals(List.of(WEST, "memory"), recorded.stream().map(CloudChoice::cloud).toList(), "what status --json shows");
		assertTrue(recorded.get(0).mbPerSecond() > recorded.get(1).mbPerSecond(), recorded.toString());
		assertEquals(32, recorded.stream().mapToInt(CloudChoice::images).sum(), recorded.toString());
		assertEquals("auto", ws.journal().project("flight").orElseThrow().cloud());
	}
}
