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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;

/**
 * One user of a hub's resource service (seed 003), over real HTTP: the seed's {@code APPID},
 * {@code License} and {@code PackageName} headers on every call but the upload and download URLs.
 */
final class ResourceUser {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final Hub hub;
	private final String license;

	/** An answer: HTTP status, JSON body (a text node when the body is not JSON), headers. */
	record Answer(int status, JsonNode body, HttpHeaders headers) {
		JsonNode data() {
			return body.path("data");
		}
	}

	/** @param hub the hub @param license the user's token */
	ResourceUser(Hub hub, String license) {
		this.hub = hub;
		this.license = license;
	}

	/** @param pathAndQuery e.g. {@code Resource/GetFileInfo?fileid=...} @return the answer */
	Answer get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(hub.uri().resolve(pathAndQuery)).header("APPID", hub.appKey())
				.header("License", license).header("PackageName", hub.packageName()).GET().build());
	}

	/** @param md5 content md5 @param filename name or null (progress query) @return GetUploadState's answer */
	Answer state(String md5, String filename) {
		return get("Resource/GetUploadState?md5=" + md5 + (filename == null ? ""
				: "&filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8) + "&directory=d"));
	}

	/** @param uurl an upload URL @param range start offset @param body bytes from the offset @return the answer */
	static Answer post(String uurl, long range, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(uurl)).header("Range", String.valueOf(range))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	/** @param url a URL handed out by the hub @return the answer of a GET without credentials */
	static Answer fetch(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	/** @param url a download URL handed out by the hub @return the bytes of a GET without credentials */
	static byte[] bytes(String url) {
		try {
			HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertEquals(200, r.statusCode(), () -> url + " answered " + new String(r.body(), StandardCharsets.UTF_8));
			return r.body();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Uploads the bytes completely. @param name file name @param bytes content @return the FileID */
	String upload(String name, byte[] bytes) {
		String md5 = md5(bytes);
		Answer s = state(md5, name);
		assertEquals(1, s.data().path("AllowUpload").asInt(), s.body()::toString);
		Answer p = post(s.data().path("UUrl").asText(), 0, bytes);
		assertEquals(200, p.status(), p.body()::toString);
		Answer done = state(md5, null);
		assertEquals(2, done.data().path("AllowUpload").asInt(), done.body()::toString);
		return done.data().path("FileID").asText();
	}

	private static Answer send(HttpRequest request) {
		try {
			HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
			JsonNode body;
			try {
				body = JSON.readTree(r.body());
			} catch (IOException notJson) {
				body = JSON.getNodeFactory().textNode(new String(r.body(), StandardCharsets.UTF_8));
			}
			return new Answer(r.statusCode(), body == null ? JSON.missingNode() : body, r.headers());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** @param b bytes @return their md5, lower-case hex */
	static String md5(byte[] b) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @param n length @param seed seed @return reproducible random bytes */
	static byte[] random(int n, long seed) {
		byte[] b = new byte[n];
		new Random(seed).nextBytes(b);
		return b;
	}
}
