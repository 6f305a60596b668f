/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.tests;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.testing.gphotos.PhotosLibrary;
import io.tiepoint.testing.storage.StorageProviderConformance;

/**
 * The conformance suite on the Google Photos provider against the stand-in: a new album per test, chunks of 1 MiB
 * (the suite's 3 MiB objects go in three), the media items read back from the stand-in. Its uploads are committed
 * (media items made of the upload tokens) before they are read back or looked up: the suite's batched-commit tests
 * run here.
 */
public class GooglePhotosConformanceTest extends StorageProviderConformance {

	private static final AtomicInteger ALBUMS = new AtomicInteger();
	private Fixture fixture;
	private String album;

	@BeforeEach
	void startServer() throws Exception {
		fixture = new Fixture();
		fixture.server.library().acceptAnyBytes(true); // the suite sends random bytes, not photos
	}

	@AfterEach
	void stopServer() {
		fixture.close();
	}

	@Override
	protected StorageSession openSession() throws Exception {
		album = "Conformance " + ALBUMS.incrementAndGet();
		return fixture.open(album, Map.of(PhotosConfig.CHUNK_SIZE, "1m"));
	}

	@Override
	protected StorageObject object(String key, byte[] bytes) {
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", null, null);
	}

	@Override
	protected Optional<byte[]> readBack(StorageSession session, String key) {
		return fixture.server.library().items(album).stream().filter(i -> i.filename().equals(key))
				.map(PhotosLibrary.MediaItem::bytes).reduce((a, b) -> {
					throw new AssertionError("two media items named " + key + " in " + album);
				});
	}

	/** An album is looked up by the SHA-1 its media items' descriptions carry, whatever their file names. */
	@Override
	protected boolean contentAddressed() {
		return true;
	}

	@Override
	protected Set<Capability> optOuts() {
		return EnumSet.of(Capability.PUT, Capability.MULTIPART);
	}

	@Override
	protected String optOutReason(Capability capability) {
		return "Google Photos takes bytes through the resumable upload protocol only (seed 004: offset chunks; a file up"
				+ " to the chunk size in one 'upload, finalize')";
	}

	@Override
	protected boolean expires() {
		return false;
	}

	@Override
	protected String noExpiryReason() {
		return "nothing a send is given expires: access tokens are refreshed by the session (GooglePhotosProviderTest"
				+ " lets them expire mid-upload), and the upload tokens that do expire are the commits' (batchCommit tests,"
				+ " expired tokens uploaded again in GooglePhotosIngestTest)";
	}
}
