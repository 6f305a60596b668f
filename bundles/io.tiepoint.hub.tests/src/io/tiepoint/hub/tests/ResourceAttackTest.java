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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubCredentials;
import io.tiepoint.hub.HubLimits;
import io.tiepoint.hub.internal.server.HubInternals;
import io.tiepoint.hub.internal.store.HubTask;
import io.tiepoint.hub.internal.store.TaskStore;

/**
 * The resource service attacked by a second user of the same hub (findings 1, 2, 3 and 10 of the
 * security issue): files read by FileID, download links forged with the app key, uploads blocked or
 * hijacked, hostile names and Host headers. Each test is the attack as it was made; it passes when the
 * attack fails.
 */
class ResourceAttackTest {

	private static final Duration LEASE = Duration.ofSeconds(1);
	private static final Duration LINK_VALIDITY = Duration.ofSeconds(3);
	@TempDir
	static Path dir;
	static Hub hub;
	static HubCredentials credentials;
	static ResourceUser alice;
	static ResourceUser mallory;
	static String aliceToken;

	@BeforeAll
	static void start() throws Exception {
		hub = Hub.start(HubConfig.builder(dir.resolve("hub")).resourceLease(LEASE)
				.limits(HubLimits.DEFAULT.withMaxUploadBytes(64 << 20).withDownloadLinkValidity(LINK_VALIDITY)).build());
		credentials = HubCredentials.open(dir.resolve("hub"));
		aliceToken = credentials.addUser("alice");
		alice = new ResourceUser(hub, aliceToken);
		mallory = new ResourceUser(hub, credentials.addUser("mallory"));
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void aFileIsItsUploadersOnly() {
		byte[] bytes = ResourceUser.random(600_000, 1);
		String md5 = ResourceUser.md5(bytes);
		String fid = alice.upload("plans.bin", bytes);
		ResourceUser.Answer progress = mallory.state(md5, null);
		assertFalse(progress.body().toString().contains(fid), "GetUploadState?md5= handed alice's FileID to mallory: "
				+ progress.body());
		for (String call : List.of("GetFileInfo?fileid=", "GetDownloadUrl?FID=", "Convert?fileid=", "DownloadUrl?id=")) {
			ResourceUser.Answer a = mallory.get("Resource/" + call + fid);
			assertEquals(404, a.status(), () -> call + " on alice's file answered mallory " + a.status() + " " + a.body());
			assertEquals(404, a.body().path("code").asInt(), a.body()::toString);
			assertFalse(a.body().toString().contains("plans.bin"), a.body()::toString);
		}
		assertFalse(mallory.get("Resource/GetUserFiles").body().toString().contains(fid));
		// the same content uploaded by mallory is her own file; alice's stays hers
		String hers = mallory.upload("copy.bin", bytes);
		assertNotEquals(fid, hers);
		assertEquals(404, alice.get("Resource/GetFileInfo?fileid=" + hers).status());
		assertEquals("plans.bin", alice.get("Resource/GetFileInfo?fileid=" + fid).data().path("FileName").asText());
		String link = alice.get("Resource/GetDownloadUrl?FID=" + fid).data().asText();
		assertEquals(md5, ResourceUser.md5(ResourceUser.bytes(link)), "alice downloads her own file");
	}

	@Test
	void projectFilesAreTheProjectOwners() throws Exception {
		Gql gql = new Gql(hub.uri().resolve("graphql"), hub.appKey(), aliceToken);
		String pid = gql.createProject("alice-survey");
		JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "DJI_0001.JPG").path("uploadImageGridFS");
		String url = up.path("url").asText();
		String uid = URI.create(url).getQuery().substring(4);
		byte[] image = ResourceUser.random(70_000, 2);
		String md5 = ResourceUser.md5(image);
		assertEquals(404, mallory.get("Resource/GetUploadState?md5=" + md5 + "&uid=" + uid).status(),
				"mallory asks the state of alice's image upload");
		assertEquals(1, alice.get("Resource/GetUploadState?md5=" + md5 + "&uid=" + uid).data().path("AllowUpload").asInt());
		assertEquals(200, ResourceUser.post(url, 0, image).status());
		String imageFid = alice.get("Resource/GetUploadState?md5=" + md5 + "&uid=" + uid).data().path("FileID").asText();
		Path ply = Files.writeString(dir.resolve("points.ply"), "ply\nformat ascii 1.0\nend_header\n");
		HubTask.File artifact = new TaskStore(HubInternals.database(hub)).artifact(new ObjectId().toHexString(), pid,
				"points.ply", ply);
		for (String fid : List.of(imageFid, artifact.fileId())) {
			assertEquals(200, alice.get("Resource/GetFileInfo?fileid=" + fid).status(), "the project's owner reads " + fid);
			for (String call : List.of("GetFileInfo?fileid=", "GetDownloadUrl?FID=", "Convert?fileid=")) {
				ResourceUser.Answer a = mallory.get("Resource/" + call + fid);
				assertEquals(404, a.status(), () -> call + " on a file of alice's project answered mallory " + a.body());
			}
		}
	}

