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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.storage.gphotos.GooglePhotosProvider;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.storage.gphotos.internal.PhotosSession;
import io.tiepoint.testing.gphotos.PhotosServer.Call;
import io.tiepoint.testing.gphotos.PhotosUploads;
import io.tiepoint.testing.storage.StorageProviderConformance;
import io.tiepoint.testing.storage.StorageProviderConformance.Counting;
import io.tiepoint.testing.storage.StorageProviderConformance.Recorder;

/**
 * The Google Photos provider against the stand-in: destinations and settings refused with reasons; the resumable
 * protocol of seed 004 across a cut, a restart (the same session, asked with {@code query}), a session that is over,
 * 5xx and 429 answers; access tokens refreshed before they expire and after a 401 in the middle of an upload.
 */
class GooglePhotosProviderTest {

	private static final long MB = 1 << 20;
	private Fixture fx;

	@BeforeEach
	void start() throws Exception {
		fx = new Fixture();
	}

	@AfterEach
	void stop() {
		fx.close();
	}

	private static StorageObject photo(String name, int size, long seed) {
		byte[] b = StorageProviderConformance.randomBytes(size, seed);
		b[0] = (byte) 0xff;
		b[1] = (byte) 0xd8;
		return StorageProviderConformance.objectOf(name, name, b, "image/jpeg", null, null);
	}

	private static OffsetResumable upload(PhotosSession s) {
		return s.feature(OffsetResumable.class).orElseThrow();
	}

	/** Commits one uploaded object and returns its media item's bytes as the stand-in holds them. */
	private byte[] commit(PhotosSession s, StorageObject o, String handle, String album) throws Exception {
		List<BatchCommit.Outcome> out = s.feature(BatchCommit.class).orElseThrow().commit(List.of(new BatchCommit.Pending(o,
				handle)), new NullProgressMonitor());
		assertTrue(out.get(0).stored() != null, "committed: " + out.get(0).failure());
		return fx.server.library().items(album).stream().filter(i -> i.filename().equals(o.key())).findFirst()
				.orElseThrow().bytes();
	}

	private static StorageException refused(String uri, Map<String, String> settings) {
		GooglePhotosProvider p = new GooglePhotosProvider();
		return assertThrows(StorageException.class, () -> p.destination(URI.create(uri), ProviderSettings.of(settings)),
				uri);
	}

	@Test
	void badDestinationsAndSettingsAreRefusedWithTheirReason() {
		Map<String, String> ok = fx.settings();
		assertTrue(refused("gphotos://Flight%2042/sub", ok).getMessage().contains("no folders"));
		assertTrue(refused("gphotos://user@Flight", ok).getMessage().contains("user information"));
		assertTrue(refused("gphotos://Flight?token=abc", ok).getMessage().contains("credentials belong in the settings"));
		Map<String, String> noId = new HashMap<>(ok);
		noId.remove(PhotosConfig.CLIENT_ID);
		String m = refused("gphotos://Flight", noId).getMessage();
		assertTrue(m.contains("gphotos.client.id") && m.contains("TIEPOINT_GPHOTOS_CLIENT_ID"), m);
		Map<String, String> badUrl = new HashMap<>(ok);
		badUrl.put(PhotosConfig.ENDPOINT, "ftp://example.org");
		assertTrue(refused("gphotos://Flight", badUrl).getMessage().contains("gphotos.endpoint"));
		Map<String, String> badChunk = new HashMap<>(ok);
		badChunk.put(PhotosConfig.CHUNK_SIZE, "1000");
		assertTrue(refused("gphotos://Flight", badChunk).getMessage().contains("multiple of the upload granularity"));
		for (StorageException e : List.of(refused("gphotos://Flight?token=abc", ok), refused("gphotos://Flight", noId))) {
			assertFalse(e.getMessage().contains(Fixture.SECRET) || e.getMessage().contains(fx.refreshToken),
					"no secret in: " + e.getMessage());
		}
	}

