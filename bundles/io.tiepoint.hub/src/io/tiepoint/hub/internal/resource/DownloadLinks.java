/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tiepoint.hub.internal.auth.CredentialsFile;

/**
 * Download links of GetDownloadUrl (seed 003, 3.3): {@code DownloadUrl?id=FID&u=USER&exp=SECONDS&sig=HMAC},
 * usable without credentials until {@code exp}. The HMAC-SHA256 is keyed with a secret only the server
 * holds ({@code link.secret} of the credentials file) and covers the FileID, the user, the expiry and the
 * user's current token: a link cannot be made with the app key, moved to another file or user, or
 * prolonged, and it dies when its user's token is revoked, expires or is replaced.
 */
final class DownloadLinks {

	private final CredentialsFile credentials;
	private final Duration validity;
	private final Supplier<URI> base;

	/**
	 * @param credentials the link secret and the users' tokens
	 * @param validity    how long a link is valid
	 * @param base        the hub's public base URL (never the request's Host)
	 */
	DownloadLinks(CredentialsFile credentials, Duration validity, Supplier<URI> base) {
		this.credentials = credentials;
		this.validity = validity;
		this.base = base;
	}

	/** @param user who asks @param fid a file the user may read @return its download link */
	String link(String user, String fid) {
		long exp = System.currentTimeMillis() / 1000 + Math.max(1, validity.toSeconds());
		String token = credentials.tokenOf(user).orElseThrow(() -> new ResourceException(401, "invalid, revoked or expired License"));
		return base.get() + "Resource/DownloadUrl?id=" + fid + "&u=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
				+ "&exp=" + exp + "&sig=" + sign(fid, user, exp, token);
	}

	/**
	 * @param fid  the link's FileID
	 * @param user its {@code u}
	 * @param exp  its {@code exp}
	 * @param sig  its {@code sig}
	 * @return the user it was made for, or empty when it is forged, altered, expired or its user's token
	 *         changed
	 */
	Optional<String> verify(String fid, String user, String exp, String sig) {
		if (user == null || exp == null || sig == null || !exp.matches("\\d{1,12}")
				|| Long.parseLong(exp) * 1000 <= System.currentTimeMillis()) {
			return Optional.empty();
		}
		Optional<String> token = credentials.tokenOf(user);
		if (token.isEmpty()) {
			return Optional.empty();
		}
		String expected = sign(fid, user, Long.parseLong(exp), token.get());
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))
				? Optional.of(user)
				: Optional.empty();
	}

	private String sign(String fid, String user, long exp, String token) {
		return mac("download", fid, user, Long.toString(exp), token);
	}

	/** @return a user's current token, unless revoked or expired */
	Optional<String> token(String user) {
		return credentials.tokenOf(user);
	}

	/**
	 * @param parts what a link binds (its purpose first)
	 * @return their HMAC-SHA256 with the server-only link secret, hex
	 */
	String mac(String... parts) {
		String secret = credentials.linkSecret();
		if (secret.isEmpty()) {
			throw new IllegalStateException("the credentials file has no link secret");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] h = mac.doFinal(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(h);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
