/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * The access tokens of one user for the API, from the token endpoint (OAuth 2.0 for installed apps): refreshed from
 * the refresh token before they expire (a quarter of their life, at most a minute, before), and at once after a
 * request was answered 401. A refused refresh token or client is {@code UNAUTHORIZED} with what to do; a token
 * endpoint that fails transiently (5xx, 429, a reset) is asked again after a backoff. Thread-safe; tokens are
 * never logged.
 */
public final class AccessTokens {

	static final ObjectMapper JSON = new ObjectMapper();
	private static final int ATTEMPTS = 5;

	private final HttpClient http;
	private final PhotosConfig config;
	private final AtomicLong refreshes = new AtomicLong();
	private String token;
	private long refreshAt;

	/**
	 * @param http   the HTTP client
	 * @param config where the token endpoint is, the client and the refresh token
	 */
	public AccessTokens(HttpClient http, PhotosConfig config) {
		this.http = http;
		this.config = config;
	}

	/**
	 * @return an access token that is good for a while yet
	 * @throws StorageException {@code UNAUTHORIZED} when no refresh token is stored or it was refused
	 */
	public synchronized String bearer() throws StorageException {
		if (token == null || System.currentTimeMillis() >= refreshAt) {
			refresh();
		}
		return token;
	}

	/**
	 * A request with this token was answered 401: the next {@link #bearer()} gets a new one.
	 *
	 * @param rejected the token that was refused
	 */
	public synchronized void rejected(String rejected) {
		if (rejected != null && rejected.equals(token)) {
			token = null;
		}
	}

	/** @return how many access tokens were fetched */
	public long refreshes() {
		return refreshes.get();
	}

	private void refresh() throws StorageException {
		if (config.refreshToken() == null) {
			throw new StorageException(Kind.UNAUTHORIZED, "Google Photos is not authorized yet: run 'tiepoint auth"
					+ " gphotos' (or Authorize... in the workbench), or set " + PhotosConfig.REFRESH_TOKEN + " ("
					+ PhotosConfig.env(PhotosConfig.REFRESH_TOKEN) + ")");
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", config.refreshToken());
		JsonNode answer = post(http, config, form, "refreshing the access token");
		token = answer.path("access_token").asText(null);
		if (token == null || token.isBlank()) {
			throw new StorageException(Kind.TRANSIENT, config.tokenEndpoint() + ": no access_token in the answer");
		}
		long life = Math.max(1, answer.path("expires_in").asLong(3600)) * 1000;
		refreshAt = System.currentTimeMillis() + life - Math.min(60_000, life / 4);
		refreshes.incrementAndGet();
	}

	/**
	 * POSTs a form to the token endpoint with the client's id and secret, again after a backoff while it fails
	 * transiently.
	 *
	 * @param http   the client
	 * @param config the endpoint and the client
	 * @param form   the grant's parameters
	 * @param what   what is being done, for messages
	 * @return the JSON answer
	 * @throws StorageException {@code UNAUTHORIZED} for a refused grant or client, {@code TRANSIENT} when the
	 *                          endpoint kept failing
	 */
	static JsonNode post(HttpClient http, PhotosConfig config, Map<String, String> form, String what)
			throws StorageException {
		Map<String, String> all = new LinkedHashMap<>(form);
		all.put("client_id", config.clientId());
		all.put("client_secret", config.clientSecret());
		String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
				.collect(Collectors.joining("&"));
		StorageException last = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			HttpRequest request = HttpRequest.newBuilder(config.tokenEndpoint()).timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build();
			long wait = PhotosHttp.backoff(attempt);
			try {
				HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				if (r.statusCode() == 200) {
					return JSON.readTree(r.body());
				}
				JsonNode err = parse(r.body());
				String reason = err.path("error").asText("HTTP " + r.statusCode()) + (err.has("error_description")
						? " (" + err.path("error_description").asText() + ")"
						: "");
				if (r.statusCode() == 429 || r.statusCode() >= 500) {
					last = new StorageException(Kind.TRANSIENT, config.tokenEndpoint() + ": " + what + ": " + reason);
					wait = PhotosHttp.retryAfter(r).orElse(wait);
				} else if ("invalid_client".equals(err.path("error").asText()) || r.statusCode() == 401) {
					throw new StorageException(Kind.UNAUTHORIZED, config.tokenEndpoint() + " refused the client "
							+ config.clientId() + ": " + reason + "; check " + PhotosConfig.CLIENT_ID + " and "
							+ PhotosConfig.CLIENT_SECRET);
				} else {
					throw new StorageException(Kind.UNAUTHORIZED, config.tokenEndpoint() + ": " + what + " was refused: "
							+ reason + "; authorize again with 'tiepoint auth gphotos' (or Authorize... in the workbench)");
				}
			} catch (IOException e) {
				last = new StorageException(Kind.TRANSIENT, config.tokenEndpoint() + ": " + what + ": " + e, e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new StorageException(Kind.CANCELED, what + ": interrupted");
			}
			if (attempt < ATTEMPTS && !PhotosHttp.sleep(wait, null)) {
				throw new StorageException(Kind.CANCELED, what + ": interrupted");
			}
		}
		throw last;
	}

	private static JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		} catch (IOException e) {
			return JSON.createObjectNode();
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
