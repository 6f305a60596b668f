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

import static io.tiepoint.testing.storage.StorageProviderConformance.bytesContent;
import static io.tiepoint.testing.storage.StorageProviderConformance.hex;
import static io.tiepoint.testing.storage.StorageProviderConformance.randomBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.PlatformException.Kind;
import io.tiepoint.platform.Registration;
import io.tiepoint.platform.RemoteImage;
import io.tiepoint.platform.RemoteTask;
import io.tiepoint.platform.UploadRequest;
import io.tiepoint.testing.platform.PlatformStandIn;
import io.tiepoint.testing.platform.PlatformStandIn.Op;
import io.tiepoint.testing.storage.memory.MemoryStorageProvider;
import io.tiepoint.testing.storage.memory.MemoryStore;

/**
 * The platform stand-in behaves as the hub where the ingest engine relies on it: registration idempotent per
 * checksum, a URL the memory provider sends to, verification from the stored bytes, faults that fail a call
 * or lose its answer.
 */
class PlatformStandInTest {

	private static final AtomicInteger STORES = new AtomicInteger();

	private MemoryStore store;
	private PlatformStandIn platform;
	private StorageSession session;
	private String pid;

	@BeforeEach
	void start() throws Exception {
		String name = "standin-test-" + STORES.incrementAndGet();
		MemoryStore.reset(name);
		store = MemoryStore.named(name);
		platform = new PlatformStandIn(store);
		// as the ingest engine opens the session of a hub: no store of its own, the URLs say where
		session = new MemoryStorageProvider().open(new StorageTarget(URI.create("http://hub.invalid/"), null, "",
				Map.of("stall.timeout", "60"), Map.of("appId", "key", "license", "token")));
		pid = platform.createProject("survey");
	}

	@AfterEach
	void stop() {
		session.close();
		platform.close();
		MemoryStore.reset(store.name());
	}

	@Test
	void anImageGoesFromRegisteredToReady() throws Exception {
		byte[] bytes = randomBytes(50_000, 1);
		String sha1 = hex("SHA-1", bytes);
		assertEquals(Optional.empty(), platform.hasImage(pid, sha1));
		Registration reg = platform.register(request("a.jpg", sha1));
		assertEquals("Pending", reg.image().state());
		assertEquals("mem", reg.url().getScheme());
		assertEquals(store.name(), reg.url().getAuthority());
		assertEquals("/" + pid + "/" + reg.image().filename(), reg.url().getPath());
		assertNotNull(reg.expires());
		assertFalse(reg.toString().contains("lease="), "a Registration does not show the URL's query");
		assertEquals("Uploading", platform.startImageUpload(reg.image().id()).state());
		send(reg, "a.jpg", bytes);
		assertEquals("Uploaded", platform.doneImageUpload(reg.image().id()).state());
		RemoteImage ready = platform.image(pid, reg.image().id()).orElseThrow();
		assertTrue(ready.ready(), ready.toString());
		assertTrue(platform.hasImage(pid, sha1).orElseThrow().ready());
		assertEquals(List.of(ready), platform.allImages(pid, "Ready"));
		assertEquals(List.of(), platform.allImages(pid, "Pending"));
		assertTrue(store.object(pid + "/" + reg.image().filename()).orElseThrow().intact());
	}

	@Test
	void registrationIsIdempotentPerProjectAndChecksum() throws Exception {
		byte[] bytes = randomBytes(10_000, 2);
		String sha1 = hex("SHA-1", bytes);
		Registration first = platform.register(request("a.jpg", sha1));
		Registration again = platform.register(request("a-copy.jpg", sha1));
		assertEquals(first.image().id(), again.image().id());
		assertNotNull(again.url(), "a waiting image gets a new URL");
		assertNotEquals(first.url(), again.url());
		send(again, "a.jpg", bytes);
		platform.doneImageUpload(first.image().id());
		Registration done = platform.register(request("a.jpg", sha1));
		assertEquals("Ready", done.image().state());
		assertNull(done.url(), "a verified image needs no upload");
		assertEquals(3, platform.registrations(sha1));
		String other = platform.createProject("other");
		assertNotEquals(first.image().id(), platform.register(new UploadRequest(PlatformStandIn.MUTATION, null, other,
				null, "a.jpg", "JPEG", sha1, "url")).image().id(), "another project has its own image");
		assertEquals(3, platform.calls(Op.REGISTER) - 1);
	}

