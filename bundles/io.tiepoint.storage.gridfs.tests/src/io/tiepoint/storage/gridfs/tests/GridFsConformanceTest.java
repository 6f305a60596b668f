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

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubDiagnostics;
import io.tiepoint.testing.storage.StorageProviderConformance;

/**
 * The provider conformance suite against the GridFS provider and a hub's HTTP-resumable resource service
 * (offset-resumable uploads, exists by checksum, ranged download). Each session has its own package, so
 * each test starts on a destination where nothing is stored.
 */
public class GridFsConformanceTest extends StorageProviderConformance {

	@TempDir
	static Path dir;

	private static Hub hub;
	/** Key -> the last object made for it (a test makes its objects before it reads them back). */
	private final Map<String, StorageObject> made = new ConcurrentHashMap<>();

	@BeforeAll
	static void startHub() throws Exception {
		hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
	}

	@AfterAll
	static void stopHub() throws Exception {
		if (hub != null) {
			hub.close();
		}
	}

	@Override
	protected StorageSession openSession() throws Exception {
		return Fixture.session(hub.uri(), hub, null);
	}

	@Override
	protected int largeSize() {
		return 3 * HubDiagnostics.RESOURCE_CHUNK_SIZE + 777; // spans four chunks of the resource service
	}

	@Override
	protected StorageObject object(String key, byte[] bytes) {
		StorageObject object = objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", null, null);
		made.put(key, object);
		return object;
	}

	/** The service stores by content, under a FileID it assigns: an object is read back by looking it up. */
	@Override
	protected boolean contentAddressed() {
		return true;
	}

	@Override
	protected Optional<byte[]> readBack(StorageSession session, String key) throws Exception {
		StorageObject object = made.get(key);
		if (object == null) {
			return super.readBack(session, key); // a FileID
		}
		Optional<StoredObject> stored = session.feature(ExistsByChecksum.class).orElseThrow()
				.find(object, new NullProgressMonitor());
		return stored.isEmpty() ? Optional.empty() : super.readBack(session, stored.get().key());
	}

	@Override
	protected Set<Capability> optOuts() {
		return EnumSet.of(Capability.PUT, Capability.MULTIPART);
	}

	@Override
	protected String optOutReason(Capability capability) {
		return switch (capability) {
		case PUT, MULTIPART -> "the resource service's protocol is one offset-resumable upload per"
				+ " object (OffsetResumable), whatever its size";
		default -> null;
		};
	}

	@Override
	protected boolean expires() {
		return false;
	}

	@Override
	protected String noExpiryReason() {
		return "nothing the client holds expires: requests carry the hub's app key and user token, and"
				+ " an upload's lease only keeps it reserved for its client while it makes progress";
	}
}
