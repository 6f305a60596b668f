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

import static io.tiepoint.testing.storage.StorageProviderConformance.objectOf;
import static io.tiepoint.testing.storage.StorageProviderConformance.randomBytes;
import static io.tiepoint.testing.storage.StorageProviderConformance.withContent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.PlatformBinding;
import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.testing.storage.StorageProviderConformance.Counting;
import io.tiepoint.testing.storage.StorageProviderConformance.Recorder;
import io.tiepoint.testing.storage.memory.MemoryObject;
import io.tiepoint.testing.storage.memory.MemoryStorageProvider;
import io.tiepoint.testing.storage.memory.MemoryStore;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * What is particular to the in-memory provider: its contribution, its destination URIs and settings, the
 * store shared by sessions, the injected faults and what they leave behind.
 */
class MemoryProviderTest {

	private static final int KIB = 1024;
	private static final int MIB = 1024 * KIB;
	private static final AtomicInteger STORES = new AtomicInteger();
	private static final NullProgressMonitor MONITOR = new NullProgressMonitor();

	private String name;
	private MemoryStore store;

	@BeforeEach
	void freshStore() {
		name = "provider-test-" + STORES.incrementAndGet();
		MemoryStore.reset(name);
		store = MemoryStore.named(name);
	}

	@AfterEach
	void emptyTheStore() {
		MemoryStore.reset(name);
	}

	@Test
	void contributedToTheExtensionPoint() throws Exception {
		StorageProviders providers = new StorageProviders(RegistryFactory.getRegistry(), s -> fail(s.toString()));
		try {
			StorageProviderDescriptor d = providers.descriptor("memory").orElseThrow();
			assertEquals("In-memory (tests)", d.name());
			assertEquals(List.of("mem"), d.schemes());
			assertEquals(Set.of(Capability.values()), d.capabilities());
			assertEquals(new PlatformBinding("memory", "uploadImageMemory", null, "url", false), d.platformBinding().orElseThrow());
			assertEquals(List.of(MemoryStorageProvider.THRESHOLD, MemoryStorageProvider.PART_SIZE, MemoryStorageProvider.TOKEN),
					d.settings().stream().map(ProviderSetting::key).toList());
			assertTrue(d.setting(MemoryStorageProvider.TOKEN).orElseThrow().secret());
			assertFalse(d.setting(MemoryStorageProvider.THRESHOLD).orElseThrow().secret());
			assertEquals("TIEPOINT_MEM_TOKEN", d.setting(MemoryStorageProvider.TOKEN).orElseThrow().environmentVariable());
			assertTrue(d.iconUrl().isPresent(), "the icon is in the bundle");
			assertEquals("io.tiepoint.testing", d.contributor());
			assertEquals(d, providers.forDestination(URI.create("mem://flight/survey")).orElseThrow());
			assertEquals(d, providers.forCloud("memory").orElseThrow());
			assertInstanceOf(MemoryStorageProvider.class, providers.provider("memory"));
		} finally {
			providers.dispose();
		}
	}

	@Test
	void sessionsHaveEveryCapability() throws Exception {
		try (StorageSession s = open(Map.of(MemoryStorageProvider.THRESHOLD, "2m"))) {
			for (Capability c : Capability.values()) {
				assertTrue(s.feature(c.feature()).isPresent(), c.id());
			}
			assertEquals(2L * MIB, s.feature(MultipartPut.class).orElseThrow().threshold());
		}
	}

