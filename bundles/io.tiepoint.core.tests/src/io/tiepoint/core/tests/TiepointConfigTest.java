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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.config.TiepointConfig.Source;

class TiepointConfigTest {

	@TempDir
	Path dir;

	@Test
	void laterLayersWinAndRememberTheirOrigin() throws IOException, ConfigException {
		Path user = dir.resolve("user.properties");
		Files.writeString(user, "hub=https://hub.example\ncheck.threads=3\nupload.rate=1M\n");
		Path ws = dir.resolve("ws");
		Files.createDirectories(ws.resolve(".tiepoint"));
		Files.writeString(ws.resolve(".tiepoint/config.properties"), "check.threads=5\n");
		TiepointConfig c = TiepointConfig.load(Map.of("hub", "embedded", "check.threads", "2", "a", "b"), user, ws,
				Map.of("TIEPOINT_UPLOAD_RATE", "2M", "PATH", "/bin"), Map.of("a", "c"));
		assertEquals("https://hub.example", c.get("hub").orElseThrow());
		assertEquals(Source.USER_FILE, c.entry("hub").orElseThrow().source());
		assertEquals(5, c.getInt("check.threads", 1));
		assertEquals(Source.WORKSPACE_FILE, c.entry("check.threads").orElseThrow().source());
		assertEquals("2M", c.get("upload.rate").orElseThrow());
		assertEquals("TIEPOINT_UPLOAD_RATE", c.entry("upload.rate").orElseThrow().origin());
		assertEquals("c", c.get("a").orElseThrow());
		assertEquals(Source.OVERRIDE, c.entry("a").orElseThrow().source());
		assertTrue(c.get("path").isEmpty(), "only TIEPOINT_ variables are settings");
	}

	@Test
	void missingFilesAreFineButBadValuesNameTheirOrigin() throws ConfigException {
		TiepointConfig c = TiepointConfig.load(Map.of(), dir.resolve("absent"), dir, Map.of("TIEPOINT_CHECK_THREADS", "many"),
				Map.of());
		ConfigException e = assertThrows(ConfigException.class, () -> c.getInt("check.threads", 1));
		assertTrue(e.getMessage().contains("TIEPOINT_CHECK_THREADS"), e.getMessage());
		assertTrue(e.getMessage().contains("not an integer"), e.getMessage());
		assertEquals(7, c.getInt("absent.key", 7));
	}

	@Test
	void secretsAreMasked() throws ConfigException {
		TiepointConfig c = TiepointConfig.load(Map.of("s3.secret", "hunter2", "hub.altitoken", "t0k", "s3.access.key", "AK",
				"hub", "embedded"), null, null, Map.of(), Map.of());
		assertEquals("********", c.display("s3.secret"));
		assertEquals("********", c.display("hub.altitoken"));
		assertEquals("********", c.display("s3.access.key"));
		assertEquals("embedded", c.display("hub"));
		assertEquals("<unset>", c.display("nothing"));
	}

	@Test
	void unreadableFileIsAnErrorNamingTheFile() throws IOException {
		Path ws = dir.resolve("ws2");
		Files.createDirectories(ws.resolve(".tiepoint/config.properties")); // a folder where a file should be
		ConfigException e = assertThrows(ConfigException.class,
				() -> TiepointConfig.load(Map.of(), null, ws, Map.of(), Map.of()));
		assertTrue(e.getMessage().contains("config.properties"), e.getMessage());
	}
}
