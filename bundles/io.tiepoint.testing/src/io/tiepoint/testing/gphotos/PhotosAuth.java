/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.gphotos;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OAuth 2.0 side of the {@link PhotosServer}, as Google's authorization server treats an installed app:
 * registered clients (id and secret), the authorization endpoint (a loopback redirect URI, PKCE with S256, the
 * user consents at once or refuses), the token endpoint (the authorization-code grant with the PKCE verifier,
 * the refresh-token grant) and the check of every API request's Bearer token (unknown or expired: 401; without
 * the scope the call needs: 403). Tokens are random and never printed.
 */
public final class PhotosAuth {

	/** The one user of the server. */
	public static final String USER = "surveyor@example.org";
	private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
	private static final Pattern LOOPBACK = Pattern.compile("http://(127\\.0\\.0\\.1|\\[::1\\]|localhost):\\d+(/.*)?");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Who a token speaks for: the app (client id), the user, the scopes consented to. */
	record Grant(String client, String user, Set<String> scopes) {
	}

	private record Access(Grant grant, Instant expires) {
	}

	private record Code(Grant grant, String redirectUri, String challenge, Instant expires) {
	}

	private final Map<String, String> clients = new ConcurrentHashMap<>();
	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
	private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
	private final Map<String, Code> codes = new ConcurrentHashMap<>();
	private final AtomicLong refreshes = new AtomicLong();
	private final AtomicLong exchanges = new AtomicLong();
	private final AtomicLong refused = new AtomicLong();
	private volatile Duration lifetime = Duration.ofHours(1);
	private volatile boolean deny;

	PhotosAuth() {
	}

	/**
	 * Registers an installed app.
	 *
	 * @param id     its client id
	 * @param secret its client secret
	 * @return this
	 */
	public PhotosAuth client(String id, String secret) {
		clients.put(id, secret);
		return this;
	}

	/**
	 * A refresh token the user granted the app elsewhere (as {@code --refresh-token-from-stdin} takes it).
	 *
	 * @param client the app's client id
	 * @param scopes the scopes consented to
	 * @return the refresh token
	 */
	public String issueRefreshToken(String client, String... scopes) {
		String t = "1//" + random(32);
		refreshTokens.put(t, new Grant(client, USER, new LinkedHashSet<>(Arrays.asList(scopes))));
		return t;
	}

	/** @param refreshToken no longer valid (the user revoked the app) */
	public void revoke(String refreshToken) {
		refreshTokens.remove(refreshToken);
	}

	/** @param d how long the access tokens issued from now on live (one hour by default) */
	public PhotosAuth accessTokenLifetime(Duration d) {
		lifetime = d;
		return this;
	}

	/** Every access token issued so far has expired: the next request with one is answered 401. */
	public void expireAccessTokens() {
		accessTokens.replaceAll((k, a) -> new Access(a.grant, Instant.EPOCH));
	}

	/** @param refuse true: the user refuses the consent (the redirect carries {@code error=access_denied}) */
	public PhotosAuth denyConsent(boolean refuse) {
		deny = refuse;
		return this;
	}

	/** @return how many access tokens the refresh-token grant issued */
	public long refreshes() {
		return refreshes.get();
	}

	/** @return how many authorization codes were exchanged for tokens */
	public long codeExchanges() {
		return exchanges.get();
	}

	/** @return how many API requests were answered 401 (unknown or expired token) */
	public long unauthorized() {
		return refused.get();
	}

	/** @return the refresh tokens the server knows */
	public Set<String> refreshTokens() {
		return Set.copyOf(refreshTokens.keySet());
	}

	// ------------------------------------------------------------------ endpoints