	@Test
	void bytesThatDifferFromTheChecksumAreInvalidUntilRegisteredAgain() throws Exception {
		byte[] bytes = randomBytes(10_000, 3);
		String sha1 = hex("SHA-1", bytes);
		Registration reg = platform.register(request("a.jpg", sha1));
		byte[] damaged = bytes.clone();
		damaged[5000] ^= 1;
		send(reg, "a.jpg", damaged, sha1);
		platform.doneImageUpload(reg.image().id());
		RemoteImage invalid = platform.image(pid, reg.image().id()).orElseThrow();
		assertTrue(invalid.invalid());
		assertTrue(invalid.error().get(0).contains("checksum mismatch") && invalid.error().get(0).contains(sha1),
				invalid.error().toString());

		Registration again = platform.register(request("a.jpg", sha1));
		assertEquals(reg.image().id(), again.image().id());
		assertEquals("Pending", again.image().state());
		assertEquals(List.of(), again.image().error());
		assertTrue(store.objects().isEmpty(), "the stale object is removed");
		send(again, "a.jpg", bytes);
		platform.doneImageUpload(again.image().id());
		assertTrue(platform.image(pid, again.image().id()).orElseThrow().ready());
	}

	@Test
	void doneBeforeTheBytesIsRejected() throws Exception {
		Registration reg = platform.register(request("a.jpg", hex("SHA-1", new byte[] { 1 })));
		PlatformException e = assertThrows(PlatformException.class, () -> platform.doneImageUpload(reg.image().id()));
		assertEquals(Kind.REJECTED, e.kind());
		assertEquals("NOT_UPLOADED", e.code());
		assertEquals(Kind.NOT_FOUND, assertThrows(PlatformException.class, () -> platform.doneImageUpload("image-x")).kind());
	}

	@Test
	void verificationMayTakeAWhile() throws Exception {
		platform.verifyAfter(Duration.ofHours(1));
		byte[] bytes = randomBytes(1000, 4);
		Registration reg = platform.register(request("a.jpg", hex("SHA-1", bytes)));
		send(reg, "a.jpg", bytes);
		platform.doneImageUpload(reg.image().id());
		assertEquals("Uploaded", platform.image(pid, reg.image().id()).orElseThrow().state());
		assertEquals("Uploaded", platform.doneImageUpload(reg.image().id()).state(), "done again changes nothing");
		platform.verifyNow();
		assertEquals("Ready", platform.images(pid).get(0).state());
	}

	@Test
	void aFailedCallDoesNothingALostAnswerTakesEffect() throws Exception {
		byte[] bytes = randomBytes(1000, 5);
		String sha1 = hex("SHA-1", bytes);
		platform.faults().failNext(Op.REGISTER, 2);
		for (int i = 0; i < 2; i++) {
			assertEquals(Kind.TRANSIENT, assertThrows(PlatformException.class, () -> platform.register(request("a.jpg", sha1))).kind());
		}
		assertEquals(List.of(), platform.images(pid));
		assertEquals(0, platform.registrations(sha1));

		platform.faults().loseAnswers(Op.REGISTER, 1);
		assertEquals(Kind.TRANSIENT, assertThrows(PlatformException.class, () -> platform.register(request("a.jpg", sha1))).kind());
		assertEquals(1, platform.images(pid).size(), "the registration took effect");
		Registration reg = platform.register(request("a.jpg", sha1));
		assertEquals(platform.images(pid).get(0).id(), reg.image().id());
		assertEquals(2, platform.registrations(sha1));
		assertEquals(4, platform.calls(Op.REGISTER));

		platform.faults().loseAnswers(Op.CREATE_PROJECT, 1).failNext(1);
		assertThrows(PlatformException.class, () -> platform.createProject("lost"));
		assertEquals(Optional.empty(), platform.findProject("lost"), "the first call failed before doing anything");
		assertThrows(PlatformException.class, () -> platform.createProject("lost"));
		String lost = platform.findProject("lost").orElseThrow();
		assertEquals(Optional.of("lost"), platform.projectName(lost));
		assertEquals(5, platform.faults().injected());
	}

	@Test
	void anExpiredUrlIsRefusedByTheStore() throws Exception {
		byte[] bytes = randomBytes(1000, 6);
		platform.urlValidity(Duration.ZERO);
		Registration reg = platform.register(request("a.jpg", hex("SHA-1", bytes)));
		StorageException e = assertThrows(StorageException.class, () -> send(reg, "a.jpg", bytes));
		assertEquals(StorageException.Kind.EXPIRED, e.kind());
		platform.urlValidity(Duration.ofMinutes(5));
		send(platform.register(request("a.jpg", hex("SHA-1", bytes))), "a.jpg", bytes);
		assertEquals("Uploaded", platform.doneImageUpload(reg.image().id()).state());
	}

	@Test
	void projectsAreFoundByNameOldestFirst() throws Exception {
		String second = platform.createProject("survey");
		assertNotEquals(pid, second);
		assertEquals(Optional.of(pid), platform.findProject("survey"));
		assertEquals(Optional.empty(), platform.findProject("nothing"));
		assertEquals(Optional.empty(), platform.projectName("project-none"));
		assertEquals(Kind.NOT_FOUND, assertThrows(PlatformException.class, () -> platform.allImages("project-none", null)).kind());
		assertEquals(Kind.NOT_FOUND, assertThrows(PlatformException.class, () -> platform.hasImage("project-none", "x")).kind());
		assertEquals(Kind.REJECTED, assertThrows(PlatformException.class, () -> platform.createProject(" ")).kind());
	}