	@Test
	void downloadLinksCannotBeForgedAndDieWithTheTokenAndTheClock() throws Exception {
		String fid = alice.upload("link.bin", ResourceUser.random(300_000, 3));
		String forged = hub.uri() + "Resource/DownloadUrl?id=" + fid + "&sig=" + appKeySignature(fid);
		ResourceUser.Answer f = ResourceUser.fetch(forged);
		assertEquals(403, f.status(), () -> "a link signed with the app key downloaded alice's file: " + f.status());
		String link = alice.get("Resource/GetDownloadUrl?FID=" + fid).data().asText();
		assertTrue(link.startsWith(hub.uri().toString()), link);
		assertEquals(200, ResourceUser.fetch(link).status(), "a link works without credentials while valid");
		for (String tampered : List.of(link.replace("&u=alice", "&u=mallory"), link.replaceAll("&exp=(\\d+)", "&exp=9$1"),
				link.substring(0, link.length() - 1) + (link.endsWith("0") ? "1" : "0"))) {
			assertEquals(403, ResourceUser.fetch(tampered).status(), tampered);
		}
		// bound to the user's token: revoked, the link dies with it
		ResourceUser carol = new ResourceUser(hub, credentials.addUser("carol"));
		String carols = carol.get("Resource/GetDownloadUrl?FID=" + carol.upload("c.bin", ResourceUser.random(1000, 4)))
				.data().asText();
		assertEquals(200, ResourceUser.fetch(carols).status());
		credentials.revoke("carol");
		assertEquals(403, ResourceUser.fetch(carols).status(), "carol's link after her token was revoked");
		// and expires
		Thread.sleep(LINK_VALIDITY.toMillis() + 1100);
		assertEquals(403, ResourceUser.fetch(link).status(), "alice's link after its validity");
	}

