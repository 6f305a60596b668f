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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.cli.Tiepoint;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.storage.gphotos.internal.SecretFile;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.gphotos.PhotosServer.Call;

/**
 * The command line with the Google Photos provider installed, in process ({@code Tiepoint.run}), against the
 * stand-in: {@code tiepoint providers} lists it, {@code tiepoint auth gphotos} (a refresh token from standard input,
 * or the loopback flow with PKCE through a stand-in browser) keeps the token in the secret store (mode 600), and
 * {@code tiepoint ingest --to gphotos://Flight%2042} makes every image a media item of the album once; bad input is
 * refused with its reason. No secret appears in any output or in the journal.
 */
class GooglePhotosCommandTest {

	@TempDir
	Path tmp;
	private Fixture fx;
	private Path ws;
	private Path secrets;
	private InputStream stdin;

	private record Result(int code, String out, String err) {
	}

	@BeforeEach
	void setUp() throws Exception {
		fx = new Fixture();
		ws = Files.createDirectories(tmp.resolve("ws"));
		Files.createDirectories(ws.resolve(".tiepoint"));
		Files.writeString(ws.resolve(".tiepoint/config.properties"), fx.configFile(false));
		secrets = tmp.resolve("config/tiepoint/secrets.properties");
		System.setProperty(SecretFile.PROPERTY, secrets.toString());
		stdin = System.in;
	}

	@AfterEach
	void tearDown() {
		System.clearProperty(SecretFile.PROPERTY);
		System.setIn(stdin);
		fx.close();
	}

