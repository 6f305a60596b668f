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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubCredentials;
import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.cloud.Names;

/** Credentials (created once, mode 600, printed once) and name rules. */
class SecurityTest {

	@TempDir
	Path dir;

	@Test
	void credentialsAreCreatedOncePrintedOnceAndPrivate() throws IOException {
		List<String> printed = new ArrayList<>();
		String key;
		String token;
		try (Hub hub = Hub.start(HubConfig.builder(dir).firstStart(printed::add).build())) {
			key = hub.appKey();
			token = hub.userToken();
		}
		assertEquals(List.of("key=" + key, "altitoken=" + token), printed);
		assertTrue(key.matches("[A-Za-z0-9]{32}") && token.matches("[A-Za-z0-9]{32}"));
		assertNotEquals(key, token);
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(CredentialsFile.FILE))));
		try (Hub hub = Hub.start(HubConfig.builder(dir).firstStart(printed::add).build())) {
			assertEquals(key, hub.appKey());
			assertEquals(token, hub.userToken());
		}
		assertEquals(2, printed.size(), "printed only on the first start");

		HubCredentials c = HubCredentials.open(dir);
		String carol = c.addUser("carol");
		assertThrows(IllegalArgumentException.class, () -> c.addUser("carol"));
		assertThrows(IllegalArgumentException.class, () -> c.addUser("../x"));
		CredentialsFile file = CredentialsFile.open(dir);
		assertEquals("carol", file.userOf(carol).orElseThrow());
		assertEquals("admin", file.userOf(token).orElseThrow());
		assertTrue(file.userOf(carol.substring(1)).isEmpty());
		assertTrue(file.userOf(null).isEmpty());
		assertTrue(file.isAppKey(key));
		assertTrue(!file.isAppKey(key + "x") && !file.isAppKey(null));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(CredentialsFile.FILE))));
	}

	@Test
	void namesCannotEscapeTheProjectPrefix() {
		assertEquals("DJI 0001.JPG", Names.sanitize(" DJI 0001.JPG "));
		for (String bad : new String[] { "../a.jpg", "a/b.jpg", "a\\b.jpg", "..", "", "a\u0000.jpg", "x".repeat(256) }) {
			assertThrows(IllegalArgumentException.class, () -> Names.sanitize(bad), bad);
		}
		String hashed = Names.hashed("a".repeat(40), "DJI_0001.JPG");
		assertTrue(hashed.matches("[0-9a-f]{24}\\.jpg"), hashed);
		assertNotEquals(hashed, Names.hashed("a".repeat(40), "DJI_0001.JPG"), "random part");
		assertEquals("jpg", Names.extension("weird.ext$"));
		assertEquals("abc/" + hashed, Names.key("abc", hashed));
		assertThrows(IllegalArgumentException.class, () -> Names.key("abc", "../x"));
		assertThrows(IllegalArgumentException.class, () -> Names.key("abc", "x/y"));
		assertEquals("image/tiff", Names.contentType(null, "a.TIF"));
		assertEquals("image/jpeg", Names.contentType("JPEG", "a.png"));
		assertThrows(IllegalArgumentException.class, () -> Names.checksum("g".repeat(40)));
	}
}
