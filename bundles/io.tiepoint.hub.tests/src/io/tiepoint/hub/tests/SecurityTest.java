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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubCredentials;
import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.cloud.Names;

/**
 * Credentials (created once, mode 600, never printed; tokens revoked or expired), the hub's own log in
 * its data directory, and name rules (finding 11 of the security issue).
 */
class SecurityTest {

	@TempDir
	Path dir;

	@Test
	void credentialsAreCreatedOncePrivateAndNeverPrinted() throws IOException {
		List<String> printed = new ArrayList<>();
		String key;
		String token;
		try (Hub hub = Hub.start(HubConfig.builder(dir).firstStart(printed::add).build())) {
			key = hub.appKey();
			token = hub.userToken();
		}
		assertEquals(1, printed.size(), printed::toString);
		assertFalse(printed.get(0).contains(key) || printed.get(0).contains(token), "a secret printed on the first start");
		assertTrue(printed.get(0).contains(dir.resolve(CredentialsFile.FILE).toAbsolutePath().toString())
				&& printed.get(0).contains("tiepoint hub token --data"), printed.get(0));
		assertTrue(key.matches("[A-Za-z0-9]{32}") && token.matches("[A-Za-z0-9]{32}"));
		assertNotEquals(key, token);
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(CredentialsFile.FILE))));
		try (Hub hub = Hub.start(HubConfig.builder(dir).firstStart(printed::add).build())) {
			assertEquals(key, hub.appKey());
			assertEquals(token, hub.userToken());
		}
		assertEquals(1, printed.size(), "told only on the first start");

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
	void revokedAndExpiredTokensAreRefusedAtTheNextCall() throws Exception {
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			HubCredentials c = HubCredentials.open(dir);
			Gql carol = Gql.of(hub).as(c.addUser("carol"));
			String pid = carol.createProject("carols");
			ResourceUser carolFiles = new ResourceUser(hub, c.addUser("erin"));
			assertEquals(200, carolFiles.get("Resource/GetUserFiles").status());
			c.revoke("carol");
			c.revoke("erin");
			assertEquals(401, carol.raw(Docs.PROJECT, Map.of("id", pid)).status(), "GraphQL with a revoked token");
			assertEquals(401, carolFiles.get("Resource/GetUserFiles").status(), "the resource service with a revoked token");
			assertThrows(IllegalArgumentException.class, () -> c.revoke("carol"));
			Gql again = Gql.of(hub).as(c.addUser("carol"));
			assertEquals("carols", again.data(Docs.PROJECT, "id", pid).path("project").path("name").asText(),
					"a new token for the same user: the projects stay theirs");

			Gql dan = Gql.of(hub).as(c.addUser("dan", Duration.ofSeconds(1)));
			assertTrue(c.expiry("dan").isPresent());
			dan.createProject("dans");
			Thread.sleep(1300);
			assertEquals(401, dan.raw(Docs.PROJECT, Map.of("id", pid)).status(), "GraphQL with an expired token");
		}
		assertEquals(Duration.ofDays(30), HubCredentials.parseLifetime("30d"));
		assertEquals(Duration.ofMinutes(90), HubCredentials.parseLifetime("90m"));
		assertEquals(Duration.ofHours(12), HubCredentials.parseLifetime("PT12H"));
		for (String bad : new String[] { "", "0d", "-1h", "soon", "P-1D" }) {
			assertThrows(IllegalArgumentException.class, () -> HubCredentials.parseLifetime(bad), bad);
		}
	}

	@Test
	void theHubLogsIntoItsDataDirectoryNotTheInstallation() throws Exception {
		List<IStatus> platformLog = new java.util.concurrent.CopyOnWriteArrayList<>();
		ILogListener listener = (status, plugin) -> {
			if ("io.tiepoint.hub".equals(status.getPlugin())) {
				platformLog.add(status);
			}
		};
		Platform.addLogListener(listener);
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			assertNotNull(hub.uri());
		} finally {
			Platform.removeLogListener(listener);
		}
		Path log = dir.resolve("hub.log");
		assertTrue(Files.exists(log), "no hub.log in the data directory");
		assertTrue(Files.readString(log).contains("hub listening on"), Files.readString(log));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
		assertEquals(List.of(), platformLog, "the hub's lines in the Eclipse log (the installation's configuration area)");
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
