/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubDiagnostics;
import io.tiepoint.testing.net.FaultProxy;

/**
 * Interrupt-then-resume through the provider: a connection cut mid-body by a loopback proxy, and the
 * hub closed mid-upload and started again on the same directory. The client resumes from the server's
 * offset, re-sends less than one chunk, and what is stored has the source's md5 and sha1.
 */
class GridFsResumeTest {

	private static final int CHUNK = HubDiagnostics.RESOURCE_CHUNK_SIZE;

	@TempDir
	Path dir;

	@Test
	void connectionCutMidBodyResumesFromServerOffset() throws Exception {
		byte[] bytes = Fixture.random(3 * 1024 * 1024 + 12345, 1);
		StorageObject object = Fixture.object("cut/one.bin", bytes, 0);
		try (FaultProxy proxy = FaultProxy.start();
				Hub hub = Fixture.behind(proxy, dir.resolve("hub"));
				StorageSession session = Fixture.session(URI.create("http://127.0.0.1:" + proxy.port() + "/"), hub, null)) {
			OffsetResumable up = session.feature(OffsetResumable.class).orElseThrow();
			long cutAt = 5L * CHUNK / 2 + 7777; // mid-chunk
			proxy.cutPostAfter(cutAt, 1);
			Fixture.Recorder first = new Fixture.Recorder();
			StorageException e = assertThrows(StorageException.class,
					() -> up.upload(object, null, first, new NullProgressMonitor()));
			assertEquals(StorageException.Kind.TRANSIENT, e.kind(), e.getMessage());
			assertTrue(e.getMessage().contains("cut/one.bin"), e.getMessage());
			assertNotNull(first.token, "the UUrl is reported as resume token");
			assertEquals(cutAt, proxy.bodyForwardedAtCut());
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (hub.diagnostics().resourceBytesReceived() < cutAt && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			Thread.sleep(200); // the server commits the last whole chunk it read
			long serverBefore = hub.diagnostics().resourceBytesReceived();

			Fixture.Recorder second = new Fixture.Recorder();
			StoredObject stored = up.upload(object, first.token, second, new NullProgressMonitor());
			long resumedFrom = second.committed.get(0);
			assertEquals(2L * CHUNK, resumedFrom, "resumes from the last whole chunk the server committed");
			long resent = cutAt - resumedFrom;
			assertTrue(resent >= 0 && resent < CHUNK, "re-sent " + resent + " bytes, less than one chunk");
			long serverGot = hub.diagnostics().resourceBytesReceived() - serverBefore;
			assertEquals(bytes.length - resumedFrom, serverGot, "the second attempt sends only the rest");
			assertEquals(bytes.length, stored.size());
			assertEquals(Fixture.hex("MD5", bytes), stored.md5());
			assertDownloaded(session, stored.key(), bytes);
		}
	}

	@Test
	void hubClosedMidUploadResumesAfterRestart() throws Exception {
		byte[] bytes = Fixture.random(4 * 1024 * 1024, 2);
		StorageObject slow = Fixture.object("killed.bin", bytes, 20);
		Path data = dir.resolve("hub");
		Hub hub = Hub.start(HubConfig.builder(data).build());
		int port = hub.uri().getPort();
		URI endpoint = hub.uri();
		String key = hub.appKey();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (StorageSession session = Fixture.session(endpoint, hub, null)) {
			OffsetResumable up = session.feature(OffsetResumable.class).orElseThrow();
			Fixture.Recorder first = new Fixture.Recorder();
			Future<StoredObject> running = pool.submit(() -> up.upload(slow, null, first, new NullProgressMonitor()));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (hub.diagnostics().resourceBytesReceived() < 3L * CHUNK + 1000 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			hub.close();
			long receivedBeforeKill = hub.diagnostics().resourceBytesReceived();
			Exception e = assertThrows(Exception.class, () -> running.get());
			StorageException se = (StorageException) e.getCause();
			assertEquals(StorageException.Kind.TRANSIENT, se.kind(), se.getMessage());

			hub = Hub.start(HubConfig.builder(data).port(port).build());
			assertEquals(key, hub.appKey());
			Fixture.Recorder second = new Fixture.Recorder();
			StoredObject stored = up.upload(Fixture.object("killed.bin", bytes, 0), first.token, second,
					new NullProgressMonitor());
			long resumedFrom = second.committed.get(0);
			assertTrue(resumedFrom > 0 && resumedFrom % CHUNK == 0, "resumed from " + resumedFrom);
			long resent = receivedBeforeKill - resumedFrom;
			assertTrue(resent >= 0 && resent < CHUNK, "re-sent " + resent + " bytes (received before the kill "
					+ receivedBeforeKill + ", resumed from " + resumedFrom + ")");
			assertEquals(Fixture.hex("MD5", bytes), stored.md5());
			assertDownloaded(session, stored.key(), bytes);
		} finally {
			pool.shutdownNow();
			hub.close();
		}
	}

	@Test
	void completeFilesAreSkippedAndFoundByChecksum() throws Exception {
		byte[] bytes = Fixture.random(600_000, 3);
		StorageObject object = Fixture.object("skip.bin", bytes, 0);
		try (Hub hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
				StorageSession session = Fixture.session(hub.uri(), hub, null)) {
			ExistsByChecksum exists = session.feature(ExistsByChecksum.class).orElseThrow();
			assertTrue(exists.find(object, new NullProgressMonitor()).isEmpty());
			OffsetResumable up = session.feature(OffsetResumable.class).orElseThrow();
			StoredObject first = up.upload(object, null, new Fixture.Recorder(), new NullProgressMonitor());
			long received = hub.diagnostics().resourceBytesReceived();
			Fixture.Recorder again = new Fixture.Recorder();
			StoredObject second = up.upload(object, null, again, new NullProgressMonitor());
			assertEquals(first.key(), second.key());
			assertEquals(received, hub.diagnostics().resourceBytesReceived(), "nothing is sent again");
			assertEquals(java.util.List.of((long) bytes.length), again.committed);
			assertEquals(first.key(), exists.find(object, new NullProgressMonitor()).orElseThrow().key());
			assertTrue(session.feature(io.tiepoint.core.storage.MultipartPut.class).isEmpty());
		}
	}

	@Test
	void rangedDownloadResumesPartialFileAndRejectsCorruptOne() throws Exception {
		byte[] bytes = Fixture.random(1_500_000, 4);
		try (Hub hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
				StorageSession session = Fixture.session(hub.uri(), hub, null)) {
			StoredObject stored = session.feature(OffsetResumable.class).orElseThrow()
					.upload(Fixture.object("dl.bin", bytes, 0), null, null, new NullProgressMonitor());
			RangedDownload down = session.feature(RangedDownload.class).orElseThrow();
			Path partial = dir.resolve("partial.bin");
			Files.write(partial, Arrays.copyOf(bytes, 700_001));
			StoredObject got = down.download(stored.key(), partial, new NullProgressMonitor());
			assertEquals(Fixture.hex("SHA-1", bytes), got.sha1());
			assertTrue(Arrays.equals(bytes, Files.readAllBytes(partial)));
			Path corrupt = dir.resolve("corrupt.bin");
			byte[] wrong = Arrays.copyOf(bytes, 1000);
			wrong[10] ^= 1;
			Files.write(corrupt, wrong);
			StorageException e = assertThrows(StorageException.class,
					() -> down.download(stored.key(), corrupt, new NullProgressMonitor()));
			assertEquals(StorageException.Kind.INTEGRITY, e.kind());
			assertFalse(Files.exists(corrupt), "a corrupt download is deleted");
			StorageException missing = assertThrows(StorageException.class,
					() -> down.download("0123456789abcdef0123456789abcdef", dir.resolve("x"), new NullProgressMonitor()));
			assertEquals(StorageException.Kind.NOT_FOUND, missing.kind(), missing.getMessage());
		}
	}

	@Test
	void cancellationBetweenChunksStopsTheUpload() throws Exception {
		byte[] bytes = Fixture.random(3 * 1024 * 1024, 5);
		try (Hub hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
				StorageSession session = Fixture.session(hub.uri(), hub, null)) {
			NullProgressMonitor monitor = new NullProgressMonitor();
			StorageObject object = new StorageObject("cancel.bin", "cancel.bin", new io.tiepoint.core.storage.Content() {
				@Override
				public long length() {
					return bytes.length;
				}

				@Override
				public java.io.InputStream open(long offset) {
					return new java.io.ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset) {
						@Override
						public synchronized int read(byte[] b, int off, int len) {
							if (pos > 600_000) {
								monitor.setCanceled(true);
							}
							return super.read(b, off, len);
						}
					};
				}
			}, Fixture.hex("SHA-1", bytes), Fixture.hex("MD5", bytes), null, null, null);
			StorageException e = assertThrows(StorageException.class, () -> session.feature(OffsetResumable.class)
					.orElseThrow().upload(object, null, null, monitor));
			assertEquals(StorageException.Kind.CANCELED, e.kind(), e.getMessage());
		}
	}

	@Test
	void missingSecretsAreRefusedWithoutShowingThem() {
		StorageException e = assertThrows(StorageException.class,
				() -> new io.tiepoint.storage.gridfs.GridFsStorageProvider().open(new io.tiepoint.core.storage.StorageTarget(
						URI.create("http://127.0.0.1:1/"), null, null, null, java.util.Map.of("appId", "SECRETAPPID"))));
		assertEquals(StorageException.Kind.PERMANENT, e.kind());
		assertTrue(e.getMessage().contains("license"));
		assertFalse(e.getMessage().contains("SECRETAPPID"));
	}

	static void assertDownloaded(StorageSession session, String fileId, byte[] bytes) throws Exception {
		Path to = Files.createTempFile("gridfs", ".bin");
		Files.delete(to);
		try {
			StoredObject got = session.feature(RangedDownload.class).orElseThrow().download(fileId, to,
					new NullProgressMonitor());
			assertEquals(Fixture.hex("MD5", bytes), got.md5());
			assertEquals(Fixture.hex("SHA-1", bytes), got.sha1());
			assertEquals(Fixture.hex("SHA-1", bytes), Fixture.hex("SHA-1", Files.readAllBytes(to)));
		} finally {
			Files.deleteIfExists(to);
		}
	}
}
