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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.storage.gridfs.GridFsStorageProvider;

/**
 * A hub that registers another package than Tiepoint's: the provider sends the setting {@code gridfs.package}
 * (which the platform flow passes among the options) over its default, and a wrong package is refused as
 * unauthorized.
 */
class GridFsPackageTest {

	@TempDir
	Path dir;

	private static StorageSession session(Hub hub, Map<String, String> options) throws StorageException {
		return new GridFsStorageProvider().open(new StorageTarget(hub.uri(), null, "", options,
				Map.of("appId", hub.appKey(), "license", hub.userToken())));
	}

	@Test
	void theSettingGridfsPackageIsSent() throws Exception {
		Path data = dir.resolve("hub");
		try (Hub hub = Hub.start(HubConfig.builder(data).build())) {
			Path file = data.resolve("credentials.properties");
			Files.writeString(file, Files.readString(file) + "package=com.example.survey\n");
			byte[] bytes = Fixture.random(1000, 61);
			try (StorageSession s = session(hub, Map.of("packageName", "tiepoint", "gridfs.package", "com.example.survey"))) {
				assertEquals(Fixture.hex("MD5", bytes), s.feature(OffsetResumable.class).orElseThrow()
						.upload(Fixture.object("p.bin", bytes, 0), null, null, new NullProgressMonitor()).md5());
			}
			try (StorageSession s = session(hub, Map.of("packageName", "tiepoint"))) {
				StorageException e = assertThrows(StorageException.class, () -> s.feature(OffsetResumable.class)
						.orElseThrow().upload(Fixture.object("q.bin", Fixture.random(10, 62), 0), null, null,
								new NullProgressMonitor()));
				assertEquals(StorageException.Kind.UNAUTHORIZED, e.kind(), e.getMessage());
			}
		}
	}
}
