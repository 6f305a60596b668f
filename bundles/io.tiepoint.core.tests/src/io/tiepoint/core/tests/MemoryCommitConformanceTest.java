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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.testing.storage.StorageProviderConformance;
import io.tiepoint.testing.storage.memory.MemoryStorageProvider;
import io.tiepoint.testing.storage.memory.MemoryStore;

/**
 * The conformance suite on the in-memory provider in commit mode ({@link MemoryStore#commitInBatches(int)}, batches
 * of 5): objects exist once committed, the shape of Google Photos' upload tokens and media items. The suite's
 * batched-commit tests run here; uploads are committed before they are read back.
 */
public class MemoryCommitConformanceTest extends StorageProviderConformance {

	private static final AtomicInteger STORES = new AtomicInteger();
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
		String name = "conformance-commit-" + STORES.incrementAndGet();
		MemoryStore.reset(name);
		store = MemoryStore.named(name).commitInBatches(5);
		MemoryStorageProvider provider = new MemoryStorageProvider();
		return provider.open(provider.destination(URI.create("mem://" + name + "/ingest"), ProviderSettings.of(Map.of())));
	}

	@Override
	protected StorageObject object(String key, byte[] bytes) {
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", null, null);
	}

	@Override
	protected StorageObject expiredObject(String key, byte[] bytes) {
		URI url = store.lease("ingest/" + key, Duration.ofHours(1));
		store.faults().expireLeases();
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", url, null);
	}

	@Override
	protected Set<Capability> optOuts() {
		return Set.of(Capability.PUT, Capability.MULTIPART);
	}

	@Override
	protected String optOutReason(Capability capability) {
		return "in commit mode an object exists once committed: the session sends by offset only (a single or"
				+ " multipart put would store it at once)";
	}
}
