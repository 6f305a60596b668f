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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubCredentials;
import io.tiepoint.hub.HubLimits;

/**
 * Online play of seed 003 (3.8, 3.9): a play URL streams with Range support to the whitelisted
 * addresses only, and only until it expires. Other loopback addresses (127.0.0.2) stand for other hosts.
 */
class ResourceOnlinePlayTest {

	private static final Duration VALIDITY = Duration.ofSeconds(4);
	@TempDir
	static Path dir;
	static Hub hub;
	static ResourceUser user;

	@BeforeAll
	static void start() throws Exception {
		hub = Hub.start(HubConfig.builder(dir.resolve("hub"))
				.limits(HubLimits.DEFAULT.withDownloadLinkValidity(VALIDITY)).build());
		user = new ResourceUser(hub, hub.userToken());
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	private static HttpResponse<byte[]> get(String from, String url, String range) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.localAddress(InetAddress.getByName(from)).build();
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
		if (range != null) {
			b.header("Range", range);
		}
		return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String playUrl(String fid, String hosts) {
		ResourceUser.Answer a = user.get("Resource/GetOnlinePlayUrl?FID=" + fid + "&host="
				+ URLEncoder.encode(hosts, StandardCharsets.UTF_8));
		assertEquals(200, a.status(), a.body()::toString);
		assertEquals("OK", a.body().path("message").asText());
		return a.data().asText();
	}

	@Test
	void onlyWhitelistedAddressesPlayUntilTheLinkExpires() throws Exception {
		byte[] clip = ResourceUser.random(300_000, 51);
		String fid = user.upload("clip.mp4", clip);
		String url = playUrl(fid, "127.0.0.1|10.20.30.40");
		assertTrue(url.startsWith(hub.uri() + "Resource/OnlinePlayUrl?id=" + fid), url);
		HttpResponse<byte[]> part = get("127.0.0.1", url, "bytes=100000-100999");
		assertEquals(206, part.statusCode());
		assertEquals("bytes 100000-100999/300000", part.headers().firstValue("Content-Range").orElseThrow());
		assertEquals("video/mp4", part.headers().firstValue("Content-Type").orElseThrow());
		assertArrayEquals(Arrays.copyOfRange(clip, 100_000, 101_000), part.body(), "the right bytes");
		assertEquals(200, get("127.0.0.1", url, null).statusCode(), "the whole file too");

		assertEquals(403, get("127.0.0.2", url, "bytes=0-9").statusCode(), "127.0.0.2 is not in the whitelist");
		assertEquals(403, get("127.0.0.2", url.replace("&host=127.0.0.1", "&host=127.0.0.2"), null).statusCode(),
				"the whitelist cannot be changed in the URL");
		String second = playUrl(fid, "127.0.0.2");
		assertEquals(206, get("127.0.0.2", second, "bytes=0-9").statusCode(), "a link for 127.0.0.2 plays there");
		assertEquals(403, get("127.0.0.1", second, "bytes=0-9").statusCode(), "and not from 127.0.0.1");

		long exp = Long.parseLong(url.replaceAll(".*&exp=(\\d+).*", "$1"));
		long wait = exp * 1000 + 200 - System.currentTimeMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
		assertEquals(403, get("127.0.0.1", url, "bytes=0-9").statusCode(), "expired");
	}

	@Test
	void aWhitelistOfAddressesIsRequired() throws Exception {
		String fid = user.upload("w.mp4", ResourceUser.random(1000, 52));
		for (String bad : new String[] { "", "example.com", "127.0.0.1|300.1.1.1", "127.0.0.1;10.0.0.1" }) {
			ResourceUser.Answer a = user.get("Resource/GetOnlinePlayUrl?FID=" + fid + "&host="
					+ URLEncoder.encode(bad, StandardCharsets.UTF_8));
			assertEquals(400, a.status(), () -> "host '" + bad + "': " + a.body());
			assertTrue(a.body().path("message").asText().contains("host"), a.body()::toString);
		}
		assertEquals(404, user.get("Resource/GetOnlinePlayUrl?FID=0123456789abcdef0123456789abcdef&host=127.0.0.1").status());
		ResourceUser mallory = new ResourceUser(hub, HubCredentials.open(dir.resolve("hub")).addUser("mallory"));
		assertEquals(404, mallory.get("Resource/GetOnlinePlayUrl?FID=" + fid + "&host=127.0.0.1").status(),
				"another user's file does not exist for this user");
		assertEquals(404, mallory.get("Resource/Convert?fileid=" + fid + "&ConverType=0").status());
	}
}
