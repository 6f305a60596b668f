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
 * The conformance suite on the in-memory reference provider, direct flow: a fresh store per test opened
 * from {@code mem://STORE/ingest} as {@code --to} would, 1 MiB parts (the suite's 3 MiB objects go in three).
 * Nothing is opted out: an expired object is one with a URL of the store whose lease has expired.
 */
public class MemoryProviderConformanceTest extends StorageProviderConformance {

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
		String name = "conformance-direct-" + STORES.incrementAndGet();
		MemoryStore.reset(name);
		store = MemoryStore.named(name);
		MemoryStorageProvider provider = new MemoryStorageProvider();
		return provider.open(provider.destination(URI.create("mem://" + name + "/ingest"),
				ProviderSettings.of(Map.of(MemoryStorageProvider.PART_SIZE, "1m"))));
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
		return Set.of();
	}
}
