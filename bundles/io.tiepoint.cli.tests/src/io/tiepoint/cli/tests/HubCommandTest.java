/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.S3Settings;

/**
 * {@code tiepoint hub token} (print, add a user with an optional lifetime, revoke) and the option checks of
 * {@code tiepoint hub}, the command io.tiepoint.hub.embedded contributes: the S3 secret never on the command line.
 */
class HubCommandTest {

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		// `tiepoint hub` is contributed by io.tiepoint.hub.embedded through io.tiepoint.cli.commands
		String[] hub = new String[args.length + 1];
		hub[0] = "hub";
		System.arraycopy(args, 0, hub, 1, args.length);
		int code = Tiepoint.run(hub, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void tokenPrintsTheCredentialsAgainAndAddsUsers() throws IOException {
		String key;
		String token;
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			key = hub.appKey();
			token = hub.userToken();
		}
		Run shown = run("token", "--data", dir.toString());
		assertEquals(0, shown.code());
		assertEquals("key=" + key + System.lineSeparator() + "package=tiepoint" + System.lineSeparator() + "altitoken=" + token
				+ System.lineSeparator(), shown.out());
		Run added = run("token", "--data", dir.toString(), "--add-user", "dave");
		assertEquals(0, added.code());
		assertTrue(added.out().matches("altitoken=[A-Za-z0-9]{32}\\R"), added.out());
		assertEquals(1, run("token", "--data", dir.toString(), "--add-user", "dave").code());
		assertEquals(1, run("token", "--data", dir.resolve("none").toString()).code());
	}

	@Test
	void tokenRevokesAndGivesLifetimes() throws IOException {
		try (Hub hub = Hub.start(HubConfig.builder(dir).build())) {
			assertTrue(hub.uri() != null);
		}
		Run erin = run("token", "--data", dir.toString(), "--add-user", "erin", "--lifetime", "12h");
		assertEquals(0, erin.code(), erin.err());
		assertTrue(erin.out().matches("altitoken=[A-Za-z0-9]{32}\\Rexpires=\\S+Z\\R"), erin.out());
		Instant expires = Instant.parse(erin.out().lines().toList().get(1).substring("expires=".length()));
		assertTrue(Duration.between(Instant.now(), expires).toMinutes() > 11 * 60, expires::toString);
		Run revoked = run("token", "--data", dir.toString(), "--revoke", "erin");
		assertEquals(0, revoked.code(), revoked.err());
		assertTrue(revoked.out().contains("revoked the token of erin"), revoked.out());
		assertEquals(1, run("token", "--data", dir.toString(), "--revoke", "erin").code(), "no token left to revoke");
		assertEquals(0, run("token", "--data", dir.toString(), "--add-user", "erin").code(), "a new token after revocation");
		Run admin = run("token", "--data", dir.toString(), "--revoke", "admin");
		assertEquals(0, admin.code());
		assertTrue(run("token", "--data", dir.toString()).out().contains("--add-user admin"));
		assertEquals(2, run("token", "--data", dir.toString(), "--lifetime", "1h").code(), "--lifetime without --add-user");
		assertEquals(1, run("token", "--data", dir.toString(), "--add-user", "f", "--lifetime", "soon").code());
	}

	@Test
	void s3OptionsGoTogetherAndTheSecretNeverOnTheCommandLine() throws IOException {
		Run r = run("--data", dir.toString(), "--s3-endpoint", "http://127.0.0.1:1", "--s3-bucket", "b");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("go together"), r.err());
		Run visible = run("--data", dir.toString(), "--s3-secret-key", "hunter2-value");
		assertEquals(2, visible.code());
		assertTrue(visible.err().contains("--s3-secret-key-file") && !visible.err().contains("hunter2"), visible.err());
		Path key = Files.writeString(dir.resolve("s3.key"), "FROMFILE\n");
		assertEquals("FROMFILE", S3Settings.secretKey(key, Map.of()).orElseThrow());
		assertEquals("FROMENV", S3Settings.secretKey(null, Map.of(S3Settings.SECRET_KEY_ENV, "FROMENV")).orElseThrow());
		assertTrue(S3Settings.secretKey(null, Map.of()).isEmpty());
		Run empty = run("--data", dir.toString(), "--s3-secret-key-file", Files.writeString(dir.resolve("e"), "").toString());
		assertEquals(2, empty.code());
		assertTrue(empty.err().contains("empty"), empty.err());
	}

	@Test
	void realOssNeedsItsAccessKeyFromSettingsNeverFromTheCommandLine() {
		Run visible = run("--data", dir.toString(), "--oss-endpoint", "https://oss-cn-hangzhou.aliyuncs.com", "--oss-secret-key",
				"hunter2-value");
		assertEquals(2, visible.code());
		assertTrue(visible.err().contains("hub.oss.secret.key") && visible.err().contains("TIEPOINT_HUB_OSS_SECRET_KEY")
				&& !visible.err().contains("hunter2"), visible.err());
		Run missing = run("--data", dir.toString(), "--oss-endpoint", "https://oss-cn-hangzhou.aliyuncs.com", "--oss-bucket",
				"team-bucket", "--oss-role-arn", "acs:ram::1234567890123456:role/tiepoint-upload");
		assertEquals(2, missing.code());
		assertTrue(missing.err().contains("needs the setting hub.oss.access.key") && missing.err().contains(
				"TIEPOINT_HUB_OSS_ACCESS_KEY"), missing.err());
	}
}