	private static String appKeySignature(String fid) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(hub.appKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(("download:" + fid).getBytes(StandardCharsets.US_ASCII)), 0, 16);
	}

	@Test
	void aDeclaredLengthOfAnotherUserCannotBlockAnUpload() throws Exception {
		byte[] bytes = ResourceUser.random(600_000, 5);
		String md5 = ResourceUser.md5(bytes);
		URI uurl = URI.create(mallory.state(md5, "big.bin").data().path("UUrl").asText());
		RawHttp.Answer declared = RawHttp.send(hub.uri(), "POST " + uurl.getRawPath() + "?" + uurl.getRawQuery()
				+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: 0\r\nContent-Length: 1000000000000000", new byte[0], true);
		Thread.sleep(LEASE.toMillis() + 300);
		ResourceUser.Answer s = alice.state(md5, "big.bin");
		assertEquals(1, s.data().path("AllowUpload").asInt(), s.body()::toString);
		ResourceUser.Answer p = ResourceUser.post(s.data().path("UUrl").asText(), 0, bytes);
		assertEquals(200, p.status(), () -> "alice uploads the content mallory declared 10^15 bytes long: " + p.body());
		assertEquals(bytes.length, alice.state(md5, null).data().path("FileLenth").asLong());
		assertEquals(413, declared.status(), () -> "a POST declaring 10^15 bytes: " + declared.text());
		assertTrue(declared.body().contains("\"code\":413"), declared::text);
	}

	@Test
	void aLeaseRenewedForeverByAnotherUserBlocksNobody() throws Exception {
		byte[] bytes = ResourceUser.random(300_000, 6);
		String md5 = ResourceUser.md5(bytes);
		String uid = URI.create(mallory.state(md5, "y.bin").data().path("UUrl").asText()).getQuery().substring(4);
		ScheduledExecutorService renew = Executors.newSingleThreadScheduledExecutor();
		try {
			renew.scheduleAtFixedRate(() -> mallory.get("Resource/GetUploadState?md5=" + md5 + "&filename=y.bin&uid=" + uid),
					0, 200, TimeUnit.MILLISECONDS);
			Thread.sleep(LEASE.toMillis() + 500);
			ResourceUser.Answer s = alice.state(md5, "y.bin");
			assertEquals(1, s.data().path("AllowUpload").asInt(), () -> "mallory's renewed lease blocks alice: " + s.body());
			assertEquals(200, ResourceUser.post(s.data().path("UUrl").asText(), 0, bytes).status());
		} finally {
			renew.shutdownNow();
			renew.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void aLapsedLeaseIsNotHandedToAnotherUser() throws Exception {
		byte[] bytes = ResourceUser.random(1_000_000, 7);
		String md5 = ResourceUser.md5(bytes);
		URI uurl = URI.create(alice.state(md5, "z.bin").data().path("UUrl").asText());
		RawHttp.send(hub.uri(), "POST " + uurl.getRawPath() + "?" + uurl.getRawQuery()
				+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: 0\r\nContent-Length: " + bytes.length,
				java.util.Arrays.copyOf(bytes, 600_000), true);
		long kept = 2L * 255 * 1024;
		HubTests.await("alice's two chunks", Duration.ofSeconds(10),
				() -> alice.state(md5, null).data().path("UploadLength").asLong() == kept);
		Thread.sleep(LEASE.toMillis() + 300);
		ResourceUser.Answer m = mallory.state(md5, null);
		if (m.data().has("UUrl")) { // the hijack: mallory's garbage after alice's bytes fails the md5 and discards them
			ResourceUser.post(m.data().path("UUrl").asText(), m.data().path("UploadLength").asLong(),
					new byte[(int) (bytes.length - m.data().path("UploadLength").asLong())]);
		}
		assertFalse(m.data().has("UUrl"), () -> "mallory's md5-only progress query got alice's upload: " + m.body());
		assertEquals(404, m.status(), m.body()::toString);
		ResourceUser.Answer resume = alice.state(md5, null);
		assertEquals(kept, resume.data().path("UploadLength").asLong(), resume.body()::toString);
		assertEquals(200, ResourceUser.post(resume.data().path("UUrl").asText(), kept,
				java.util.Arrays.copyOfRange(bytes, (int) kept, bytes.length)).status());
	}

	@Test
	void hostileNamesAreRefusedAndUrlsIgnoreTheHostHeader() {
		int i = 0;
		for (String bad : List.of("../../etc/passwd", "a\u0000b.bin", "a\r\nSet-Cookie: x.bin", "x".repeat(5000) + ".bin")) {
			ResourceUser.Answer a = alice.state(ResourceUser.md5(ResourceUser.random(10, 100 + i++)), bad);
			assertEquals(400, a.status(), () -> "filename " + bad.substring(0, Math.min(20, bad.length())) + " answered " + a.body());
			assertTrue(a.body().path("message").asText().contains("filename"), a.body()::toString);
		}
		String md5 = ResourceUser.md5(ResourceUser.random(1000, 8));
		String creds = "APPID: " + hub.appKey() + "\r\nLicense: " + aliceToken + "\r\nPackageName: " + hub.packageName();
		RawHttp.Answer state = RawHttp.send(hub.uri(), RawHttp.get(hub.uri(),
				"/Resource/GetUploadState?md5=" + md5 + "&filename=h.bin&directory=d", "evil.example:8080", creds),
				new byte[0], false);
		assertEquals(200, state.status(), state::text);
		assertFalse(state.body().contains("evil.example"), () -> "the Host header went into the UUrl: " + state.body());
		assertTrue(state.body().contains("\"UUrl\":\"" + hub.uri() + "Resource/Upload?uid="), state::body);
		String fid = alice.upload("h2.bin", ResourceUser.random(1000, 9));
		RawHttp.Answer link = RawHttp.send(hub.uri(), RawHttp.get(hub.uri(), "/Resource/GetDownloadUrl?FID=" + fid,
				"evil.example:8080", creds), new byte[0], false);
		assertFalse(link.body().contains("evil.example"), () -> "the Host header went into the download URL: " + link.body());
	}
}