	@Test
	void destinationReadsTheStorePrefixAndSettings() throws Exception {
		StorageTarget t = new MemoryStorageProvider().destination(URI.create("mem://flight/survey/2026"),
				ProviderSettings.of(Map.of(MemoryStorageProvider.THRESHOLD, "2m", MemoryStorageProvider.PART_SIZE, "512k",
						MemoryStorageProvider.TOKEN, "hunter2")));
		assertEquals("flight", t.bucket());
		assertEquals("survey/2026", t.prefix());
		assertEquals(URI.create("mem://flight"), t.endpoint());
		assertEquals(Map.of("multipart.threshold", "2m", "part.size", "512k"), t.options());
		assertEquals("hunter2", t.secret("token").orElseThrow());
		assertFalse(t.toString().contains("hunter2"), t.toString());
		StorageException e = assertThrows(StorageException.class, () -> new MemoryStorageProvider().destination(
				URI.create("mem://flight/x"), ProviderSettings.of(Map.of(MemoryStorageProvider.PART_SIZE, "lots"))));
		assertEquals(Kind.PERMANENT, e.kind());
		assertTrue(e.getMessage().contains(MemoryStorageProvider.PART_SIZE), e.getMessage());
	}

	@ParameterizedTest
	@ValueSource(strings = { "mem://alice:hunter2@flight/survey", "mem://flight/survey?token=hunter2",
			"mem://flight/survey?X-Amz-Signature=hunter2", "mem://flight/survey?sig=hunter2&x=1" })
	void destinationRefusesSecretsInTheUri(String uri) {
		StorageException e = assertThrows(StorageException.class,
				() -> new MemoryStorageProvider().destination(URI.create(uri), ProviderSettings.of(Map.of())));
		assertEquals(Kind.PERMANENT, e.kind());
		assertFalse(e.getMessage().contains("hunter2"), "the message shows no secret: " + e.getMessage());
		assertTrue(e.getMessage().startsWith("mem://flight/survey: "), e.getMessage());
		assertTrue(e.getMessage().contains(MemoryStorageProvider.TOKEN), "it says where secrets go: " + e.getMessage());
	}

	@ParameterizedTest
	@ValueSource(strings = { "mem://flight/survey?threshold=1m", "s3://flight/survey", "mem:///survey", "mem://fl!ght/survey" })
	void destinationRefusesOtherUris(String uri) {
		StorageException e = assertThrows(StorageException.class,
				() -> new MemoryStorageProvider().destination(URI.create(uri), ProviderSettings.of(Map.of())));
		assertEquals(Kind.PERMANENT, e.kind(), e.getMessage());
	}

	@Test
	void theTokenComesFromTheSettings() throws Exception {
		store.requireToken("hunter2");
		StorageException missing = assertThrows(StorageException.class, () -> open(Map.of()));
		assertEquals(Kind.PERMANENT, missing.kind());
		assertTrue(missing.getMessage().contains("mem.token") && missing.getMessage().contains("TIEPOINT_MEM_TOKEN"),
				missing.getMessage());
		StorageObject a = object("a.jpg", randomBytes(1000, 1));
		try (StorageSession wrong = open(Map.of(MemoryStorageProvider.TOKEN, "letmein"))) {
			StorageException e = assertThrows(StorageException.class, () -> put(wrong, a));
			assertEquals(Kind.UNAUTHORIZED, e.kind());
			assertFalse(e.getMessage().contains("letmein") || e.getMessage().contains("hunter2"), e.getMessage());
		}
		try (StorageSession right = open(Map.of(MemoryStorageProvider.TOKEN, "hunter2"))) {
			put(right, a);
		}
		assertEquals(List.of("survey/a.jpg"), store.objects().stream().map(MemoryObject::key).toList());
	}

