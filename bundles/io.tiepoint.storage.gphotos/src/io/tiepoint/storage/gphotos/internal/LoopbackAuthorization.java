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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * OAuth 2.0 for installed apps with a loopback redirect and PKCE (RFC 8252, RFC 7636): a listener on
 * {@code 127.0.0.1}, the authorization URL the user opens in a browser (client id, the loopback redirect URI,
 * {@code response_type=code}, the scopes, an S256 code challenge, a random state, {@code access_type=offline}),
 * then the code the browser brings back exchanged, with the verifier, for a refresh token. The state is checked;
 * nothing secret is printed or logged.
 */
public final class LoopbackAuthorization implements AutoCloseable {

	/** The scopes asked for: add to the library, and read back what this app created (album titles, checksums). */
	public static final List<String> SCOPES = List.of(PhotosConfig.SCOPE_APPEND, PhotosConfig.SCOPE_READ_APP_CREATED);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final PhotosConfig config;
	private final HttpServer server;
	private final String verifier = random(48);
	private final String state = random(16);
	private final URI redirect;
	private final CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();

	private LoopbackAuthorization(PhotosConfig config, int port) throws IOException {
		this.config = config;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/", ex -> {
			Map<String, String> q = query(ex.getRequestURI().getRawQuery());
			boolean ours = state.equals(q.get("state"));
			String page = !ours ? "This is not the answer Tiepoint waits for (the state differs)."
					: q.containsKey("code") ? "Tiepoint is authorized. You can close this window."
							: "Tiepoint was not authorized: " + q.getOrDefault("error", "no code");
			byte[] body = ("<!DOCTYPE html><html><body><p>" + page + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
			ex.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
			ex.sendResponseHeaders(ours ? 200 : 400, body.length);
			try (OutputStream out = ex.getResponseBody()) {
				out.write(body);
			}
			if (ours) {
				answer.complete(q);
			}
		});
		server.start();
		this.redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
	}

	/**
	 * Listens for the browser's redirect.
	 *
	 * @param config the client and the endpoints
	 * @param port   the loopback port, 0 for any free one
	 * @return the authorization, waiting
	 * @throws IOException when it cannot listen
	 */
	public static LoopbackAuthorization start(PhotosConfig config, int port) throws IOException {
		return new LoopbackAuthorization(config, port);
	}

	/** @return the loopback redirect URI */
	public URI redirectUri() {
		return redirect;
	}

	/** @return the URL the user opens in a browser to consent */
	public URI url() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("client_id", config.clientId());
		p.put("redirect_uri", redirect.toString());
		p.put("response_type", "code");
		p.put("scope", String.join(" ", SCOPES));
		p.put("code_challenge", challenge(verifier));
		p.put("code_challenge_method", "S256");
		p.put("state", state);
		p.put("access_type", "offline");
		p.put("prompt", "consent");
		return URI.create(config.authEndpoint() + "?" + p.entrySet().stream().map(e -> enc(e.getKey()) + "="
				+ enc(e.getValue())).collect(Collectors.joining("&")));
	}

	/**
	 * Waits for the browser's redirect and exchanges its code for a refresh token.
	 *
	 * @param timeout  how long to wait for the user
	 * @param canceled asked every half second
	 * @return the refresh token
	 * @throws StorageException {@code UNAUTHORIZED} when the user refused or the exchange was refused,
	 *                          {@code CANCELED} on cancellation or time-out
	 */
	public String await(Duration timeout, BooleanSupplier canceled) throws StorageException {
		long until = System.currentTimeMillis() + timeout.toMillis();
		Map<String, String> q = null;
		while (q == null) {
			if (canceled.getAsBoolean() || System.currentTimeMillis() > until) {
				throw new StorageException(Kind.CANCELED, "no answer from the browser within " + timeout.toSeconds()
						+ " s: authorize again");
			}
			try {
				q = answer.get(500, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				// ask again
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new StorageException(Kind.CANCELED, "interrupted");
			} catch (ExecutionException e) {
				throw new StorageException(Kind.TRANSIENT, String.valueOf(e.getCause()), e);
			}
		}
		if (!q.containsKey("code")) {
			throw new StorageException(Kind.UNAUTHORIZED, "the authorization was refused: " + q.getOrDefault("error",
					"the browser brought no code")
					+ (q.containsKey("error_description") ? " ("
							+ q.get("error_description") + ")" : ""));
		}
		Map<String, String> form = new HashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", q.get("code"));
		form.put("code_verifier", verifier);
		form.put("redirect_uri", redirect.toString());
		JsonNode tokens = AccessTokens.post(HttpClient.newHttpClient(), config, form, "exchanging the authorization code");
		String refresh = tokens.path("refresh_token").asText("");
		if (refresh.isEmpty()) {
			throw new StorageException(Kind.UNAUTHORIZED, config.tokenEndpoint() + " gave no refresh token (was access"
					+ " already granted? revoke it in the Google account and authorize again)");
		}
		return refresh;
	}

	/**
	 * Checks a refresh token by getting an access token with it.
	 *
	 * @param config       the client and the endpoints
	 * @param refreshToken the token
	 * @throws StorageException {@code UNAUTHORIZED} when it is refused
	 */
	public static void verify(PhotosConfig config, String refreshToken) throws StorageException {
		new AccessTokens(HttpClient.newHttpClient(), new PhotosConfig(config.endpoint(), config.tokenEndpoint(),
				config.authEndpoint(), config.clientId(), config.clientSecret(), refreshToken, config.chunkSize())).bearer();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> out = new HashMap<>();
		for (String p : raw == null ? new String[0] : raw.split("&")) {
			int eq = p.indexOf('=');
			if (eq > 0) {
				out.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return out;
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
					.digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
