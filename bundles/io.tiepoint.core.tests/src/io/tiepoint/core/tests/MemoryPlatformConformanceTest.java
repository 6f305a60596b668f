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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.testing.storage.StorageProviderConformance;
import io.tiepoint.testing.storage.memory.MemoryObject;
import io.tiepoint.testing.storage.memory.MemoryStorageProvider;
import io.tiepoint.testing.storage.memory.MemoryStore;

/**
 * The conformance suite on the in-memory provider, platform flow: the session is opened as the ingest
 * engine opens one for a hub (no store of its own), and every object carries the URL a platform hands out
 * ({@link MemoryStore#lease}). The resumable tests run through OffsetResumable here.
 */
public class MemoryPlatformConformanceTest extends StorageProviderConformance {

	private static final AtomicInteger STORES = new AtomicInteger();
	/** Where the URLs put the objects, as a platform's do ({@code pid/filename}). */
	private static final String PROJECT = "project-1/";
	private MemoryStore store;

	/** The store is process-wide: its objects would stay for the rest of the run. */
	@AfterEach
	void emptyTheStore() {
		if (store != null) {
			MemoryStore.reset(store.name());
		}
	}

	@Override
	protected StorageSession openSession() throws Exception {
		String name = "conformance-platform-" + STORES.incrementAndGet();
		MemoryStore.reset(name);
		store = MemoryStore.named(name);
		return new MemoryStorageProvider().open(new StorageTarget(URI.create("http://hub.invalid/"), null, "",
				Map.of("packageName", "tiepoint", "stall.timeout", "60"), Map.of("appId", "key", "license", "token")));
	}

	@Override
	protected StorageObject object(String key, byte[] bytes) {
		Duration validity = Duration.ofHours(1);
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg",
				store.lease(PROJECT + key, validity), Instant.now().plus(validity));
	}

	@Override
	protected StorageObject expiredObject(String key, byte[] bytes) {
		URI url = store.lease(PROJECT + key, Duration.ofHours(1));
		store.faults().expireLeases();
		// no urlExpires: the store itself refuses the URL
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", url, null);
	}

	/** A platform session has no store of its own to download from: the test reads the store. */
	@Override
	protected Optional<byte[]> readBack(StorageSession session, String key) {
		return store.object(PROJECT + key).map(MemoryObject::bytes);
	}

	@Override
	protected Set<Capability> optOuts() {
		return Set.of(Capability.MULTIPART);
	}

	@Override
	protected String optOutReason(Capability capability) {
		return capability == Capability.MULTIPART ? "this class runs the resume and cancellation tests through"
				+ " OffsetResumable (a resumable upload URL, as the GridFS flow has); MultipartPut is covered by"
				+ " MemoryProviderConformanceTest" : null;
	}
}
