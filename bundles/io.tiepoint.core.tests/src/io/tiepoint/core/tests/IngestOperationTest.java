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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.ingest.RejectPolicy;
import io.tiepoint.core.ingest.Timeline;
import io.tiepoint.core.operations.IngestOperation;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.platform.PlatformStandIn;
import io.tiepoint.testing.storage.memory.MemoryObject;
import io.tiepoint.testing.storage.memory.MemoryStore;

/**
 * The ingest operation end to end without a network: the sample survey into the in-memory reference
 * provider (direct flow) and through a platform stand-in (platform flow), with cancellation half way, twins,
 * faults of the destination and of the platform, lost answers and expired upload URLs.
 */
class IngestOperationTest {

	@TempDir
	Path tmp;
	private Workspace ws;
	private StorageProviders providers;
	private Path images;
	private Map<String, Long> sizes;
	private long data;
	private final String store = "ingest-" + System.nanoTime();

	@BeforeEach
	void setUp() throws Exception {
		images = Files.createDirectories(tmp.resolve("images"));
		sizes = new HashMap<>();
		for (Path f : TestData.distinctCopies(TestData.sampleImages(), images, 2)) {
			sizes.put(f.getFileName().toString(), Files.size(f));
		}
		data = sizes.values().stream().mapToLong(Long::longValue).sum();
		ws = Workspace.open(tmp.resolve("ws"));
		providers = new StorageProviders(RegistryFactory.getRegistry(), s -> {
			throw new AssertionError(s.toString());
		});
	}

	@AfterEach
	void tearDown() {
		ws.close();
		providers.dispose();
		MemoryStore.reset(store);
	}

	private IngestOptions.Builder options() {
		return IngestOptions.builder().threads(4).readThreads(2).policy(RejectPolicy.defaults())
				.stallTimeout(Duration.ofSeconds(5));
	}

	private IngestSummary direct(IngestOptions options, IProgressMonitor monitor) throws Exception {
		IngestOperation op = new IngestOperation(ws, new IngestOperation.Request("flight", List.of(images), null, null,
				"mem://" + store + "/flight", false), options, providers, List.of());
		op.execute(monitor);
		return op.summary();
	}

	private Map<String, ImageEntry> journal(String project) throws Exception {
		Map<String, ImageEntry> out = new HashMap<>();
		for (ImageEntry e : ws.journal().images(project)) {
			out.put(e.name(), e);
		}
		return out;
	}

	/** Every image at the destination exactly once, with its own bytes. */
	private void assertStoredOnce(MemoryStore s, Map<String, ImageEntry> entries) {
		List<MemoryObject> objects = s.objects();
		assertEquals(entries.size(), objects.size(), "objects: " + objects);
		for (ImageEntry e : entries.values()) {
			assertEquals(ImageState.STORED, e.state(), e.name() + ": " + e.error());
			assertEquals("mem://" + store + "/flight/" + e.name(), e.location());
			MemoryObject o = s.object("flight/" + e.name()).orElseThrow(() -> new AssertionError("no object " + e.name()));
			assertTrue(o.intact(), o.toString());
			assertEquals(e.sha1(), o.contentSha1());
		}
	}

	@Test
	void theEmbeddedHubStartsBesideTheJournalOnlyWhenItIsKnownToBeTheOne() {
		Path fresh = tmp.resolve("fresh");
		IngestOperation.Request platform = new IngestOperation.Request("flight", List.of(images), null, null, null, false);
		assertEquals(Optional.of("embedded"), IngestOperation.hubBeforeJournal(fresh, platform, false),
				"a workspace without a journal: the new project starts on the embedded hub");
		assertEquals(Optional.empty(), IngestOperation.hubBeforeJournal(ws.root(), platform, false),
				"a workspace with a journal: its project may go elsewhere");
		assertEquals(Optional.of("embedded"), IngestOperation.hubBeforeJournal(ws.root(), new IngestOperation.Request(
				"flight", List.of(images), "embedded", null, null, false), false));
		assertEquals(Optional.empty(), IngestOperation.hubBeforeJournal(fresh, new IngestOperation.Request("flight",
				List.of(images), "http://hub.example:8080/", null, null, false), false), "a hub elsewhere starts nothing");
		assertEquals(Optional.empty(), IngestOperation.hubBeforeJournal(fresh, new IngestOperation.Request("flight",
				List.of(images), null, null, "s3://bucket/flight", false), false), "a direct destination");
		assertEquals(Optional.empty(), IngestOperation.hubBeforeJournal(fresh, platform, true), "a dry run");
		assertEquals(Optional.empty(), IngestOperation.hubBeforeJournal(fresh, new IngestOperation.Request("flight",
				List.of(tmp.resolve("no-such-folder")), null, null, null, false), false), "a folder that is not there");
	}

	@Test
	void directFlowStoresEachImageOnceAndARerunSendsNothing() throws Exception {
		IngestSummary first = direct(options().build(), new NullProgressMonitor());
		assertEquals(32, first.filesSent(), first.toString());
		assertEquals(Map.of(ImageState.STORED, 32), first.counts());
		MemoryStore s = MemoryStore.named(store);
		assertStoredOnce(s, journal("flight"));
		assertEquals(data, s.bytesReceived());
		IngestSummary again = direct(options().build(), new NullProgressMonitor());
		assertEquals(0, again.filesSent());
		assertEquals(data, s.bytesReceived(), "a second run sent bytes");
	}