	@Test
	void theStoreIsSharedBySessionsOfEveryProvider(@TempDir Path dir) throws Exception {
		byte[] bytes = randomBytes(300 * KIB, 2);
		StorageObject a = object("a.jpg", bytes);
		try (StorageSession first = open(Map.of())) {
			put(first, a);
		}
		try (StorageSession second = open(Map.of())) {
			assertEquals(bytes.length, second.feature(ExistsByChecksum.class).orElseThrow().find(a, MONITOR).orElseThrow().size());
			second.feature(RangedDownload.class).orElseThrow().download("a.jpg", dir.resolve("a.jpg"), MONITOR);
			assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("a.jpg")));
		}
		MemoryObject o = MemoryStore.named(name).object("survey/a.jpg").orElseThrow();
		assertEquals(a.sha1(), o.sha1());
		assertEquals(a.md5(), o.md5());
		assertEquals(bytes.length, o.size());
		assertEquals("image/jpeg", o.contentType());
		assertTrue(o.intact());
		assertEquals(1, store.requests(Request.PUT));
		assertEquals(1, store.requests(Request.HEAD));
		assertEquals(1, store.requests(Request.GET));
		assertEquals(bytes.length, store.bytesReceived());
		assertEquals(bytes.length, store.bytesSent());
	}

	@Test
	void injectedFailuresFailTheNextRequestsOnly() throws Exception {
		StorageObject a = object("a.jpg", randomBytes(1000, 3));
		store.faults().failNext(2, Kind.TRANSIENT).failNext(Request.HEAD, 1, Kind.UNAUTHORIZED);
		try (StorageSession s = open(Map.of())) {
			for (int i = 0; i < 2; i++) {
				assertEquals(Kind.TRANSIENT, assertThrows(StorageException.class, () -> put(s, a)).kind());
			}
			assertEquals(0, store.bytesReceived(), "a refused request carries no body");
			assertTrue(store.objects().isEmpty());
			put(s, a);
			ExistsByChecksum exists = s.feature(ExistsByChecksum.class).orElseThrow();
			StorageException e = assertThrows(StorageException.class, () -> exists.find(a, MONITOR));
			assertEquals(Kind.UNAUTHORIZED, e.kind());
			assertTrue(e.getMessage().contains("survey/a.jpg"), e.getMessage());
			assertTrue(exists.find(a, MONITOR).isPresent());
		}
		assertEquals(3, store.requests(Request.PUT));
		assertEquals(2, store.requests(Request.HEAD));
		assertEquals(3, store.faults().injected());
	}

	@Test
	void aResetKeepsTheAcknowledgedPartsAndTheResumeSendsTheRest() throws Exception {
		byte[] bytes = randomBytes(3 * MIB + MIB / 2, 4);
		StorageObject a = object("big.jpg", bytes);
		store.faults().resetAfter(2 * MIB + MIB / 2);
		try (StorageSession s = open(Map.of(MemoryStorageProvider.PART_SIZE, "1m"))) {
			MultipartPut put = s.feature(MultipartPut.class).orElseThrow();
			Recorder first = new Recorder();
			StorageException e = assertThrows(StorageException.class, () -> put.upload(a, null, first, MONITOR));
			assertEquals(Kind.TRANSIENT, e.kind(), e.getMessage());
			assertEquals(List.of((long) MIB, 2L * MIB), first.committed());
			assertEquals(1, store.openUploads());
			assertTrue(store.objects().isEmpty());

			Counting counting = new Counting(a.content());
			Recorder second = new Recorder();
			put.upload(withContent(a, counting), first.token(), second, MONITOR);
			assertEquals(bytes.length - 2L * MIB, counting.given(), "parts 3 and 4 only");
			assertEquals(List.of(2L * MIB, 3L * MIB, (long) bytes.length), second.committed());
		}
		assertEquals(1, store.requests(Request.LIST), "the resume asks the store which parts it holds");
		assertEquals(2 * MIB + MIB / 2 + bytes.length - 2L * MIB, store.bytesReceived());
		assertEquals(0, store.openUploads());
		assertArrayEquals(bytes, store.object("survey/big.jpg").orElseThrow().bytes());
	}

	@Test
	void partsOfAnotherSizeAreSentAgain() throws Exception {
		byte[] bytes = randomBytes(2 * MIB + 100, 5);
		StorageObject a = object("resized.jpg", bytes);
		Recorder first = new Recorder();
		try (StorageSession s = open(Map.of(MemoryStorageProvider.PART_SIZE, "1m"))) {
			store.faults().resetAfter(MIB + 10);
			assertThrows(StorageException.class,
					() -> s.feature(MultipartPut.class).orElseThrow().upload(a, null, first, MONITOR));
		}
		try (StorageSession s = open(Map.of(MemoryStorageProvider.PART_SIZE, "512k"))) {
			Counting counting = new Counting(a.content());
			s.feature(MultipartPut.class).orElseThrow().upload(withContent(a, counting), first.token(),
					TransferListener.NONE, MONITOR);
			assertEquals(bytes.length, counting.given(), "the part the store holds is not one of this plan's");
		}
		assertArrayEquals(bytes, store.object("survey/resized.jpg").orElseThrow().bytes());
	}

	@Test
	void anOffsetUploadKeepsItsCommittedChunks() throws Exception {
		byte[] bytes = randomBytes(MIB + 1000, 6);
		StorageObject a = object("offset.jpg", bytes);
		store.faults().resetAfter(600_000);
		try (StorageSession s = open(Map.of())) {
			OffsetResumable up = s.feature(OffsetResumable.class).orElseThrow();
			Recorder first = new Recorder();
			assertEquals(Kind.TRANSIENT, assertThrows(StorageException.class, () -> up.upload(a, null, first, MONITOR)).kind());
			assertEquals(List.of(256L * KIB, 512L * KIB), first.committed(), "chunks of 256 KiB are committed as they arrive");

			Counting counting = new Counting(a.content());
			Recorder second = new Recorder();
			up.upload(withContent(a, counting), first.token(), second, MONITOR);
			assertEquals(bytes.length - 512L * KIB, counting.given());
			assertEquals(512L * KIB, second.committed().get(0), "the offset the store reported");
			assertEquals(bytes.length, second.maxCommitted());

			Counting again = new Counting(a.content());
			assertEquals(bytes.length, up.upload(withContent(a, again), first.token(), TransferListener.NONE, MONITOR).size());
			assertEquals(0, again.given(), "a complete upload is not sent again");
		}
		assertEquals(2, store.requests(Request.OFFSET));
		assertArrayEquals(bytes, store.object("survey/offset.jpg").orElseThrow().bytes());
	}

	@Test
	void anExpiredUploadFailsOnceThenIsGone() throws Exception {
		StorageObject a = object("expiring.jpg", randomBytes(3 * MIB, 7));
		try (StorageSession s = open(Map.of(MemoryStorageProvider.PART_SIZE, "1m"))) {
			MultipartPut put = s.feature(MultipartPut.class).orElseThrow();
			Recorder first = new Recorder();
			store.faults().resetAfter(MIB + 1);
			assertThrows(StorageException.class, () -> put.upload(a, null, first, MONITOR));
			store.faults().expireUploads();
			StorageException e = assertThrows(StorageException.class, () -> put.upload(a, first.token(), TransferListener.NONE, MONITOR));
			assertEquals(Kind.EXPIRED, e.kind(), e.getMessage());
			assertTrue(e.getMessage().contains("survey/expiring.jpg"), e.getMessage());
			e = assertThrows(StorageException.class, () -> put.upload(a, first.token(), TransferListener.NONE, MONITOR));
			assertEquals(Kind.NOT_FOUND, e.kind(), e.getMessage());
			put.upload(a, null, TransferListener.NONE, MONITOR);
		}
		assertTrue(store.object("survey/expiring.jpg").orElseThrow().intact());
	}

	@Test
	void singlePutChecksTheLengthAndTheMd5() throws Exception {
		byte[] bytes = randomBytes(200 * KIB, 8);
		try (StorageSession s = open(Map.of())) {
			store.faults().corruptNext();
			StorageException e = assertThrows(StorageException.class, () -> put(s, object("damaged.jpg", bytes)));
			assertEquals(Kind.INTEGRITY, e.kind());
			assertTrue(e.getMessage().contains("BadDigest"), e.getMessage());

			StorageObject shorter = withContent(object("short.jpg", bytes), new Content() {
				@Override
				public long length() {
					return bytes.length;
				}

				@Override
				public InputStream open(long offset) {
					return new ByteArrayInputStream(bytes, (int) offset, bytes.length - 1000 - (int) offset);
				}
			});
			assertEquals(Kind.INTEGRITY, assertThrows(StorageException.class, () -> put(s, shorter)).kind());
			assertTrue(store.objects().isEmpty(), "nothing is stored: " + store.objects());

			store.faults().corruptNext();
			StorageObject a = object("unchecked.jpg", bytes);
			put(s, new StorageObject(a.name(), a.key(), a.content(), a.sha1(), null, a.contentType(), null, null));
		}
		MemoryObject stored = store.object("survey/unchecked.jpg").orElseThrow();
		assertFalse(stored.intact(), "without an MD5 the damage is stored, for the platform's verification to find");
		assertEquals(bytes.length, stored.size());
	}

	@Test
	void aDamagedPartIsStoredForTheVerificationToFind() throws Exception {
		byte[] bytes = randomBytes(3 * MIB, 9);
		StorageObject a = object("damaged-part.jpg", bytes);
		try (StorageSession s = open(Map.of())) {
			store.faults().corruptNext();
			s.feature(MultipartPut.class).orElseThrow().upload(a, null, TransferListener.NONE, MONITOR);
			assertTrue(s.feature(ExistsByChecksum.class).orElseThrow().find(a, MONITOR).isPresent(),
					"the declared SHA-1 is metadata, as S3's x-amz-meta-sha1");
		}
		MemoryObject o = store.object("survey/damaged-part.jpg").orElseThrow();
		assertFalse(o.intact());
		assertFalse(Arrays.equals(bytes, o.bytes()));
	}

	@Test
	void aRangedDownloadResumesAPartialFile(@TempDir Path dir) throws Exception {
		byte[] bytes = randomBytes(300 * KIB, 10);
		store.put("survey/r.jpg", bytes);
		Path file = dir.resolve("r.jpg");
		Files.write(file, Arrays.copyOf(bytes, 100 * KIB));
		try (StorageSession s = open(Map.of())) {
			RangedDownload down = s.feature(RangedDownload.class).orElseThrow();
			assertEquals(bytes.length, down.download("r.jpg", file, MONITOR).size());
			assertArrayEquals(bytes, Files.readAllBytes(file));
			assertEquals(200 * KIB, store.bytesSent(), "only the missing range is read");

			byte[] other = bytes.clone();
			other[10] ^= 1;
			Files.write(file, Arrays.copyOf(other, 100 * KIB));
			assertEquals(Kind.INTEGRITY, assertThrows(StorageException.class, () -> down.download("r.jpg", file, MONITOR)).kind());
			assertFalse(Files.exists(file), "a file that was not a part of the object is deleted");
			assertEquals(Kind.NOT_FOUND,
					assertThrows(StorageException.class, () -> down.download("absent.jpg", file, MONITOR)).kind());
		}
	}

	@Test
	void aUrlAuthorizesItsKeyUntilItExpires() throws Exception {
		store.requireToken("hunter2");
		byte[] bytes = randomBytes(1000, 11);
		URI url = store.lease("p1/a.jpg", Duration.ofHours(1));
		StorageObject a = objectOf("a.jpg", "p1/a.jpg", bytes, "image/jpeg", url, null);
		String lease = url.getRawQuery();
		try (StorageSession s = new MemoryStorageProvider().open(new StorageTarget(null, null, null, null, null))) {
			put(s, a);
			URI other = URI.create("mem://" + name + "/p1/b.jpg?" + lease);
			StorageException e = assertThrows(StorageException.class,
					() -> put(s, objectOf("b.jpg", "p1/b.jpg", bytes, "image/jpeg", other, null)));
			assertEquals(Kind.UNAUTHORIZED, e.kind());
			store.faults().expireLeases();
			e = assertThrows(StorageException.class, () -> put(s, a));
			assertEquals(Kind.EXPIRED, e.kind());
			assertFalse(e.getMessage().contains(lease), e.getMessage());
			assertEquals(Kind.PERMANENT, assertThrows(StorageException.class,
					() -> put(s, object("nowhere.jpg", bytes))).kind(), "a platform session has no store of its own");
			put(s, objectOf("DJI 0001.JPG", "p1/DJI 0001.JPG", bytes, "image/jpeg",
					store.lease("p1/DJI 0001.JPG", Duration.ofHours(1)), null));
		}
		assertEquals(List.of("p1/DJI 0001.JPG", "p1/a.jpg"), store.objects().stream().map(MemoryObject::key).toList());
	}

	@Test
	void aStallLongerThanTheStallTimeoutIsTransient() throws Exception {
		StorageObject a = object("slow.jpg", randomBytes(1000, 12));
		try (StorageSession s = new MemoryStorageProvider()
				.open(new StorageTarget(store.uri(), name, "survey", Map.of("stall.timeout", "1"), Map.of()))) {
			store.faults().stallNext(Duration.ofMinutes(5));
			long t0 = System.nanoTime();
			StorageException e = assertThrows(StorageException.class, () -> put(s, a));
			long ms = (System.nanoTime() - t0) / 1_000_000;
			assertEquals(Kind.TRANSIENT, e.kind());
			assertTrue(ms >= 1000 && ms < 10_000, "gave up after the stall timeout: " + ms + " ms");
			store.faults().latency(Duration.ofMillis(100));
			t0 = System.nanoTime();
			put(s, a);
			assertTrue(System.nanoTime() - t0 >= 100_000_000L, "latency applies");
		}
	}

	@Test
	void sessionsAreUsedFromSeveralThreads() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try (StorageSession s = open(Map.of(MemoryStorageProvider.PART_SIZE, "64k"))) {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 48; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					StorageObject o = object("t/" + n + ".jpg", randomBytes(100 * KIB + n, n));
					if (n % 3 == 0) {
						s.feature(MultipartPut.class).orElseThrow().upload(o, null, TransferListener.NONE, MONITOR);
					} else if (n % 3 == 1) {
						s.feature(OffsetResumable.class).orElseThrow().upload(o, null, TransferListener.NONE, MONITOR);
					} else {
						put(s, o);
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		} finally {
			pool.shutdownNow();
		}
		assertEquals(48, store.objects().size());
		assertTrue(store.objects().stream().allMatch(MemoryObject::intact));
		assertEquals(16, store.requests(Request.PUT));
		assertEquals(16, store.requests(Request.COMPLETE));
		assertEquals(0, store.openUploads());
	}

	@Test
	void resetEmptiesTheStore() throws Exception {
		store.put("x", new byte[] { 1 });
		store.requireToken("t").faults().failNext(5, Kind.TRANSIENT);
		MemoryStore.reset(name);
		assertTrue(store.objects().isEmpty());
		assertFalse(store.requiresToken());
		assertEquals(0, store.faults().injected());
		try (StorageSession s = open(Map.of())) {
			put(s, object("after.jpg", new byte[] { 2 }));
		}
		assertEquals(1, store.requests());
	}

	// ------------------------------------------------------------------ helpers

	private StorageSession open(Map<String, String> settings) throws StorageException {
		MemoryStorageProvider p = new MemoryStorageProvider();
		return p.open(p.destination(URI.create("mem://" + name + "/survey"), ProviderSettings.of(settings)));
	}

	private static StorageObject object(String key, byte[] bytes) {
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", null, null);
	}

	private static void put(StorageSession s, StorageObject o) throws StorageException {
		s.feature(SinglePut.class).orElseThrow().put(o, TransferListener.NONE, MONITOR);
	}
}
