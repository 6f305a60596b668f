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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;

/**
 * The seed's parameters as the seed defines them: {@code PackageName} must be the app's registered
 * package (a wrong one fails like a wrong APPID or License), {@code Range} of 3.2 is a POST parameter as
 * well as a header, {@code FileInfo} of 3.6 and 3.7 is the description given at upload ({@code fileinfo}
 * of 3.1), the directory its own field.
 */
class ResourceParamsTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	@TempDir
	static Path dir;
	static Hub hub;
	static ResourceUser user;

	@BeforeAll
	static void start() throws Exception {
		hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
		user = new ResourceUser(hub, hub.userToken());
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	private static ResourceUser.Answer get(String pathAndQuery, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(hub.uri().resolve(pathAndQuery)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new ResourceUser.Answer(r.statusCode(), JSON.readTree(r.body()), r.headers());
	}

	@Test
	void aWrongPackageNameFailsLikeAWrongAppIdOrLicense() throws Exception {
		assertEquals("tiepoint", hub.packageName(), "a new hub registers Tiepoint's own package");
		String call = "Resource/GetUserFiles";
		ResourceUser.Answer right = get(call, "APPID", hub.appKey(), "License", hub.userToken(), "PackageName",
				hub.packageName());
		assertEquals(200, right.status(), right.body()::toString);
		ResourceUser.Answer wrongApp = get(call, "APPID", "x".repeat(32), "License", hub.userToken(), "PackageName",
				hub.packageName());
		ResourceUser.Answer wrongPackage = get(call, "APPID", hub.appKey(), "License", hub.userToken(), "PackageName",
				"com.example.other");
		assertEquals(wrongApp.status(), wrongPackage.status(), "refused like a wrong APPID");
		assertEquals(401, wrongPackage.status());
		assertEquals(401, wrongPackage.body().path("code").asInt());
		assertTrue(wrongPackage.body().path("message").asText().contains("PackageName"), wrongPackage.body()::toString);
		assertFalse(wrongPackage.body().toString().contains("com.example.other"), "the message echoes nothing sent");
		String userInfo = hub.appKey() + ":" + hub.userToken() + "@com.example.other";
		assertEquals(401, get(call, "UserAction", userInfo).status(), "the seed's user-info form too");
		assertEquals(401, get(call, "Authorization", "Basic "
				+ Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))).status());
		assertEquals(400, get(call, "APPID", hub.appKey(), "License", hub.userToken()).status(), "missing PackageName");
	}

	@Test
	void theRegisteredPackageComesFromTheCredentialsFile() throws Exception {
		Path data = dir.resolve("other");
		try (Hub other = Hub.start(HubConfig.builder(data).build())) {
			Path file = data.resolve("credentials.properties");
			Files.writeString(file, Files.readString(file) + "package=com.example.survey\n");
			assertEquals("com.example.survey", other.packageName(), "re-read while the hub runs");
			HttpRequest.Builder b = HttpRequest.newBuilder(other.uri().resolve("Resource/GetUserFiles")).GET()
					.header("APPID", other.appKey()).header("License", other.userToken());
			assertEquals(200, HTTP.send(b.copy().header("PackageName", "com.example.survey").build(),
					HttpResponse.BodyHandlers.discarding()).statusCode());
			assertEquals(401, HTTP.send(b.copy().header("PackageName", "tiepoint").build(),
					HttpResponse.BodyHandlers.discarding()).statusCode(), "the default is no longer registered");
		}
	}

	@Test
	void rangeIsAPostParameterAsWellAsAHeader() throws Exception {
		byte[] bytes = ResourceUser.random(300_000, 31);
		String md5 = ResourceUser.md5(bytes);
		String uurl = user.state(md5, "range.bin").data().path("UUrl").asText();
		byte[] tail = java.util.Arrays.copyOfRange(bytes, 1000, bytes.length);
		ResourceUser.Answer wrong = post(uurl + "&Range=1000", null, tail);
		assertEquals(416, wrong.status(), "the parameter is read: 1000 is not the server's offset 0");
		assertTrue(wrong.body().path("message").asText().contains("1000"), wrong.body()::toString);
		ResourceUser.Answer disagree = post(uurl + "&Range=0", "7", bytes);
		assertEquals(400, disagree.status(), disagree.body()::toString);
		assertTrue(disagree.body().path("message").asText().contains("disagree"), disagree.body()::toString);
		ResourceUser.Answer ok = post(uurl + "&Range=0", null, bytes);
		assertEquals(200, ok.status(), ok.body()::toString);
		assertEquals(2, user.state(md5, null).data().path("AllowUpload").asInt());
	}

	private static ResourceUser.Answer post(String url, String rangeHeader, byte[] body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (rangeHeader != null) {
			b.header("Range", rangeHeader);
		}
		HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new ResourceUser.Answer(r.statusCode(), JSON.readTree(r.body()), r.headers());
	}

	@Test
	void fileInfoIsTheDescriptionGivenAtUpload() throws Exception {
		byte[] bytes = ResourceUser.random(5000, 32);
		String md5 = ResourceUser.md5(bytes);
		String description = "这是一个ios测试文件";
		ResourceUser.Answer s = user.get("Resource/GetUploadState?md5=" + md5 + "&filename=ios.mp4&directory="
				+ URLEncoder.encode("videos/2016", StandardCharsets.UTF_8) + "&fileinfo="
				+ URLEncoder.encode(description, StandardCharsets.UTF_8));
		assertEquals(200, ResourceUser.post(s.data().path("UUrl").asText(), 0, bytes).status());
		String fid = user.state(md5, null).data().path("FileID").asText();
		JsonNode info = user.get("Resource/GetFileInfo?fileid=" + fid).data();
		assertEquals(description, info.path("FileInfo").asText());
		assertEquals("/videos/2016", info.path("Directory").asText());
		JsonNode listed = null;
		for (JsonNode f : user.get("Resource/GetUserFiles").data().path("FileList")) {
			if (fid.equals(f.path("FileID").asText())) {
				listed = f;
			}
		}
		assertEquals(description, listed.path("FileInfo").asText());
		assertEquals("/videos/2016", listed.path("Directory").asText());
		String plain = user.upload("plain.bin", ResourceUser.random(100, 33));
		assertEquals("", user.get("Resource/GetFileInfo?fileid=" + plain).data().path("FileInfo").asText(),
				"no description given, none answered");
		ResourceUser.Answer bad = user.get("Resource/GetUploadState?md5=" + ResourceUser.md5(new byte[3])
				+ "&filename=x.bin&fileinfo=" + URLEncoder.encode("a\u0001b", StandardCharsets.UTF_8));
		assertEquals(400, bad.status());
		assertTrue(bad.body().path("message").asText().contains("fileinfo"), bad.body()::toString);
	}
}
