/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.folder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.storage.folder.FolderStorageProvider;
import io.tiepoint.testing.storage.StorageProviderConformance;

/**
 * The provider conformance suite against the local folder provider on a real folder (each test its own), and what
 * is particular to it: the files are filed by day and SHA-1, a file changed on the share is not found by checksum,
 * the destination URI names a folder of this machine.
 */
public class FolderConformanceTest extends StorageProviderConformance {

	@TempDir
	static Path dir;

	private static final AtomicInteger SESSIONS = new AtomicInteger();
	private Path root;

	@Override
	protected StorageSession openSession() throws Exception {
		root = Files.createDirectories(dir.resolve("nas-" + SESSIONS.incrementAndGet()));
		FolderStorageProvider provider = new FolderStorageProvider();
		return provider.open(provider.destination(URI.create("folder://" + root.toUri().getPath()),
				ProviderSettings.of(Map.of())));
	}

	@Override
	protected StorageObject object(String key, byte[] bytes) {
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", null, null);
	}

	@Override
	protected Set<Capability> optOuts() {
		return EnumSet.of(Capability.MULTIPART, Capability.OFFSET);
	}

	@Override
	protected String optOutReason(Capability capability) {
		return "a copy into a folder is one write (to a temporary file, moved in place when complete and checked):"
				+ " an interrupted copy is made again, there are no parts to resume from";
	}

	@Override
	protected boolean expires() {
		return false;
	}

	@Override
	protected String noExpiryReason() {
		return "a folder has no URLs, leases or credentials that expire";
	}

	@Test
	void filesAreFiledByDayAndChecksumAndAChangedFileIsNotFound() throws Exception {
		try (StorageSession session = openSession()) {
			byte[] bytes = "not really a JPEG".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			StorageObject object = object("flight/DJI_0001.JPG", bytes);
			StoredObject stored = session.feature(SinglePut.class).orElseThrow().put(object, TransferListener.NONE,
					new NullProgressMonitor());
			assertTrue(stored.key().matches("\\d{4}/\\d{2}/\\d{2}/" + object.sha1().substring(0, 2) + "/" + object.sha1()
					+ "-DJI_0001.JPG"), stored.key());
			Path file = root.resolve(stored.key());
			assertTrue(Files.isRegularFile(file), file.toString());
			try (Stream<Path> tmp = Files.list(root.resolve(".tiepoint/tmp"))) {
				assertEquals(0, tmp.count(), "no temporary file left");
			}
			ExistsByChecksum exists = session.feature(ExistsByChecksum.class).orElseThrow();
			assertTrue(exists.find(object, new NullProgressMonitor()).isPresent());
			byte[] changed = bytes.clone();
			changed[0] ^= 1;
			Files.write(file, changed); // someone edits the file on the share
			assertEquals(Optional.empty(), exists.find(object, new NullProgressMonitor()),
					"a file whose bytes changed is not the image: it is sent again");
		}
	}

	@Test
	void destinationsNameAFolderOfThisMachine() throws Exception {
		FolderStorageProvider provider = new FolderStorageProvider();
		ProviderSettings none = ProviderSettings.of(Map.of());
		StorageException host = assertThrows(StorageException.class,
				() -> provider.destination(URI.create("folder://nas/surveys"), none));
		assertTrue(host.getMessage().contains("three slashes"), host.getMessage());
		assertThrows(StorageException.class, () -> provider.destination(URI.create("folder:///"), none));
		assertThrows(StorageException.class, () -> provider.destination(URI.create("folder:///x?token=1"), none));
		StorageException missing = assertThrows(StorageException.class, () -> provider.open(
				provider.destination(URI.create("folder://" + dir.resolve("absent").toUri().getPath()), none)));
		assertTrue(missing.getMessage().contains("no such folder"), missing.getMessage());
		assertFalse(missing.retryable());
	}
}