	@Test
	void aThirtyMegabyteFileCutMidChunkResumesFromSizeReceived() throws Exception {
		try (PhotosSession s = fx.open("Flight 42", Map.of())) {
			StorageObject o = photo("DJI_0030.JPG", 30 * (int) MB, 30);
			long cut = 13 * MB + 12_345; // in the second 8 MiB chunk
			fx.server.faults().cutAfter(cut);
			Counting counting = new Counting(o.content());
			Recorder rec = new Recorder();
			upload(s).upload(StorageProviderConformance.withContent(o, counting), null, rec, new NullProgressMonitor());
			long received = fx.server.uploads().bytesReceived();
			long resent = received - o.size();
			long streamed = counting.given() - o.size(); // what left the file more than once, buffers lost in the cut included
			String query = fx.server.log().stream().filter(l -> l.startsWith("query")).findFirst().orElse("none");
			System.out.printf("GooglePhotosProviderTest: 30 MiB (%d bytes), chunks of 8 MiB, cut after %d bytes;"
					+ " %s; the server received %d bytes (%d again), the client streamed %d again (one chunk: %d)%n",
					o.size(), cut, query, received, resent, streamed, 8 * MB);
			assertTrue(query.startsWith("query -> active " + (8 * MB + (cut - 8 * MB) / PhotosUploads.GRANULARITY
					* PhotosUploads.GRANULARITY)), "resumed from the server's Size-Received: " + fx.server.log());
			assertTrue(resent >= 0 && resent <= 8 * MB, "re-sent at most one chunk: " + resent);
			assertTrue(streamed <= 8 * MB, "streamed again at most one chunk: " + streamed);
			assertEquals(1, fx.server.uploads().sessions(), "the same session");
			assertArrayEquals(bytes(o), commit(s, o, rec.token(), "Flight 42"), "the media item has the file's bytes");
		}
	}

	@Test
	void aRestartAsksQueryAndContinuesTheSameSession() throws Exception {
		StorageObject o = photo("DJI_0031.JPG", 20 * (int) MB, 31);
		Recorder first = new Recorder();
		try (PhotosSession s = fx.open("Flight 42", Map.of())) {
			StorageObject broken = StorageProviderConformance.withContent(o,
					StorageProviderConformance.failingAfter(o.content(), 11 * MB));
			StorageException e = assertThrows(StorageException.class, () -> upload(s).upload(broken, null, first,
					new NullProgressMonitor()));
			assertTrue(e.retryable(), e.getMessage());
		}
		assertTrue(first.token().startsWith("session:"), "the session URL is the resume token");
		long before = fx.server.uploads().bytesReceived();
		Recorder second = new Recorder();
		try (PhotosSession s = fx.open("Flight 42", Map.of())) { // a new process: nothing but the journal's token
			Counting counting = new Counting(o.content());
			upload(s).upload(StorageProviderConformance.withContent(o, counting), first.token(), second,
					new NullProgressMonitor());
			assertEquals(1, fx.server.uploads().sessions(), "the same session, not a new one: " + fx.server.log());
			assertTrue(fx.server.log().stream().anyMatch(l -> l.startsWith("query -> active")), "query first");
			assertEquals(o.size() - first.maxCommitted(), counting.given(), "the rest from what the session holds");
			System.out.printf("GooglePhotosProviderTest: restart: the first attempt broke after 11 MiB, %d committed,"
					+ " the second sent %d of %d bytes (%d received in all)%n", first.maxCommitted(), counting.given(),
					o.size(), fx.server.uploads().bytesReceived() - before + before);
			assertArrayEquals(bytes(o), commit(s, o, second.token(), "Flight 42"));
		}
	}

	@Test
	void aSessionThatIsOverIsStartedAnew() throws Exception {
		StorageObject o = photo("DJI_0032.JPG", 10 * (int) MB, 32);
		Recorder first = new Recorder();
		try (PhotosSession s = fx.open("Flight 42", Map.of())) {
			assertThrows(StorageException.class, () -> upload(s).upload(StorageProviderConformance.withContent(o,
					StorageProviderConformance.failingAfter(o.content(), 9 * MB)), null, first, new NullProgressMonitor()));
			fx.server.uploads().cancelSessions();
			Recorder second = new Recorder();
			upload(s).upload(o, first.token(), second, new NullProgressMonitor());
			assertEquals(2, fx.server.uploads().sessions(), "status cancelled: a new session");
			assertArrayEquals(bytes(o), commit(s, o, second.token(), "Flight 42"));
		}
	}

