/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.gphotos.PhotosLibrary.MediaItem;
import io.tiepoint.testing.gphotos.PhotosServer.Call;

/**
 * The ingest engine's direct flow into an album of the Google Photos stand-in, as {@code tiepoint ingest --to
 * gphotos://Flight%2042} runs it: every image a media item once, in batches of 50; a second run sends nothing;
 * access tokens that expire mid-run, upload tokens that expired between runs, a batchCreate whose answer was lost,
 * 5xx, 429 and cuts, twins.
 */
class GooglePhotosIngestTest {

	private static final String ALBUM = "Flight 42";
	@TempDir
	Path tmp;
	private Fixture fx;
	private Workspace ws;
	private StorageProviders providers;
	private Path images;
	private long data;
	private int count;

	@BeforeEach
	void setUp() throws Exception {
		fx = new Fixture();
		images = Files.createDirectories(tmp.resolve("images"));
		ws = Workspace.open(tmp.resolve("ws"));
		providers = new StorageProviders(RegistryFactory.getRegistry(), s -> {
			throw new AssertionError(s.toString());
		});
	}

	@AfterEach
	void tearDown() {
		ws.close();
		providers.dispose();
		fx.close();
	}

	private void images(int n) throws Exception {
		count = n;
		data = 0;
		for (Path f : TestData.sampleSurvey(images, n)) {
			data += Files.size(f);
		}
	}

