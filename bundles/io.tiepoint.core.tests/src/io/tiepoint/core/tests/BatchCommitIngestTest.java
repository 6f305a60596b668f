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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.ingest.RejectPolicy;
import io.tiepoint.core.operations.IngestOperation;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.storage.memory.MemoryObject;
import io.tiepoint.testing.storage.memory.MemoryStore;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * The direct flow to a destination whose objects exist only once committed in batches
 * ({@link BatchCommit}), on the in-memory provider's commit mode: batches of the declared size, nothing
 * {@code Stored} before its commit answered, handles kept across runs, expired handles sent again, a commit whose
 * answer was lost never making a second copy, twins waiting for their first.
 */
class BatchCommitIngestTest {

	@TempDir
	Path tmp;
	private Workspace ws;
	private StorageProviders providers;
	private Path images;
	private long data;
	private int count;
	private final String store = "commits-" + System.nanoTime();

	@BeforeEach
	void setUp() throws Exception {
		images = Files.createDirectories(tmp.resolve("images"));
		ws = Workspace.open(tmp.resolve("ws"));
		providers = new StorageProviders(RegistryFactory.getRegistry(), s -> {
			throw new AssertionError(s.toString());
		});
		MemoryStore.named(store).commitInBatches(50);
	}

	@AfterEach
	void tearDown() {
		ws.close();
		providers.dispose();
		MemoryStore.reset(store);
	}

	/** Distinct copies of the sample survey, {@code n} images in all. */
	private void images(int n) throws Exception {
		count = n;
		data = 0;
		for (Path f : TestData.sampleSurvey(images, n)) {
			data += Files.size(f);
		}
	}

	private IngestSummary run(IProgressMonitor monitor) throws Exception {
		IngestOperation op = new IngestOperation(ws, new IngestOperation.Request("flight", List.of(images), null, null,
				"mem://" + store + "/flight", false),
				IngestOptions.builder().threads(4).readThreads(2)
						.policy(RejectPolicy.defaults()).stallTimeout(Duration.ofSeconds(5)).build(),
				providers, List.of());
		op.execute(monitor);
		return op.summary();
	}

	private static IProgressMonitor cancelWhen(BooleanSupplier when) {
		return new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				return super.isCanceled() || when.getAsBoolean();
			}
		};
	}

	private Map<String, ImageEntry> journal() throws Exception {
		Map<String, ImageEntry> out = new HashMap<>();
		for (ImageEntry e : ws.journal().images("flight")) {
			out.put(e.name(), e);
		}
		return out;
	}

	/** Every image an object once, committed, with its bytes; the journal says where. */
	private void assertCommittedOnce(MemoryStore s) throws Exception {
		Map<String, ImageEntry> j = journal();
		assertEquals(count, s.objects().size(), "objects: " + s.objects());
		for (ImageEntry e : j.values()) {
			assertEquals(ImageState.STORED, e.state(), e.name() + ": " + e.error());
			assertEquals("mem://" + store + "/flight/" + e.name(), e.location());
			MemoryObject o = s.object("flight/" + e.name()).orElseThrow(() -> new AssertionError("no object " + e.name()));
			assertTrue(o.intact(), o.toString());
			assertEquals(e.sha1(), o.contentSha1());
		}
		assertEquals(0, s.uncommitted(), "uploads left waiting for a commit");
	}

	@Test
	void oneHundredTwentyImagesAreThreeCommitsAndARerunSendsNothing() throws Exception {
		images(120);
		MemoryStore s = MemoryStore.named(store);
		IngestSummary first = run(new NullProgressMonitor());
		assertEquals(Map.of(ImageState.STORED, 120), first.counts(), first.failures().toString());
		assertCommittedOnce(s);
		assertEquals(3, s.requests(Request.COMMIT), "120 images in batches of 50");
		assertEquals(data, s.bytesReceived());
		IngestSummary again = run(new NullProgressMonitor());
		assertEquals(0, again.filesSent());
		assertEquals(3, s.requests(Request.COMMIT), "a second run commits nothing");
		assertEquals(data, s.bytesReceived(), "a second run sent bytes");
	}

	@Test
	void canceledBeforeTheCommitsTheNextRunCommitsTheHandlesWithoutSendingAgain() throws Exception {
		images(32); // fewer than a batch: nothing is committed before the transfers are over
		MemoryStore s = MemoryStore.named(store);
		IngestSummary first = run(cancelWhen(() -> s.uncommitted() >= 20));
		assertTrue(first.notes().stream().anyMatch(n -> n.contains("canceled")), first.notes().toString());
		assertEquals(0, s.requests(Request.COMMIT), "nothing committed by the canceled run");
		assertEquals(0, s.objects().size());
		int waiting = 0;
		for (ImageEntry e : journal().values()) {
			// the journal never claims what did not happen: nothing is Stored before its commit
			assertTrue(e.state() != ImageState.STORED, e.name() + " is Stored without a commit");
			if (e.state() == ImageState.UPLOADING && e.offset() == e.size()) {
				assertNotNull(e.resumeToken(), e.name() + ": every byte arrived, the handle is kept");
				waiting++;
			}
		}
		assertTrue(waiting >= 20, waiting + " image(s) wait for their commit");
		long before = s.bytesReceived();
		run(new NullProgressMonitor());
		assertCommittedOnce(s);
		assertEquals(data, s.bytesReceived(), "the handles were committed, their bytes not sent again (" + before
				+ " bytes before the second run)");
		assertEquals(1, s.requests(Request.COMMIT));
	}

	@Test
	void expiredHandlesAreSentAgainAndStoredOnce() throws Exception {
		images(32);
		MemoryStore s = MemoryStore.named(store);
		run(cancelWhen(() -> s.uncommitted() >= 10));
		int expired = s.uncommitted();
		s.faults().expireUncommitted();
		run(new NullProgressMonitor());
		assertCommittedOnce(s);
		assertTrue(s.bytesReceived() > data, "the bytes of the " + expired + " expired handles were sent again");
	}

	@Test
	void aCommitWhoseAnswerWasLostIsFoundNotCommittedTwice() throws Exception {
		images(32);
		MemoryStore s = MemoryStore.named(store);
		s.faults().loseAnswers(Request.COMMIT, 1);
		IngestSummary r = run(new NullProgressMonitor());
		assertEquals(Map.of(ImageState.STORED, 32), r.counts(), r.failures().toString());
		assertCommittedOnce(s);
		assertEquals(data, s.bytesReceived(), "found by checksum, not sent again");
		assertTrue(s.requests(Request.COMMIT) >= 2, "the commit was asked again");
	}

	@Test
	void aTwinWaitsForItsFirstAndIsExistingWhereItIsStored() throws Exception {
		images(16);
		Path first = images.resolve(Files.list(images).map(p -> p.getFileName().toString()).sorted().findFirst()
				.orElseThrow());
		Files.copy(first, images.resolve("TWIN_OF_" + first.getFileName()));
		MemoryStore s = MemoryStore.named(store);
		run(new NullProgressMonitor());
		Map<String, ImageEntry> j = journal();
		ImageEntry twin = j.get("TWIN_OF_" + first.getFileName());
		assertEquals(ImageState.EXISTING, twin.state(), twin.toString());
		assertEquals(j.get(first.getFileName().toString()).location(), twin.location());
		assertEquals(16, s.objects().size(), "one object per content");
		assertEquals(data, s.bytesReceived(), "the twin's bytes were not sent");
	}
}
