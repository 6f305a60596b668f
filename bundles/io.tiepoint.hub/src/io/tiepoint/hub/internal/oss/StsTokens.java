/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.oss;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Temporary credentials the gateway issues and later checks, as Aliyun STS's are: an AccessKeyId
 * {@code STS.<random>}, a secret, a security token and an expiry. The token carries its AccessKeyId, expiry and
 * policy and is signed with the issuer's key (HMAC-SHA256), and the secret is derived from the same key, so nothing
 * is stored and a restarted hub still knows the STS it handed out. Neither the key nor a secret is ever logged.
 */
public final class StsTokens {

	/** An issued STS. */
	public record Credential(String accessKeyId, String secret, String token, Instant expires, Policy policy) {
		@Override
		public String toString() {
			return "Credential[" + accessKeyId + ", expires " + expires + "]";
		}
	}

	/** Why a token was refused, with OSS's code. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;
		private final String code;

		Refused(String code, String message) {
			super(message);
			this.code = code;
		}

		/** @return OSS's error code */
		public String code() {
			return code;
		}
	}

	private static final String PREFIX = "CAIS";
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
	private final byte[] key;

	/** @param key the issuer's key (at least 16 bytes) */
	public StsTokens(byte[] key) {
		if (key.length < 16) {
			throw new IllegalArgumentException("the STS key is too short");
		}
		this.key = key.clone();
	}

	/**
	 * @param policy   what the STS may do
	 * @param validity how long it lasts (whole seconds)
	 * @return the new STS
	 */
	public Credential issue(Policy policy, Duration validity) {
		StringBuilder id = new StringBuilder("STS.");
		for (int i = 0; i < 24; i++) {
			id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		Instant expires = Instant.now().plus(validity).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ak", id.toString());
		body.put("exp", expires.getEpochSecond());
		body.put("pol", parse(policy.text()));
		String payload;
		try {
			payload = b64(JSON.writeValueAsBytes(body));
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		String token = PREFIX + payload + "." + b64(hmac("token\n" + payload));
		return new Credential(id.toString(), secret(id.toString(), expires), token, expires, policy);
	}

	/**
	 * @param accessKeyId the request's AccessKeyId
	 * @param token       its {@code x-oss-security-token}
	 * @param now         the time
	 * @return the STS, when the token is one this issuer made for that AccessKeyId and it has not expired
	 * @throws Refused {@code InvalidAccessKeyId}, {@code InvalidSecurityToken} or {@code SecurityTokenExpired}
	 */
	public Credential check(String accessKeyId, String token, Instant now) throws Refused {
		int dot = token.lastIndexOf('.');
		if (!token.startsWith(PREFIX) || dot < PREFIX.length()) {
			throw new Refused("InvalidSecurityToken", "The security token you provided is invalid.");
		}
		String payload = token.substring(PREFIX.length(), dot);
		byte[] sig;
		try {
			sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		} catch (IllegalArgumentException e) {
			throw new Refused("InvalidSecurityToken", "The security token you provided is invalid.");
		}
		if (!MessageDigest.isEqual(sig, hmac("token\n" + payload))) {
			throw new Refused("InvalidSecurityToken", "The security token you provided is invalid.");
		}
		JsonNode body = parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
		if (!body.path("ak").asText("").equals(accessKeyId)) {
			throw new Refused("InvalidAccessKeyId", "The security token does not belong to AccessKeyId " + accessKeyId + ".");
		}
		Instant expires = Instant.ofEpochSecond(body.path("exp").asLong());
		if (!now.isBefore(expires)) {
			throw new Refused("SecurityTokenExpired", "The security token you provided has expired.");
		}
		return new Credential(accessKeyId, secret(accessKeyId, expires), token, expires,
				Policy.parse(body.path("pol").toString()));
	}

	private String secret(String accessKeyId, Instant expires) {
		return b64(hmac("secret\n" + accessKeyId + "\n" + expires.getEpochSecond())).substring(0, 40);
	}

	private byte[] hmac(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String b64(byte[] b) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	private static JsonNode parse(String json) {
		try {
			return JSON.readTree(json);
		} catch (java.io.IOException e) {
			throw new IllegalArgumentException("not JSON", e);
		}
	}
}
