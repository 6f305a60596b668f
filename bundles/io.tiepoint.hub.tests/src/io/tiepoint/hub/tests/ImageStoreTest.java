/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;

/** The image store's compare-and-set state changes, on the embedded database. */
class ImageStoreTest {

	@TempDir
	Path dir;

	private static ImageRecord image(String pid, String checksum) {
		return new ImageRecord(new ObjectId().toHexString(), pid, null, null, checksum + ".JPG", checksum, false, null, null,
				HubImageState.Pending, List.of(), null, null, null, null, null, null, null, null, 0.0, null, null, false, null);
	}

	@Test
	void aDatabaseOpenedWithItsIndexesOnTheirWayHasThemOnceAwaited() throws Exception {
		try (Database db = Database.opening(dir, null)) {
			db.awaitIndexes();
			ImageStore images = new ImageStore(db, false);
			String pid = new ObjectId().toHexString();
			assertNotNull(images.insert(image(pid, "c".repeat(40))));
			assertNull(images.insert(image(pid, "c".repeat(40))), "the unique index on (pid, checksum) refuses a twin");
		}
		try (Database db = Database.opening(dir, null)) {
			assertNotNull(db.images()); // closed at once: the close waits for the indexes, not the driver closed under them
		}
		try (Database db = Database.open(dir, null)) {
			assertEquals(1, db.images().countDocuments());
		}
	}

	@Test
	void aStateChangeHappensOnceWhateverTheRace() throws Exception {
		try (Database db = Database.open(dir, null)) {
			for (boolean cache : new boolean[] { true, false }) {
				ImageStore images = new ImageStore(db, cache);
				String pid = new ObjectId().toHexString();
				ImageRecord doc = image(pid, "a".repeat(39) + (cache ? "1" : "2"));
				assertNotNull(images.insert(doc));
				images.findByChecksum(pid, doc.checksum()); // loads the project into the cache
				String id = doc.id();
				ExecutorService pool = Executors.newFixedThreadPool(8);
				try {
					CountDownLatch go = new CountDownLatch(1);
					List<Future<ImageRecord>> tries = new ArrayList<>();
					for (int i = 0; i < 16; i++) {
						Callable<ImageRecord> attempt = () -> {
							go.await();
							return images.setState(id, List.of(HubImageState.Pending), HubImageState.Uploaded, List.of());
						};
						tries.add(pool.submit(attempt));
					}
					go.countDown();
					int won = 0;
					for (Future<ImageRecord> f : tries) {
						won += f.get() == null ? 0 : 1;
					}
					assertEquals(1, won, "cache " + cache + ": one of 16 racing changes from Pending");
					List<Future<ImageRecord>> claims = new ArrayList<>();
					for (int i = 0; i < 16; i++) {
						claims.add(pool.submit(() -> images.claimForVerification(id)));
					}
					int claimed = 0;
					for (Future<ImageRecord> f : claims) {
						claimed += f.get() == null ? 0 : 1;
					}
					assertEquals(1, claimed, "cache " + cache + ": one verification claim");
				} finally {
					pool.shutdownNow();
				}
				ImageRecord now = images.find(id);
				assertEquals(HubImageState.Uploaded, now.state());
				assertTrue(now.verifying());
				assertEquals(2L, now.rev(), "each change increments the revision once");
			}
		}
	}

	@Test
	void aCopyBehindTheDatabaseNeitherWinsNorRefuses() throws Exception {
		try (Database db = Database.open(dir, null)) {
			// two caches on one database: b's copy falls behind when a writes
			ImageStore a = new ImageStore(db, true);
			ImageStore b = new ImageStore(db, true);
			String pid = new ObjectId().toHexString();
			ImageRecord doc = image(pid, "b".repeat(40));
			assertNotNull(a.insert(doc));
			String id = doc.id();
			assertNotNull(b.findByChecksum(pid, doc.checksum()));
			assertNotNull(b.setState(id, List.of(HubImageState.Pending), HubImageState.Uploading, List.of()));
			// b's cache now says Uploading (rev 1); a moves it on behind b's back
			assertNotNull(a.setState(id, List.of(HubImageState.Uploading), HubImageState.Uploaded, List.of()));
			// b's copy still passes "from Uploading", but the database has moved on: refused
			assertNull(b.setState(id, List.of(HubImageState.Uploading), HubImageState.Invalid, List.of("x")));
			// b's copy fails "from Uploaded", the database passes it: done
			ImageRecord ready = b.setState(id, List.of(HubImageState.Uploaded), HubImageState.Ready, List.of());
			assertNotNull(ready);
			assertEquals(HubImageState.Ready, a.find(id).state());
			assertEquals(3L, a.find(id).rev());
		}
	}

	@Test
	void imagesWrittenBeforeRevisionsStillChange() throws Exception {
		try (Database db = Database.open(dir, null)) {
			ImageStore images = new ImageStore(db, false);
			ObjectId oid = new ObjectId();
			Document old = new Document("_id", oid).append("pid", new ObjectId()).append("checksum", "c".repeat(40))
					.append("filename", "c".repeat(40) + ".JPG").append("state", HubImageState.Pending.name()); // no rev field
			db.images().insertOne(old);
			String id = oid.toHexString();
			assertNull(images.setState(id, List.of(HubImageState.Uploaded), HubImageState.Ready, List.of()));
			ImageRecord after = images.startUpload(id);
			assertNotNull(after);
			assertEquals(HubImageState.Uploading, after.state());
			assertEquals(1L, after.rev());
		}
	}

	@Test
	void theRevisionIndexServesTheCompareAndSet() throws Exception {
		try (Database db = Database.open(dir, null)) {
			boolean found = false;
			for (Document index : db.images().listIndexes()) {
				Document key = index.get("key", Document.class);
				if (key.keySet().equals(java.util.Set.of("_id", "rev")) && Boolean.TRUE.equals(index.get("unique"))) {
					found = true;
				}
			}
			assertTrue(found, "unique index (_id, rev): the embedded server scans the collection without it");
		}
	}
}
