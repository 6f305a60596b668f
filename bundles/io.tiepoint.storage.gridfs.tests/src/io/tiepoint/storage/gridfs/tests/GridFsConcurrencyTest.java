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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/** Two clients with the same content at once, and the client redirect between two hubs. */
class GridFsConcurrencyTest {

	@TempDir
	Path dir;

	@Test
	void twoClientsSameMd5OneUploadsTheOtherWaits() throws Exception {
		byte[] bytes = Fixture.random(2 * 1024 * 1024, 7);
		try (Hub hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
				StorageSession a = Fixture.session(hub.uri(), hub, null);
				StorageSession b = Fixture.session(hub.uri(), hub, null)) {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Callable<Object>> both = new ArrayList<>();
				List<String> busy = new java.util.concurrent.CopyOnWriteArrayList<>();
				for (StorageSession s : List.of(a, b)) {
					both.add(() -> {
						OffsetResumable up = s.feature(OffsetResumable.class).orElseThrow();
						StorageObject slow = Fixture.object("same.bin", bytes, 5);
						for (int i = 0; i < 200; i++) {
							try {
								return up.upload(slow, null, null, new NullProgressMonitor());
							} catch (StorageException e) {
								assertEquals(StorageException.Kind.BUSY, e.kind(), e.getMessage());
								busy.add(e.getMessage());
								Thread.sleep(100);
							}
						}
						throw new AssertionError("never finished");
					});
				}
				List<Future<Object>> results = pool.invokeAll(both);
				StoredObject one = (StoredObject) results.get(0).get();
				StoredObject two = (StoredObject) results.get(1).get();
				assertEquals(one.key(), two.key());
				assertTrue(!busy.isEmpty(), "one client was told AllowUpload 0 (BUSY) while the other uploaded");
			} finally {
				pool.shutdownNow();
			}
			long files = hub.diagnostics().storedFiles(Fixture.hex("MD5", bytes));
			assertEquals(1, files, "exactly one file");
		}
	}

	@Test
	void clientRedirectFollowsOnlyAllowedHosts() throws Exception {
		int p1 = freePort();
		int p2 = freePort();
		URI u1 = URI.create("http://127.0.0.1:" + p1 + "/");
		URI u2 = URI.create("http://127.0.0.1:" + p2 + "/");
		HubConfig.Builder c1 = HubConfig.builder(dir.resolve("hub1")).port(p1);
		HubConfig.Builder c2 = HubConfig.builder(dir.resolve("hub2")).port(p2);
		for (char c : "0123456789abcdef".toCharArray()) {
			if (c < '8') {
				c2.peer(String.valueOf(c), u1);
			} else {
				c1.peer(String.valueOf(c), u2);
			}
		}
		try (Hub hub1 = Hub.start(c1.build())) {
			// a partitioned deployment shares one credentials file
			java.nio.file.Files.createDirectories(dir.resolve("hub2"));
			java.nio.file.Files.copy(dir.resolve("hub1/credentials.properties"), dir.resolve("hub2/credentials.properties"));
			try (Hub hub2 = Hub.start(c2.build())) {
				redirect(hub1, hub2, u1, p2);
			}
		}
	}

	private static void redirect(Hub hub1, Hub hub2, URI u1, int p2) throws Exception {
		{
			byte[] bytes = null;
			for (long seed = 0; bytes == null || Fixture.hex("MD5", bytes).charAt(0) < '8'; seed++) {
				bytes = Fixture.random(300_000, seed);
			}
			StorageObject far = Fixture.object("far.bin", bytes, 0);
			try (StorageSession refused = Fixture.session(u1, hub1, null)) {
				StorageException e = assertThrows(StorageException.class, () -> refused.feature(OffsetResumable.class)
						.orElseThrow().upload(far, null, null, new NullProgressMonitor()));
				assertEquals(StorageException.Kind.PERMANENT, e.kind());
				assertTrue(e.getMessage().contains("allowedHosts") && e.getMessage().contains("far.bin"), e.getMessage());
			}
			try (StorageSession allowed = Fixture.session(u1, hub1, "127.0.0.1:" + p2)) {
				StoredObject stored = allowed.feature(OffsetResumable.class).orElseThrow().upload(far, null, null,
						new NullProgressMonitor());
				long onHub2 = hub2.diagnostics().storedFiles(far.md5());
				long onHub1 = hub1.diagnostics().storedFiles(far.md5());
				assertEquals(1, onHub2, "stored by the hub owning the prefix");
				assertEquals(0, onHub1);
				GridFsResumeTest.assertDownloaded(allowed, stored.key(), bytes);
			}
		}
	}

	static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}
}
