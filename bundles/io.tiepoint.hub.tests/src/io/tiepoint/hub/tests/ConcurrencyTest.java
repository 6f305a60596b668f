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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/** Eight clients register the same 200 images at once: exactly 200 images exist afterwards. */
class ConcurrencyTest {

	private static final int CLIENTS = 8;
	private static final int IMAGES = 200;

	@TempDir
	Path dir;

	@Test
	void concurrentRegistrationOfTheSameImagesCreatesEachOnce() throws Exception {
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			Gql gql = Gql.of(hub);
			String pid = gql.createProject("race");
			ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
			try {
				List<Future<List<String>>> results = new ArrayList<>();
				for (int c = 0; c < CLIENTS; c++) {
					int client = c;
					Callable<List<String>> job = () -> {
						List<String> ids = new ArrayList<>();
						for (int k = 0; k < IMAGES; k++) {
							int i = (k + client * 25) % IMAGES; // clients start at different images, then overlap
							String sum = String.format("%040x", 0x5000L + i);
							gql.data(Docs.HAS_IMAGE, "pid", pid, "checksum", sum);
							JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "IMG_" + i + ".JPG", "type", "JPEG",
									"checksum", sum);
							ids.add(i + "=" + up.path("uploadImageGridFS").path("image").path("id").asText());
						}
						return ids;
					};
					results.add(pool.submit(job));
				}
				Set<String> pairs = new HashSet<>();
				for (Future<List<String>> f : results) {
					pairs.addAll(f.get());
				}
				assertEquals(IMAGES, pairs.size(), "every client got the same id for each image");
			} finally {
				pool.shutdownNow();
			}
			JsonNode all = gql.data(Docs.ALL_IMAGES, "id", pid).path("project").path("allImages");
			assertEquals(IMAGES, all.path("totalCount").asInt());
			Set<String> filenames = new HashSet<>();
			all.path("edges").forEach(e -> filenames.add(e.path("node").path("filename").asText()));
			assertEquals(IMAGES, filenames.size());
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}