	@Test
	void serverErrorsAndThrottlingAreBackedOffRetryAfterHonoured() throws Exception {
		try (PhotosSession s = fx.open("Flight 42", Map.of(PhotosConfig.CHUNK_SIZE, "1m"))) {
			StorageObject o = photo("DJI_0033.JPG", 5 * (int) MB, 33);
			fx.server.faults().failNext(Call.UPLOAD, 2, 503).throttleNext(Call.UPLOAD, 1, 1);
			Recorder rec = new Recorder();
			long t0 = System.nanoTime();
			upload(s).upload(o, null, rec, new NullProgressMonitor());
			fx.server.faults().throttleNext(Call.BATCH_CREATE, 1, 1);
			assertArrayEquals(bytes(o), commit(s, o, rec.token(), "Flight 42"));
			assertEquals(0, fx.server.faults().earlyRetries(), "no request before the Retry-After passed");
			assertTrue(fx.server.faults().injected() >= 4, "faults injected: " + fx.server.faults().injected());
			System.out.printf("GooglePhotosProviderTest: 2 x 503 and 2 x 429 (Retry-After: 1) in %.1f s%n",
					(System.nanoTime() - t0) / 1e9);
		}
	}

	@Test
	void accessTokensAreRefreshedBeforeTheyExpireAndAfterA401MidUpload() throws Exception {
		fx.server.auth().accessTokenLifetime(java.time.Duration.ofSeconds(2));
		try (PhotosSession s = fx.open("Flight 42", Map.of(PhotosConfig.CHUNK_SIZE, "1m"))) {
			StorageObject a = photo("DJI_0034.JPG", 2 * (int) MB, 34);
			Recorder ra = new Recorder();
			upload(s).upload(a, null, ra, new NullProgressMonitor());
			Thread.sleep(2200); // the token has expired by now: the session refreshes before it asks
			assertArrayEquals(bytes(a), commit(s, a, ra.token(), "Flight 42"));
			assertEquals(0, fx.server.auth().unauthorized(), "refreshed before it expired, never refused");
			fx.server.auth().accessTokenLifetime(java.time.Duration.ofHours(1));
			StorageObject b = photo("DJI_0035.JPG", 6 * (int) MB, 35);
			java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
			io.tiepoint.core.storage.Content expiring = new io.tiepoint.core.storage.Content() {
				@Override
				public long length() {
					return b.size();
				}

				@Override
				public java.io.InputStream open(long offset) throws java.io.IOException {
					if (offset >= 3 * MB && once.compareAndSet(false, true)) {
						fx.server.auth().expireAccessTokens(); // the tokens die half way (revoked, a clock)
					}
					return b.content().open(offset);
				}
			};
			Recorder rb = new Recorder();
			long before = fx.server.uploads().bytesReceived();
			upload(s).upload(StorageProviderConformance.withContent(b, expiring), null, rb, new NullProgressMonitor());
			assertTrue(fx.server.auth().unauthorized() >= 1, "a request was answered 401");
			assertArrayEquals(bytes(b), commit(s, b, rb.token(), "Flight 42"), "nothing lost");
			long received = fx.server.uploads().bytesReceived() - before;
			assertTrue(received <= b.size() + MB, "at most the refused chunk again: " + received);
			assertTrue(s.tokens().refreshes() >= 3, "refreshes: " + s.tokens().refreshes());
		}
	}

	@Test
	void aRefusedRefreshTokenIsUnauthorizedWithWhatToDo() throws Exception {
		fx.server.auth().revoke(fx.refreshToken);
		try (PhotosSession s = fx.open("Flight 42", Map.of())) {
			StorageException e = assertThrows(StorageException.class, () -> upload(s).upload(photo("x.jpg", 1000, 1), null,
					new Recorder(), new NullProgressMonitor()));
			assertEquals(Kind.UNAUTHORIZED, e.kind(), e.getMessage());
			assertTrue(e.getMessage().contains("tiepoint auth gphotos"), e.getMessage());
			assertFalse(e.getMessage().contains(fx.refreshToken), "no token in the message");
		}
	}

	private static byte[] bytes(StorageObject o) throws Exception {
		try (java.io.InputStream in = o.content().open(0)) {
			return in.readAllBytes();
		}
	}
}