	@Test
	void anotherCloudRegistersIntoItsStore() throws Exception {
		MemoryStore bucket = MemoryStore.named(store.name() + "-s3");
		MemoryStore.reset(bucket.name());
		platform.cloud("s3", "uploadImageS3", bucket);
		assertEquals(List.of("memory", "s3"), platform.supportedClouds("Image"));
		assertEquals(Optional.of(bucket.name()), platform.nearestBucket("s3"));
		byte[] bytes = randomBytes(1000, 7);
		String sha1 = hex("SHA-1", bytes);
		PlatformException e = assertThrows(PlatformException.class, () -> platform.register(
				new UploadRequest("uploadImageS3", "BucketS3", pid, "elsewhere", "a.jpg", "JPEG", sha1, "url")));
		assertEquals("BUCKET_NOT_SUPPORTED", e.code());
		assertEquals("CLOUD_NOT_SUPPORTED", assertThrows(PlatformException.class, () -> platform.register(
				new UploadRequest("uploadImageOSS", null, pid, null, "a.jpg", "JPEG", sha1, "url"))).code());
		Registration reg = platform.register(new UploadRequest("uploadImageS3", "BucketS3", pid, bucket.name(), "a.jpg",
				"JPEG", sha1, "url"));
		send(reg, "a.jpg", bytes);
		assertEquals(1, bucket.objects().size());
		assertTrue(store.objects().isEmpty());
		platform.doneImageUpload(reg.image().id());
		assertTrue(platform.image(pid, reg.image().id()).orElseThrow().ready());
	}

	@Test
	void aReconstructionStartsWithWhatIsReadyAndWaitsOnlyForImagesBeingVerified() throws Exception {
		assertEquals("NO_IMAGES", assertThrows(PlatformException.class, () -> platform.startReconstruction(pid, null)).code());
		assertEquals("NO_IMAGES", assertThrows(PlatformException.class,
				() -> platform.preStartReconstruction(pid, null, null)).code());
		byte[] bytes = randomBytes(1000, 8);
		Registration reg = platform.register(request("a.jpg", hex("SHA-1", bytes)));
		// registered, no bytes: nothing Ready; a Pending image does not hold a start up
		assertEquals("NO_IMAGES", assertThrows(PlatformException.class, () -> platform.startReconstruction(pid, null)).code());
		platform.verifyAfter(Duration.ofHours(1));
		send(reg, "a.jpg", bytes);
		platform.doneImageUpload(reg.image().id());
		// its bytes are being verified: the start waits for that
		assertEquals("IMAGES_NOT_READY", assertThrows(PlatformException.class,
				() -> platform.startReconstruction(pid, null)).code());
		RemoteTask pending = platform.preStartReconstruction(pid, "Native", null).orElseThrow();
		assertEquals("Pending", pending.state());
		assertEquals("ALREADY_RUNNING", assertThrows(PlatformException.class,
				() -> platform.preStartReconstruction(pid, null, null)).code());
		assertEquals("Pending", platform.latestTask(pid, "").orElseThrow().state());
		platform.verifyAfter(Duration.ZERO);
		RemoteTask started = platform.latestTask(pid, "").orElseThrow();
		assertEquals("Done", started.state(), "the pending task starts once every image is verified");
		assertEquals(pending.id(), started.id());

		Registration abandoned = platform.register(request("b.jpg", hex("SHA-1", randomBytes(1000, 9))));
		assertEquals("Pending", abandoned.image().state());
		RemoteTask t = platform.startReconstruction(pid, "Native");
		assertEquals("Native", t.taskType());
		assertTrue(t.finished());
		assertEquals(Optional.of(t), platform.latestTask(pid, ""));
		assertEquals(List.of(started, t), platform.tasks(pid));
		assertEquals(t, platform.stopReconstruction(pid));
	}

	// ------------------------------------------------------------------ helpers

	private UploadRequest request(String name, String sha1) {
		return new UploadRequest(PlatformStandIn.MUTATION, null, pid, null, name, "JPEG", sha1, "url");
	}

	private void send(Registration reg, String name, byte[] bytes) throws StorageException {
		send(reg, name, bytes, hex("SHA-1", bytes));
	}

	/**
	 * Sends as the ingest engine does, to the registration's URL under {@code pid/filename}; without an MD5, so
	 * that bytes which differ from the checksum reach the store.
	 */
	private void send(Registration reg, String name, byte[] bytes, String sha1) throws StorageException {
		StorageObject o = new StorageObject(name, pid + "/" + reg.image().filename(), bytesContent(bytes), sha1, null,
				"image/jpeg", reg.url(), reg.expires(), reg.grant());
		session.feature(SinglePut.class).orElseThrow().put(o, TransferListener.NONE, new NullProgressMonitor());
	}
}
