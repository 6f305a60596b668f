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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.testing.gphotos.PhotosServer;
import io.tiepoint.testing.gphotos.PhotosServer.Call;
import io.tiepoint.testing.gphotos.PhotosUploads;

/**
 * The Google Photos stand-in checks what Google checks, request by raw request: the start headers, aligned chunks
 * at the expected offset, {@code query}, one finalize, single-use and expiring upload tokens, batchCreate's limit
 * and per-item statuses, app-created albums, Bearer tokens and scopes, 429 with Retry-After, and PKCE.
 */
class PhotosServerTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final int G = PhotosUploads.GRANULARITY;
	private PhotosServer server;
	private final HttpClient http = HttpClient.newHttpClient();
	private String bearer;

	@BeforeEach
	void start() throws Exception {
		server = PhotosServer.start("app", "app-secret");
		bearer = access(server.auth().issueRefreshToken("app", PhotosServer.SCOPE_APPEND,
				PhotosServer.SCOPE_READ_APP_CREATED));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private String access(String refresh) throws Exception {
		HttpResponse<String> r = token("grant_type=refresh_token&refresh_token=" + enc(refresh)
				+ "&client_id=app&client_secret=app-secret");
		assertEquals(200, r.statusCode(), r.body());
		return JSON.readTree(r.body()).path("access_token").asText();
	}

	private HttpResponse<String> token(String form) throws Exception {
		return http.send(HttpRequest.newBuilder(server.tokenEndpoint()).header("Content-Type",
				"application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(URI uri, Map<String, String> headers, byte[] body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(b::header);
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Map<String, String> startHeaders(long size) {
		Map<String, String> h = new HashMap<>();
		h.put("Authorization", "Bearer " + bearer);
		h.put("X-Goog-Upload-Command", "start");
		h.put("X-Goog-Upload-Content-Type", "image/jpeg");
		h.put("X-Goog-Upload-Protocol", "resumable");
		h.put("X-Goog-Upload-Raw-Size", String.valueOf(size));
		return h;
	}

	private URI session(long size) throws Exception {
		HttpResponse<String> r = post(URI.create(server.uri() + "/v1/uploads"), startHeaders(size), new byte[0]);
		assertEquals(200, r.statusCode(), r.body());
		assertEquals(String.valueOf(G), r.headers().firstValue("X-Goog-Upload-Chunk-Granularity").orElse(""));
		return URI.create(r.headers().firstValue("X-Goog-Upload-URL").orElseThrow());
	}

	private HttpResponse<String> chunk(URI session, String command, long offset, byte[] bytes) throws Exception {
		return post(session, Map.of("Authorization", "Bearer " + bearer, "X-Goog-Upload-Command", command,
				"X-Goog-Upload-Offset", String.valueOf(offset)), bytes);
	}

	private HttpResponse<String> query(URI session) throws Exception {
		return post(session, Map.of("Authorization", "Bearer " + bearer, "X-Goog-Upload-Command", "query"), new byte[0]);
	}

	private static byte[] jpeg(int size) {
		byte[] b = new byte[size];
		new java.util.Random(size).nextBytes(b);
		b[0] = (byte) 0xff;
		b[1] = (byte) 0xd8;
		return b;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Test
	void startRefusesEveryMissingOrInsaneHeader() throws Exception {
		URI uploads = URI.create(server.uri() + "/v1/uploads");
		for (String missing : new String[] { "X-Goog-Upload-Protocol", "X-Goog-Upload-Content-Type",
				"X-Goog-Upload-Raw-Size" }) {
			Map<String, String> h = startHeaders(1000);
			h.remove(missing);
			HttpResponse<String> r = post(uploads, h, new byte[0]);
			assertEquals(400, r.statusCode(), missing + " missing: " + r.body());
			assertTrue(r.body().contains(missing), r.body());
		}
		Map<String, String> h = startHeaders(1000);
		h.put("X-Goog-Upload-Raw-Size", "-5");
		assertEquals(400, post(uploads, h, new byte[0]).statusCode(), "a negative size");
		h = startHeaders(1000);
		h.put("X-Goog-Upload-Content-Type", "jpeg");
		assertEquals(400, post(uploads, h, new byte[0]).statusCode(), "not a media type");
		assertEquals(400, post(uploads, startHeaders(1000), new byte[] { 1, 2, 3 }).statusCode(), "a start with a body");
		assertEquals(0, server.uploads().sessions());
	}

	@Test
	void aMisalignedChunkIsRefused() throws Exception {
		URI s = session(3L * G);
		HttpResponse<String> r = chunk(s, "upload", 0, jpeg(G + 1000));
		assertEquals(400, r.statusCode(), r.body());
		assertTrue(r.body().contains("multiple of " + G), r.body());
		assertEquals("0", query(s).headers().firstValue("X-Goog-Upload-Size-Received").orElse(""), "nothing was kept");
	}

	@Test
	void aChunkAtTheWrongOffsetIsRefusedAndQueryTellsTheRightOne() throws Exception {
		byte[] all = jpeg(3 * G + 500);
		URI s = session(all.length);
		assertEquals(200, chunk(s, "upload", 0, java.util.Arrays.copyOfRange(all, 0, G)).statusCode());
		HttpResponse<String> wrong = chunk(s, "upload", 2L * G, java.util.Arrays.copyOfRange(all, 2 * G, 3 * G));
		assertEquals(400, wrong.statusCode(), "a chunk at a gap is refused: " + wrong.body());
		assertEquals(400, chunk(s, "upload", 0, java.util.Arrays.copyOfRange(all, 0, G)).statusCode(),
				"a chunk again at 0 is refused");
		HttpResponse<String> q = query(s);
		assertEquals(200, q.statusCode());
		assertEquals("active", q.headers().firstValue("X-Goog-Upload-Status").orElse(""));
		assertEquals(String.valueOf(G), q.headers().firstValue("X-Goog-Upload-Size-Received").orElse(""));
		assertEquals(400, chunk(s, "upload, finalize", G, java.util.Arrays.copyOfRange(all, G, 2 * G)).statusCode(),
				"a finalize short of the declared size is refused");
		HttpResponse<String> fin = chunk(s, "upload, finalize", G, java.util.Arrays.copyOfRange(all, G, all.length));
		assertEquals(200, fin.statusCode(), fin.body());
		assertEquals("final", fin.headers().firstValue("X-Goog-Upload-Status").orElse(""));
		assertFalse(fin.body().isBlank(), "the final answer's body is the upload token");
		HttpResponse<String> twice = chunk(s, "upload, finalize", G, java.util.Arrays.copyOfRange(all, G, all.length));
		assertEquals(400, twice.statusCode(), "finalize twice is refused");
		assertEquals("final", twice.headers().firstValue("X-Goog-Upload-Status").orElse(""));
		assertEquals("final", query(s).headers().firstValue("X-Goog-Upload-Status").orElse(""));
	}

	@Test
	void uploadTokensAreSingleUseExpireAndBatchCreateAnswersEachItem() throws Exception {
		String album = server.library().createAlbum("app", "Flight").id();
		String t1 = chunk(session(G), "upload, finalize", 0, jpeg(G)).body();
		String t2 = chunk(session(2000), "upload, finalize", 0, jpeg(2000)).body();
		String body = "{\"albumId\":\"" + album + "\",\"newMediaItems\":[" + item(t1, "a") + "," + item("nonsense", "b")
				+ "]}";
		HttpResponse<String> r = api("mediaItems:batchCreate", body);
		assertEquals(207, r.statusCode(), "some items failed: " + r.body());
		JsonNode results = JSON.readTree(r.body()).path("newMediaItemResults");
		assertEquals("Success", results.get(0).path("status").path("message").asText());
		assertEquals(5, results.get(1).path("status").path("code").asInt(), "an unknown token: " + results.get(1));
		HttpResponse<String> again = api("mediaItems:batchCreate", "{\"albumId\":\"" + album + "\",\"newMediaItems\":["
				+ item(t1, "a") + "]}");
		assertEquals(5, JSON.readTree(again.body()).path("newMediaItemResults").get(0).path("status").path("code").asInt(),
				"a used token: " + again.body());
		server.uploads().expireTokens();
		HttpResponse<String> expired = api("mediaItems:batchCreate", "{\"albumId\":\"" + album + "\",\"newMediaItems\":["
				+ item(t2, "c") + "]}");
		assertEquals(207, expired.statusCode(), "an expired token: " + expired.body());
		assertEquals(1, server.library().items("Flight").size());
	}

	@Test
	void batchCreateTakesAtMostFiftyAndOnlyAlbumsOfTheApp() throws Exception {
		String album = server.library().createAlbum("app", "Flight").id();
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 51; i++) {
			many.append(i == 0 ? "" : ",").append(item("t" + i, "n" + i));
		}
		HttpResponse<String> r = api("mediaItems:batchCreate", "{\"albumId\":\"" + album + "\",\"newMediaItems\":["
				+ many + "]}");
		assertEquals(400, r.statusCode(), r.body());
		String other = server.library().createAlbum("another-app", "Theirs").id();
		String t = chunk(session(2000), "upload, finalize", 0, jpeg(2000)).body();
		assertEquals(400, api("mediaItems:batchCreate", "{\"albumId\":\"" + other + "\",\"newMediaItems\":[" + item(t, "x")
				+ "]}").statusCode(), "another app's album");
		HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(server.uri()
				+ "/v1/albums?excludeNonAppCreatedData=true")).header("Authorization", "Bearer " + bearer).build(),
				HttpResponse.BodyHandlers.ofString());
		assertEquals(1, JSON.readTree(list.body()).path("albums").size(), "only the app's albums: " + list.body());
	}

	@Test
	void bearerTokensScopesAndThrottling() throws Exception {
		HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/albums")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertEquals(401, none.statusCode());
		String appendOnly = access(server.auth().issueRefreshToken("app", PhotosServer.SCOPE_APPEND));
		HttpResponse<String> scoped = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/albums"))
				.header("Authorization", "Bearer " + appendOnly).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(403, scoped.statusCode(), "listing albums needs a read scope");
		server.auth().expireAccessTokens();
		assertEquals(401, query(session0()).statusCode(), "an expired access token");
		assertEquals(400, token("grant_type=refresh_token&refresh_token=unknown&client_id=app&client_secret=app-secret")
				.statusCode(), "an unknown refresh token is invalid_grant");
		assertEquals(401, token("grant_type=refresh_token&refresh_token=x&client_id=app&client_secret=wrong").statusCode(),
				"a wrong client secret");
		bearer = access(server.auth().issueRefreshToken("app", PhotosServer.SCOPE_APPEND,
				PhotosServer.SCOPE_READ_APP_CREATED));
		server.faults().throttleNext(Call.ALBUMS_LIST, 1, 2);
		HttpResponse<String> throttled = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/albums"))
				.header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(429, throttled.statusCode());
		assertEquals("2", throttled.headers().firstValue("Retry-After").orElse(""));
		http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/albums")).header("Authorization", "Bearer "
				+ bearer).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(1, server.faults().earlyRetries(), "a request before the Retry-After passed is noted");
	}

	/** A session URL that needs no valid start (the token check comes first). */
	private URI session0() {
		return URI.create(server.uri() + "/v1/uploads?upload_id=none&upload_protocol=resumable");
	}

	@Test
	void theAuthorizationCodeNeedsTheRightPkceVerifier() throws Exception {
		String verifier = "v".repeat(50);
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
				.digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String redirect = "http://127.0.0.1:9/";
		URI auth = URI.create(server.authEndpoint() + "?client_id=app&redirect_uri=" + enc(redirect)
				+ "&response_type=code&scope=" + enc(PhotosServer.SCOPE_APPEND) + "&code_challenge=" + challenge
				+ "&code_challenge_method=S256&state=s1");
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(auth).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(302, r.statusCode(), r.body());
		String location = r.headers().firstValue("Location").orElseThrow();
		assertTrue(location.startsWith(redirect) && location.contains("state=s1"), location);
		String code = java.net.URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
		assertEquals(400, token("grant_type=authorization_code&code=" + enc(code) + "&code_verifier=" + "w".repeat(50)
				+ "&redirect_uri=" + enc(redirect) + "&client_id=app&client_secret=app-secret").statusCode(),
				"a wrong verifier");
		HttpResponse<String> again = http.send(HttpRequest.newBuilder(auth).build(), HttpResponse.BodyHandlers.ofString());
		String code2 = java.net.URLDecoder.decode(again.headers().firstValue("Location").orElseThrow()
				.replaceAll(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
		HttpResponse<String> ok = token("grant_type=authorization_code&code=" + enc(code2) + "&code_verifier=" + verifier
				+ "&redirect_uri=" + enc(redirect) + "&client_id=app&client_secret=app-secret");
		assertEquals(200, ok.statusCode(), ok.body());
		assertTrue(JSON.readTree(ok.body()).has("refresh_token"));
		assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(auth.toString().replace(enc(redirect),
				enc("http://example.org/")))).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
				"a redirect that is not loopback");
	}

	private HttpResponse<String> api(String path, String json) throws Exception {
		return post(URI.create(server.uri() + "/v1/" + path), Map.of("Authorization", "Bearer " + bearer,
				"Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
	}

	private static String item(String token, String name) throws IOException {
		return "{\"description\":\"d\",\"simpleMediaItem\":{\"uploadToken\":" + JSON.writeValueAsString(token)
				+ ",\"fileName\":\"" + name + "\"}}";
	}
}
