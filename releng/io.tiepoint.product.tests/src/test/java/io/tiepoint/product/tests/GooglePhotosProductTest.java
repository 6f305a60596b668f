/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.testing.TestData;
import io.tiepoint.testing.gphotos.PhotosServer;
import io.tiepoint.testing.gphotos.PhotosServer.Call;

/**
 * The product's {@code tiepoint ingest --to gphotos://Flight%2042} against the Google Photos stand-in, settings from
 * {@code TIEPOINT_GPHOTOS_*}, the refresh token stored by {@code tiepoint auth gphotos --refresh-token-from-stdin} in
 * the secret store: the command is killed with SIGKILL in the middle of a 30 MB photo's second chunk, and the next
 * run asks the same upload session what it holds ({@code query}) and goes on from there, not from the start; every
 * image is a media item of the album once; a third run sends nothing.
 */
class GooglePhotosProductTest {

	private static final long MB = 1 << 20;
	private static final String CLIENT = "tiepoint-product-test.apps.example.org";
	private static final String SECRET = "product-test-client-secret";

	@TempDir
	Path tmp;

	@Test
	void killedDuringA30MegabyteUploadTheNextRunResumesTheSameSession() throws Exception {
		try (PhotosServer server = PhotosServer.start(CLIENT, SECRET)) {
			String refresh = server.auth().issueRefreshToken(CLIENT, PhotosServer.SCOPE_APPEND,
					PhotosServer.SCOPE_READ_APP_CREATED);
			Map<String, String> env = Map.of("TIEPOINT_GPHOTOS_ENDPOINT", server.uri().toString(),
					"TIEPOINT_GPHOTOS_TOKEN_ENDPOINT", server.tokenEndpoint().toString(), "TIEPOINT_GPHOTOS_CLIENT_ID", CLIENT,
					"TIEPOINT_GPHOTOS_CLIENT_SECRET", SECRET, "XDG_CONFIG_HOME", tmp.resolve("config").toString());
			Path ws = Files.createDirectories(tmp.resolve("ws"));

			Process auth = Launcher.builder(env, "auth", "gphotos", "--refresh-token-from-stdin", "--workspace",
					ws.toString()).redirectErrorStream(true).start();
			try (OutputStream in = auth.getOutputStream()) {
				in.write((refresh + "\n").getBytes(StandardCharsets.UTF_8));
			}
			String authOut = new String(auth.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(auth.waitFor(120, TimeUnit.SECONDS));
			assertEquals(0, auth.exitValue(), authOut);
			Path secrets = tmp.resolve("config/tiepoint/secrets.properties");
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
			assertFalse(authOut.contains(refresh), "the token is not printed");

			Path images = tmp.resolve("images");
			List<Path> small = TestData.distinctCopies(TestData.sampleImages(), images, 1);
			Path big = images.resolve("DJI_9000_30MB.JPG");
			Files.write(big, padded(Files.readAllBytes(small.get(0)), 30 * MB));
			long size = Files.size(big);
			String[] ingest = { "ingest", images.toString(), "--project", "flight", "--to", "gphotos://Flight%2042",
					"--workspace", ws.toString(), "--threads", "2" };

			Path log1 = tmp.resolve("run1.log");
			String[] limited = { ingest[0], ingest[1], ingest[2], ingest[3], ingest[4], ingest[5], ingest[6], ingest[7],
					ingest[8], ingest[9], "--limit-rate", "4M" };
			Process p = Launcher.builder(env, limited).redirectErrorStream(true).redirectOutput(log1.toFile()).start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			while (server.uploads().held(size) < 8 * MB || server.uploads().received(size) < 10 * MB) {
				if (!p.isAlive()) {
					fail("ingest ended before the big photo's second chunk: " + Files.readString(log1));
				}
				if (System.nanoTime() > deadline) {
					p.destroyForcibly();
					fail("the big photo's first chunk did not arrive in 180 s: " + Files.readString(log1));
				}
				Thread.sleep(20);
			}
			long heldAtKill = server.uploads().held(size);
			long receivedAtKill = server.uploads().received(size);
			p.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook runs
			p.destroyForcibly();
			assertTrue(p.waitFor(30, TimeUnit.SECONDS));
			assertEquals(1, server.uploads().sessions(size), "one session so far");
			int logBefore = server.log().size();

			Launcher.Result second = Launcher.run(env, ingest);
			assertEquals(0, second.code(), second.out() + second.err());
			List<String> after = server.log().subList(logBefore, server.log().size());
			String query = after.stream().filter(l -> l.startsWith("query -> active")).findFirst().orElse("no query");
			assertEquals(1, server.uploads().sessions(size), "the same session was resumed, not restarted: " + after);
			assertTrue(query.matches("query -> active \\d+"), "the next run asked query first: " + after);
			long answered = Long.parseLong(query.substring(query.lastIndexOf(' ') + 1));
			assertTrue(answered >= heldAtKill && answered % 262144 == 0, "Size-Received " + answered + " (held at the kill: "
					+ heldAtKill + ")");
			long received = server.uploads().received(size);
			long resent = received - size;
			System.out.printf(Locale.ROOT, "GooglePhotosProductTest: a %,d-byte photo, killed with %,d bytes held by its"
					+ " session (%,d received); the next run: %s, the same session; %,d bytes received for it in all,"
					+ " re-sent %,d (one chunk: %,d)%n", size, heldAtKill, receivedAtKill, query, received, resent, 8 * MB);
			assertTrue(resent >= 0 && resent <= 8 * MB, "re-sent at most one chunk: " + resent);

			Map<String, String> states = Launcher.states("flight", ws);
			assertEquals(small.size() + 1, states.size(), states.toString());
			states.forEach((name, state) -> assertEquals("Stored", state, name));
			assertEquals(small.size() + 1, server.library().items("Flight 42").size(), "each image one media item");

			long uploads = server.calls(Call.UPLOAD);
			Launcher.Result third = Launcher.run(env, ingest);
			assertEquals(0, third.code(), third.err());
			assertTrue(third.out().contains(" 0 sent"), third.out());
			assertEquals(uploads, server.calls(Call.UPLOAD), "a third run sends nothing");
			for (String out : List.of(Files.readString(log1), second.out(), second.err(), third.out())) {
				assertFalse(out.contains(refresh) || out.contains(SECRET), "a secret in the output");
			}
		}
	}

	/**
	 * @return the JPEG with APP15 segments of random bytes after its APPn segments, {@code size} bytes or a little
	 *         more: still a photo with its EXIF and GPS, as big as a full-frame one
	 */
	private static byte[] padded(byte[] jpeg, long size) {
		int at = 2;
		while (at + 4 < jpeg.length && (jpeg[at] & 0xff) == 0xff && (jpeg[at + 1] & 0xf0) == 0xe0) {
			at += 2 + ((jpeg[at + 2] & 0xff) << 8 | jpeg[at + 3] & 0xff);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) size + 70_000);
		out.write(jpeg, 0, at);
		Random r = new Random(9000);
		byte[] payload = new byte[65533];
		while (out.size() + jpeg.length - at < size) {
			r.nextBytes(payload);
			out.write(0xff);
			out.write(0xef);
			out.write(0xff);
			out.write(0xff);
			out.write(payload, 0, payload.length);
		}
		out.write(jpeg, at, jpeg.length - at);
		return out.toByteArray();
	}
}