	private IngestSummary run(IProgressMonitor monitor, long rate) throws Exception {
		IngestOptions o = IngestOptions.builder().threads(4).readThreads(2).policy(RejectPolicy.defaults())
				.stallTimeout(Duration.ofSeconds(10)).limitRate(rate).settings(ProviderSettings.of(fx.settings())).build();
		IngestOperation op = new IngestOperation(ws, new IngestOperation.Request("flight", List.of(images), null, null,
				"gphotos://Flight%2042", false), o, providers, List.of());
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

	/** Every image a media item of the album once, with its bytes; the journal says which. */
	private void assertInTheAlbumOnce() throws Exception {
		List<MediaItem> items = fx.server.library().items(ALBUM);
		assertEquals(count, items.size(), "media items of the album");
		Map<String, MediaItem> byId = new HashMap<>();
		items.forEach(i -> byId.put(i.id(), i));
		Set<String> shas = new HashSet<>();
		for (ImageEntry e : ws.journal().images("flight")) {
			assertEquals(ImageState.STORED, e.state(), e.name() + ": " + e.error());
			assertTrue(e.location().startsWith("gphotos://Flight%2042/"), e.location());
			MediaItem item = byId.get(e.location().substring("gphotos://Flight%2042/".length()));
			assertTrue(item != null, "no media item for " + e.name() + " at " + e.location());
			assertTrue(item.description().contains("sha1=" + e.sha1()), item.description());
			assertEquals(e.size(), item.bytes().length, e.name());
			assertTrue(shas.add(e.sha1()), "twice: " + e.name());
		}
		assertEquals(1, fx.server.library().albums().size(), "one album");
	}

	@Test
	void oneHundredTwentyImagesAreThreeBatchCreatesAndARerunSendsNothing() throws Exception {
		images(120);
		IngestSummary first = run(new NullProgressMonitor(), 0);
		assertEquals(Map.of(ImageState.STORED, 120), first.counts(), first.failures().toString());
		assertInTheAlbumOnce();
		assertEquals(3, fx.server.calls(Call.BATCH_CREATE), "120 images, 50 a batchCreate");
		assertEquals(data, fx.server.uploads().bytesReceived(), "each byte once");
		long uploads = fx.server.calls(Call.UPLOAD);
		IngestSummary again = run(new NullProgressMonitor(), 0);
		assertEquals(0, again.filesSent());
		assertEquals(uploads, fx.server.calls(Call.UPLOAD), "a second run uploads nothing");
		assertEquals(3, fx.server.calls(Call.BATCH_CREATE), "a second run creates nothing");
		assertTrue(fx.server.calls(Call.ALBUMS_LIST) <= 4, "the albums are listed once a run (and before the creation): "
				+ fx.server.calls(Call.ALBUMS_LIST));
		System.out.printf("GooglePhotosIngestTest: 120 images (%d bytes): %d upload requests, %d batchCreate, %d albums.list,"
				+ " %d access token(s); the second run: 0 sent, %d search call(s)%n", data, uploads,
				fx.server.calls(Call.BATCH_CREATE), fx.server.calls(Call.ALBUMS_LIST), fx.server.auth().refreshes(),
				fx.server.calls(Call.SEARCH));
	}

	@Test
	void accessTokensExpiringMidRunAreRefreshedAndNothingIsLost() throws Exception {
		images(32);
		fx.server.auth().accessTokenLifetime(Duration.ofSeconds(1));
		Thread revoker = new Thread(() -> {
			while (fx.server.uploads().bytesReceived() < data / 2) {
				Thread.onSpinWait();
			}
			fx.server.auth().expireAccessTokens();
		});
		revoker.setDaemon(true);
		revoker.start();
		IngestSummary r = run(new NullProgressMonitor(), 4_000_000);
		assertEquals(Map.of(ImageState.STORED, 32), r.counts(), r.failures().toString());
		assertInTheAlbumOnce();
		assertTrue(fx.server.auth().refreshes() >= 3, "refreshes: " + fx.server.auth().refreshes());
		System.out.printf("GooglePhotosIngestTest: 1 s access tokens and all expired half way: %d refreshes, %d request(s)"
				+ " answered 401, %d bytes received for %d%n", fx.server.auth().refreshes(), fx.server.auth().unauthorized(),
				fx.server.uploads().bytesReceived(), data);
	}

	@Test
	void uploadTokensThatExpiredBetweenRunsAreUploadedAgain() throws Exception {
		images(32); // fewer than a batch: the canceled run commits nothing
		IngestSummary first = run(cancelWhen(() -> fx.server.uploads().unusedTokens() >= 10), 0);
		assertTrue(first.notes().stream().anyMatch(n -> n.contains("canceled")), first.notes().toString());
		assertEquals(0, fx.server.library().items(ALBUM).size(), "nothing committed");
		int waiting = fx.server.uploads().unusedTokens();
		fx.server.uploads().expireTokens();
		long before = fx.server.uploads().bytesReceived();
		run(new NullProgressMonitor(), 0);
		assertInTheAlbumOnce();
		assertTrue(fx.server.uploads().bytesReceived() - before > data - before, "the " + waiting + " expired uploads"
				+ " were sent again");
	}

	@Test
	void aBatchCreateWhoseAnswerWasLostMakesNoSecondItem() throws Exception {
		images(32);
		fx.server.faults().loseAnswers(Call.BATCH_CREATE, 1);
		IngestSummary r = run(new NullProgressMonitor(), 0);
		assertEquals(Map.of(ImageState.STORED, 32), r.counts(), r.failures().toString());
		assertInTheAlbumOnce();
		assertEquals(data, fx.server.uploads().bytesReceived(), "found in the album, not sent again");
		assertTrue(fx.server.calls(Call.BATCH_CREATE) >= 2);
	}

	@Test
	void serverErrorsThrottlingCutsAndFailedItemsLeaveEachImageOnce() throws Exception {
		images(32);
		fx.server.faults().failNext(Call.UPLOAD, 5, 503).throttleNext(null, 3, 1).cutAfter(data / 3);
		fx.server.library().failItems(2, 13);
		IngestSummary r = run(new NullProgressMonitor(), 0);
		assertEquals(Map.of(ImageState.STORED, 32), r.counts(), r.failures().toString());
		assertInTheAlbumOnce();
		assertEquals(0, fx.server.faults().earlyRetries(), "Retry-After honoured");
		System.out.printf("GooglePhotosIngestTest: 5 x 503, 3 x 429, a cut, 2 failed items: %d faults, %d bytes received"
				+ " for %d%n", fx.server.faults().injected(), fx.server.uploads().bytesReceived(), data);
	}

	@Test
	void anotherWorkspaceFindsThePhotosInTheAlbumByTheirChecksums() throws Exception {
		images(16);
		run(new NullProgressMonitor(), 0);
		long uploads = fx.server.calls(Call.UPLOAD);
		ws.close();
		ws = Workspace.open(tmp.resolve("ws2"));
		IngestSummary other = run(new NullProgressMonitor(), 0);
		assertEquals(Map.of(ImageState.EXISTING, 16), other.counts(), other.failures().toString());
		assertEquals(uploads, fx.server.calls(Call.UPLOAD), "nothing sent by the second workspace");
		assertEquals(16, fx.server.library().items(ALBUM).size());
		assertTrue(fx.server.calls(Call.SEARCH) >= 1, "the album's media items were listed");
		for (ImageEntry e : ws.journal().images("flight")) {
			assertTrue(e.location().startsWith("gphotos://Flight%2042/MI"), e.location());
		}
	}

	@Test
	void aTwinIsOneMediaItem() throws Exception {
		images(16);
		Path first = Files.list(images).sorted().findFirst().orElseThrow();
		Files.copy(first, images.resolve("TWIN_OF_" + first.getFileName()));
		run(new NullProgressMonitor(), 0);
		assertEquals(16, fx.server.library().items(ALBUM).size());
		ImageEntry twin = ws.journal().images("flight").stream().filter(e -> e.name().startsWith("TWIN_OF_")).findFirst()
				.orElseThrow();
		assertEquals(ImageState.EXISTING, twin.state(), twin.toString());
	}
}