	@Test
	void canceledHalfWayThenRunAgainSendsEachImageOnceAndNoMoreThanWasInFlight() throws Exception {
		MemoryStore s = MemoryStore.named(store);
		AtomicBoolean cancel = new AtomicBoolean();
		NullProgressMonitor monitor = new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				return cancel.get() || super.isCanceled();
			}
		};
		Thread watcher = new Thread(() -> {
			while (s.bytesReceived() < data / 2) {
				Thread.onSpinWait();
			}
			cancel.set(true);
		});
		watcher.setDaemon(true);
		watcher.start();
		IngestSummary first = direct(options().limitRate(2_000_000).build(), monitor);
		assertTrue(first.notes().stream().anyMatch(n -> n.contains("canceled")), first.notes().toString());
		long atCancel = s.bytesReceived();
		Map<String, ImageEntry> half = journal("flight");
		long inFlight = 0;
		for (ImageEntry e : half.values()) {
			// the journal never claims what did not happen: Stored means the destination holds it whole
			if (e.state() == ImageState.STORED) {
				assertTrue(s.object("flight/" + e.name()).map(MemoryObject::intact).orElse(false), e.name());
			} else if (e.state() == ImageState.UPLOADING) {
				inFlight += e.size();
			} else {
				assertTrue(Set.of(ImageState.INSPECTED, ImageState.DISCOVERED, ImageState.REJECTED).contains(e.state()),
						e.name() + " " + e.state());
			}
		}
		assertTrue(atCancel < data, "canceled before the end");
		IngestSummary second = direct(options().build(), new NullProgressMonitor());
		assertStoredOnce(s, journal("flight"));
		assertTrue(s.bytesReceived() <= data + inFlight, "received " + s.bytesReceived() + " for " + data + " with "
				+ inFlight + " in flight");
		System.out.printf("IngestOperationTest: canceled at %,d of %,d bytes, %,d in flight; %,d received in all; the"
				+ " second run sent %d image(s)%n", atCancel, data, inFlight, s.bytesReceived(), second.filesSent());
	}

	@Test
	void aTwinIsExistingAndNeverSentTwice() throws Exception {
		Path first = images.resolve(sizes.keySet().stream().sorted().findFirst().orElseThrow());
		Files.copy(first, images.resolve("TWIN_OF_" + first.getFileName()));
		IngestSummary r = direct(options().build(), new NullProgressMonitor());
		Map<String, ImageEntry> j = journal("flight");
		ImageEntry twin = j.get("TWIN_OF_" + first.getFileName());
		assertEquals(ImageState.EXISTING, twin.state(), twin.toString());
		assertEquals(j.get(first.getFileName().toString()).location(), twin.location());
		assertEquals(32, r.filesSent());
		assertEquals(data, MemoryStore.named(store).bytesReceived());
	}

	@Test
	void destinationFaultsAreRetriedAndNothingIsStoredTwice() throws Exception {
		MemoryStore s = MemoryStore.named(store);
		s.faults().failNext(6, StorageException.Kind.TRANSIENT).resetAfter(150_000).corruptNext();
		IngestSummary r = direct(options().build(), new NullProgressMonitor());
		assertEquals(Map.of(ImageState.STORED, 32), r.counts(), r.failures().toString());
		assertStoredOnce(s, journal("flight"));
		assertTrue(s.faults().injected() >= 8, "faults injected: " + s.faults().injected());
	}

	@Test
	void platformFlowThroughAStandInWithLostAnswersFaultsAndExpiredUrls() throws Exception {
		MemoryStore s = MemoryStore.named(store);
		PlatformStandIn platform = new PlatformStandIn(s).verifyAfter(Duration.ofMillis(100));
		platform.faults().loseAnswers(PlatformStandIn.Op.REGISTER, 3).loseAnswers(PlatformStandIn.Op.CREATE_PROJECT, 1)
				.failNext(PlatformStandIn.Op.DONE_UPLOAD, 4);
		s.faults().failNext(3, StorageException.Kind.TRANSIENT);
		IngestOptions o = options().connector(hub -> new HubEndpoint(URI.create(hub), "key", "token"))
				.platforms((endpoint, timeout) -> platform).build();
		IngestOperation op = new IngestOperation(ws, new IngestOperation.Request("flight", List.of(images),
				"http://stand-in.invalid/", null, null, false), o, providers, List.of());
		op.execute(new NullProgressMonitor());
		assertEquals(Map.of(ImageState.READY, 32), op.summary().counts(), op.summary().failures().toString());
		assertEquals("memory", ws.journal().project("flight").orElseThrow().cloud(), "the hub's first served cloud");
		Timeline t = op.summary().timeline();
		assertTrue(t.firstByte() > 0 && t.firstByte() <= t.lastByte() && t.lastByte() <= t.lastSettled(), t.toString());
		assertTrue(t.describe(Instant.ofEpochMilli(t.firstByte() - 500)).startsWith("first byte 0.50 s after the start"),
				t.describe(Instant.ofEpochMilli(t.firstByte() - 500)));
		String pid = ws.journal().project("flight").orElseThrow().remoteId();
		assertEquals(32, platform.images(pid).size(), "one platform image per checksum");
		assertEquals(1, platform.calls(PlatformStandIn.Op.CREATE_PROJECT), "a lost answer to createProject made no second project");

		// a second run: the URLs it is handed have expired; the images are all there already
		s.faults().expireLeases();
		IngestOperation again = new IngestOperation(ws, new IngestOperation.Request("flight", List.of(images), null, null,
				null, false), o, providers, List.of());
		again.execute(new NullProgressMonitor());
		assertEquals(0, again.summary().filesSent());
		assertEquals(Map.of(ImageState.READY, 32), again.summary().counts());
		assertNull(again.summary().timeline().describe(Instant.now()), "nothing sent, no timeline");
	}
}
