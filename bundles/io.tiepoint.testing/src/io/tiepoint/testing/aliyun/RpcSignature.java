/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.aliyun;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aliyun's RPC signature (SignatureVersion 1.0, HMAC-SHA1), as the RPC APIs' documentation gives it: the parameters
 * but {@code Signature} sorted by name, each name and value percent-encoded (RFC 3986: {@code %20} for a space,
 * {@code %2A}, a bare {@code ~}), joined with {@code &} into the canonicalized query string; the string to sign is
 * {@code METHOD & enc("/") & enc(canonicalized)}; the key is the AccessKey secret followed by {@code &}.
 */
public final class RpcSignature {

	private RpcSignature() {
	}

	/**
	 * @param method the HTTP method
	 * @param params the parameters, without {@code Signature}
	 * @param secret the AccessKey secret
	 * @return the Base64 signature
	 */
	public static String sign(String method, Map<String, String> params, String secret) {
		StringJoiner canonical = new StringJoiner("&");
		new TreeMap<>(params).forEach((k, v) -> canonical.add(encode(k) + "=" + encode(v)));
		String toSign = method + "&" + encode("/") + "&" + encode(canonical.toString());
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @param s a string @return it percent-encoded as the signature wants */
	public static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
	}
}