	private Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Tiepoint.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
		Result r = new Result(code, out.toString(), err.toString());
		for (String secret : new String[] { fx.refreshToken, Fixture.SECRET }) {
			assertFalse(r.out.contains(secret) || r.err.contains(secret), "a secret in the output of " + String.join(" ",
					args));
		}
		return r;
	}

	private Result authFromStdin(String token) {
		System.setIn(new ByteArrayInputStream((token + "\n").getBytes(StandardCharsets.UTF_8)));
		return run("auth", "gphotos", "--refresh-token-from-stdin", "--workspace", ws.toString());
	}

	@Test
	void providersListsGooglePhotos() {
		Result r = run("providers");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("gphotos") && r.out.contains("Google Photos") && r.out.contains("gphotos://"), r.out);
		assertTrue(r.out.contains("gphotos.client.id") && r.out.contains("TIEPOINT_GPHOTOS_REFRESH_TOKEN"), r.out);
	}

	@Test
	void aRefreshTokenFromStandardInputIsCheckedAndKeptInAFileOfMode600() throws Exception {
		Result bad = authFromStdin("1//not-a-token-the-server-knows");
		assertEquals(1, bad.code, bad.out);
		assertTrue(bad.err.contains("refused") && bad.err.contains("tiepoint auth gphotos"), bad.err);
		assertFalse(Files.exists(secrets), "nothing stored");
		Result ok = authFromStdin(fx.refreshToken);
		assertEquals(0, ok.code, ok.err);
		assertTrue(ok.out.contains(secrets.toString()) && ok.out.contains("mode 600"), ok.out);
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
		assertEquals(fx.refreshToken, new SecretFile(secrets).get(PhotosConfig.REFRESH_TOKEN).orElseThrow());
	}

	@Test
	void theLoopbackFlowWithPkceStoresTheRefreshToken() throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Tiepoint.run(new String[] { "auth",
				"gphotos", "--no-browser", "--timeout", "60", "--workspace", ws.toString() }, new PrintWriter(out, true),
				new PrintWriter(err, true), Map.of()));
		URI url = awaitUrl(out);
		assertTrue(url.getRawQuery().contains("code_challenge_method=S256") && url.getRawQuery().contains("scope="), url
				.toString());
		browse(url);
		assertEquals(0, code.get().intValue(), err.toString());
		assertEquals(1, fx.server.auth().codeExchanges());
		String stored = new SecretFile(secrets).get(PhotosConfig.REFRESH_TOKEN).orElseThrow();
		assertTrue(fx.server.auth().refreshTokens().contains(stored), "the server's refresh token is stored");
		assertFalse(out.toString().contains(stored), "the token is not printed");

		fx.server.auth().denyConsent(true);
		StringWriter out2 = new StringWriter();
		StringWriter err2 = new StringWriter();
		CompletableFuture<Integer> denied = CompletableFuture.supplyAsync(() -> Tiepoint.run(new String[] { "auth",
				"gphotos", "--no-browser", "--timeout", "60", "--workspace", ws.toString() }, new PrintWriter(out2, true),
				new PrintWriter(err2, true), Map.of()));
		browse(awaitUrl(out2));
		assertEquals(1, denied.get().intValue());
		assertTrue(err2.toString().contains("access_denied"), err2.toString());
	}

	/** Waits for the command to print the authorization URL. */
	private static URI awaitUrl(StringWriter out) throws InterruptedException {
		Pattern p = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/o/oauth2/v2/auth\\?\\S+)");
		for (int i = 0; i < 300; i++) {
			Matcher m = p.matcher(out.toString());
			if (m.find()) {
				return URI.create(m.group(1));
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no authorization URL printed: " + out);
	}

	/** What a browser does: the consent page redirects to the loopback address, which answers. */
	private static void browse(URI url) throws Exception {
		HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> r = browser.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
		assertTrue(r.body().contains("Tiepoint"), r.body());
	}

	@Test
	void ingestToAnAlbumThenAgainSendsNothing() throws Exception {
		assertEquals(0, authFromStdin(fx.refreshToken).code);
		Path images = Files.createDirectories(tmp.resolve("flight"));
		TestData.distinctCopies(TestData.sampleImages(), images, 1);
		Result first = run("ingest", images.toString(), "--project", "flight", "--to", "gphotos://Flight%2042",
				"--workspace", ws.toString());
		assertEquals(0, first.code, first.out + first.err);
		assertTrue(first.out.contains("states: Stored=16"), first.out);
		assertEquals(16, fx.server.library().items("Flight 42").size());
		long uploads = fx.server.calls(Call.UPLOAD);
		Result again = run("ingest", images.toString(), "--project", "flight", "--to", "gphotos://Flight%2042",
				"--workspace", ws.toString());
		assertEquals(0, again.code, again.err);
		assertTrue(again.out.contains("0 sent"), again.out);
		assertEquals(uploads, fx.server.calls(Call.UPLOAD));
		Result status = run("status", "--project", "flight", "--json", "--workspace", ws.toString());
		assertTrue(status.out.contains("\"location\" : \"gphotos://Flight%2042/MI") || status.out.contains(
				"\"location\":\"gphotos://Flight%2042/MI"), status.out);
		try (Stream<Path> files = Files.walk(ws.resolve(".tiepoint"))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
				assertFalse(bytes.contains(fx.refreshToken), "the refresh token in " + f);
				if (!f.getFileName().toString().equals("config.properties")) {
					assertFalse(bytes.contains(Fixture.SECRET), "the client secret in " + f);
				}
			}
		}
	}

	@Test
	void badDestinationsAndMissingSettingsAreRefusedWithTheirReason() throws Exception {
		Path images = Files.createDirectories(tmp.resolve("flight"));
		TestData.distinctCopies(TestData.sampleImages(), images, 1);
		Result unauthorized = run("ingest", images.toString(), "--project", "p1", "--to", "gphotos://Flight", "--workspace",
				ws.toString());
		assertTrue(unauthorized.code != 0 && unauthorized.err.contains("tiepoint auth gphotos"), unauthorized.err);
		Result folder = run("ingest", images.toString(), "--project", "p2", "--to", "gphotos://Flight/day1", "--workspace",
				ws.toString());
		assertTrue(folder.code != 0 && folder.err.contains("gphotos://Flight/day1") && folder.err.contains("no folders"),
				folder.err);
		Result secret = run("ingest", images.toString(), "--project", "p3", "--to", "gphotos://Flight?token=x",
				"--workspace", ws.toString());
		assertEquals(2, secret.code, secret.err);
		Files.writeString(ws.resolve(".tiepoint/config.properties"), "");
		Result noClient = run("auth", "gphotos", "--no-browser", "--workspace", ws.toString());
		assertEquals(1, noClient.code);
		assertTrue(noClient.err.contains("gphotos.client.id") && noClient.err.contains("TIEPOINT_GPHOTOS_CLIENT_ID"),
				noClient.err);
		assertEquals(0, fx.server.calls(Call.UPLOAD), "nothing was sent");
	}
}