	/** GET the authorization endpoint: checks the request, the user consents, redirects to the loopback URI. */
	void authorize(Http h) throws IOException, HttpError {
		Map<String, String> q = h.query;
		String client = q.get("client_id");
		String redirect = q.get("redirect_uri");
		if (client == null || !clients.containsKey(client)) {
			throw new HttpError(401, "invalid_client", "Error 401: invalid_client. The OAuth client was not found.");
		}
		if (redirect == null || !LOOPBACK.matcher(redirect).matches()) {
			throw HttpError.invalid("Error 400: redirect_uri_mismatch: an installed app redirects to a loopback address,"
					+ " not " + redirect);
		}
		String challenge = q.get("code_challenge");
		if (!"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))
				|| challenge == null || challenge.length() != 43 || q.get("scope") == null) {
			throw HttpError.invalid("Error 400: invalid_request: response_type=code, scope, code_challenge and"
					+ " code_challenge_method=S256 are required");
		}
		Set<String> scopes = new LinkedHashSet<>(Arrays.asList(q.get("scope").split(" ")));
		String state = q.get("state") == null ? "" : "&state=" + enc(q.get("state"));
		String to;
		if (deny) {
			to = redirect + (redirect.contains("?") ? "&" : "?") + "error=access_denied" + state;
		} else {
			String code = "4/" + random(24);
			codes.put(code, new Code(new Grant(client, USER, scopes), redirect, challenge,
					Instant.now().plus(Duration.ofMinutes(10))));
			to = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code) + "&scope="
					+ enc(String.join(" ", scopes)) + state;
		}
		h.header("Location", URI.create(to).toString());
		h.send(302, new byte[0]);
	}

	/** POST the token endpoint: the authorization-code and refresh-token grants. */
	void token(Http h) throws IOException, HttpError {
		if (!"POST".equals(h.method)) {
			throw new HttpError(405, "invalid_request", "the token endpoint takes POST");
		}
		Map<String, String> f = Http.form(new String(h.body(), StandardCharsets.UTF_8));
		String client = f.get("client_id");
		String secret = clients.get(client == null ? "" : client);
		if (secret == null || !secret.equals(f.get("client_secret"))) {
			throw oauth(401, "invalid_client", "The OAuth client was not found or its secret is wrong.");
		}
		Grant grant;
		boolean withRefresh = false;
		switch (f.getOrDefault("grant_type", "")) {
		case "refresh_token" -> {
			grant = refreshTokens.get(f.getOrDefault("refresh_token", ""));
			if (grant == null || !grant.client().equals(client)) {
				throw oauth(400, "invalid_grant", "Token has been expired or revoked.");
			}
			refreshes.incrementAndGet();
		}
		case "authorization_code" -> {
			Code c = codes.remove(f.getOrDefault("code", ""));
			String verifier = f.getOrDefault("code_verifier", "");
			if (c == null || c.expires.isBefore(Instant.now()) || !c.grant.client().equals(client)) {
				throw oauth(400, "invalid_grant", "Malformed auth code.");
			}
			if (!c.redirectUri.equals(f.get("redirect_uri"))) {
				throw oauth(400, "redirect_uri_mismatch", "Bad Request");
			}
			if (!VERIFIER.matcher(verifier).matches() || !s256(verifier).equals(c.challenge)) {
				throw oauth(400, "invalid_grant", "Invalid code verifier.");
			}
			grant = c.grant;
			withRefresh = true;
			exchanges.incrementAndGet();
		}
		default -> throw oauth(400, "unsupported_grant_type", "Invalid grant_type: " + f.get("grant_type"));
		}
		String access = "ya29." + random(32);
		accessTokens.put(access, new Access(grant, Instant.now().plus(lifetime)));
		ObjectNode o = Http.object().put("access_token", access).put("expires_in", Math.max(0, lifetime.toSeconds()))
				.put("scope", String.join(" ", grant.scopes())).put("token_type", "Bearer");
		if (withRefresh) {
			String refresh = "1//" + random(32);
			refreshTokens.put(refresh, grant);
			o.put("refresh_token", refresh);
		}
		h.json(200, o);
	}

	/**
	 * @param h      an API request
	 * @param scopes the scopes any one of which allows the call
	 * @return who the request speaks for
	 * @throws HttpError 401 without a valid Bearer token, 403 without one of the scopes
	 */
	Grant check(Http h, String... scopes) throws HttpError {
		String auth = h.header("Authorization");
		Access a = auth == null || !auth.startsWith("Bearer ") ? null : accessTokens.get(auth.substring(7).strip());
		if (a == null || !a.expires.isAfter(Instant.now())) {
			refused.incrementAndGet();
			throw new HttpError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2"
					+ " access token, login cookie or other valid authentication credential.")
					.header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
		}
		for (String s : scopes) {
			if (a.grant.scopes().contains(s)) {
				return a.grant;
			}
		}
		throw new HttpError(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.");
	}

	private static HttpError oauth(int code, String error, String description) {
		return HttpError.oauth(code, error, description);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static String s256(String verifier) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
