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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OSS's two request signatures, as Aliyun documents them and its SDKs compute them:
 * <ul>
 * <li>V1, {@code Authorization: OSS AccessKeyId:Signature}: base64 HMAC-SHA1 over
 * {@code VERB\nContent-MD5\nContent-Type\nDate\n} + the {@code x-oss-*} headers (lower-case, sorted,
 * {@code name:value\n}) + the canonicalized resource ({@code /BUCKET/KEY} and the sub-resources among the query's
 * parameters, sorted);</li>
 * <li>V4, {@code Authorization: OSS4-HMAC-SHA256 Credential=AK/DATE/REGION/oss/aliyun_v4_request,
 * AdditionalHeaders=...,Signature=...}: hex HMAC-SHA256, keyed by the chain {@code "aliyun_v4"+secret} -> date ->
 * region -> {@code oss} -> {@code aliyun_v4_request}, over {@code OSS4-HMAC-SHA256\nX-OSS-DATE\nSCOPE\n} + the hex
 * SHA-256 of the canonical request (method, URI-encoded {@code /BUCKET/KEY}, every query parameter encoded and
 * sorted, the Content-Type, Content-MD5, {@code x-oss-*} and additional headers, the additional headers' names,
 * {@code x-oss-content-sha256}).</li>
 * </ul>
 */
final class Signatures {

	/** What a request's Authorization claims. */
	record Claim(String accessKeyId, boolean v4, String signature, String date, String region, Set<String> additional) {
	}

	/** The query parameters V1 signs (OSS's sub-resources). */
	private static final Set<String> SUBRESOURCES = Set.of("acl", "uploads", "location", "cors", "logging", "website",
			"referer", "lifecycle", "delete", "append", "tagging", "objectMeta", "uploadId", "partNumber",
			"security-token", "position", "img", "style", "styleName", "replication", "replicationProgress",
			"replicationLocation", "cname", "bucketInfo", "comp", "qos", "live", "status", "vod", "startTime", "endTime",
			"symlink", "x-oss-process", "response-content-type", "response-content-language", "response-expires",
			"response-cache-control", "response-content-disposition", "response-content-encoding", "udf", "udfName",
			"udfImage", "udfId", "udfImageDesc", "udfApplication", "udfApplicationLog", "restore", "callback",
			"callback-var", "policy", "encryption", "versions", "versioning", "versionId", "sequential",
			"continuation-token", "regionList", "cloudboxes", "x-oss-ac-source-ip", "x-oss-ac-subnet-mask",
			"x-oss-ac-vpc-id", "x-oss-ac-forward-allow", "metaQuery", "resourceGroup", "rtc", "x-oss-async-process",
			"responseHeader");
	private static final String V4 = "OSS4-HMAC-SHA256";
	private static final DateTimeFormatter V4_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

	private Signatures() {
	}

	/**
	 * @param r a request
	 * @return what its Authorization claims
	 * @throws OssError {@code AccessDenied} without one, {@code InvalidArgument} when it is malformed
	 */
	static Claim claim(OssRequest r) throws OssError {
		String auth = r.header("authorization");
		if (auth == null || auth.isBlank()) {
			throw OssError.denied("You have no right to access this object: anonymous access is not allowed.");
		}
		if (auth.startsWith("OSS ")) {
			String cred = auth.substring(4).trim();
			int colon = cred.lastIndexOf(':');
			if (colon <= 0) {
				throw OssError.invalid("Authorization header is invalid.");
			}
			return new Claim(cred.substring(0, colon), false, cred.substring(colon + 1), null, null, Set.of());
		}
		if (!auth.startsWith(V4 + " ")) {
			throw OssError.invalid("Authorization header is invalid: unknown scheme.");
		}
		Map<String, String> parts = new TreeMap<>();
		for (String p : auth.substring(V4.length() + 1).split(",")) {
			int eq = p.indexOf('=');
			if (eq > 0) {
				parts.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
			}
		}
		String[] scope = parts.getOrDefault("Credential", "").split("/");
		if (scope.length != 5 || !scope[3].equals("oss") || !scope[4].equals("aliyun_v4_request")
				|| parts.get("Signature") == null) {
			throw OssError.invalid("Authorization header is invalid: Credential must be AK/DATE/REGION/oss/aliyun_v4_request.");
		}
		Set<String> additional = new TreeSet<>();
		for (String h : parts.getOrDefault("AdditionalHeaders", "").split(";")) {
			if (!h.isBlank()) {
				additional.add(h.trim().toLowerCase(Locale.ROOT));
			}
		}
		return new Claim(scope[0], true, parts.get("Signature"), scope[1], scope[2], additional);
	}

	/**
	 * @param c a claim
	 * @param r its request
	 * @return when the request says it was made (V1: Date; V4: x-oss-date)
	 * @throws OssError {@code AccessDenied} when it says nothing readable
	 */
	static Instant time(Claim c, OssRequest r) throws OssError {
		try {
			if (c.v4()) {
				String d = r.header("x-oss-date");
				Instant t = LocalDateTime.parse(d == null ? "" : d, V4_TIME).toInstant(ZoneOffset.UTC);
				if (!d.startsWith(c.date())) {
					throw OssError.invalid("The date of the Credential scope (" + c.date() + ") is not x-oss-date's.");
				}
				return t;
			}
			return ZonedDateTime.parse(r.header("date") == null ? "" : r.header("date"),
					DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		} catch (DateTimeParseException e) {
			throw OssError.denied("The request has no valid " + (c.v4() ? "x-oss-date" : "Date") + " header.");
		}
	}

	/**
	 * @param c      a claim
	 * @param r      its request
	 * @param secret the AccessKey secret of the claimed id
	 * @return the signature the request must carry
	 */
	static String expected(Claim c, OssRequest r, String secret) {
		return c.v4() ? v4(c, r, secret) : v1(r, secret);
	}

	private static String v1(OssRequest r, String secret) {
		StringBuilder s = new StringBuilder(r.method()).append('\n').append(nz(r.header("content-md5"))).append('\n')
				.append(nz(r.header("content-type"))).append('\n').append(nz(r.header("date"))).append('\n');
		r.headers().forEach((k, v) -> {
			if (k.startsWith("x-oss-")) {
				s.append(k).append(':').append(v.trim()).append('\n');
			}
		});
		s.append('/').append(r.bucket()).append('/').append(r.key());
		List<String> sub = new ArrayList<>();
		new TreeMap<>(r.query()).forEach((k, v) -> {
			if (SUBRESOURCES.contains(k)) {
				sub.add(v == null ? k : k + "=" + v);
			}
		});
		if (!sub.isEmpty()) {
			s.append('?').append(String.join("&", sub));
		}
		return Base64.getEncoder().encodeToString(mac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), s.toString()));
	}

	private static String v4(Claim c, OssRequest r, String secret) {
		StringBuilder canon = new StringBuilder(r.method()).append('\n')
				.append(encode("/" + r.bucket() + "/" + r.key(), false)).append('\n');
		TreeMap<String, String> q = new TreeMap<>();
		r.query().forEach((k, v) -> q.put(encode(k.trim(), true), v == null ? "" : encode(v.trim(), true)));
		StringBuilder qs = new StringBuilder();
		q.forEach((k, v) -> qs.append(qs.length() == 0 ? "" : "&").append(k).append(v.isEmpty() ? "" : "=" + v));
		canon.append(qs).append('\n');
		r.headers().forEach((k, v) -> {
			if (k.equals("content-type") || k.equals("content-md5") || k.startsWith("x-oss-") || c.additional().contains(k)) {
				canon.append(k).append(':').append(v.trim()).append('\n');
			}
		});
		canon.append('\n').append(String.join(";", c.additional())).append('\n');
		String payload = r.header("x-oss-content-sha256");
		canon.append(payload == null || payload.isEmpty() ? "UNSIGNED-PAYLOAD" : payload);
		String scope = c.date() + "/" + c.region() + "/oss/aliyun_v4_request";
		String toSign = V4 + "\n" + r.header("x-oss-date") + "\n" + scope + "\n" + HexFormat.of().formatHex(sha256(canon.toString()));
		byte[] k = mac("HmacSHA256", ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), c.date());
		k = mac("HmacSHA256", k, c.region());
		k = mac("HmacSHA256", k, "oss");
		k = mac("HmacSHA256", k, "aliyun_v4_request");
		return HexFormat.of().formatHex(mac("HmacSHA256", k, toSign));
	}

	/** OSS's URI encoding: unreserved characters kept, '/' kept unless {@code slash}, the rest %XX. */
	static String encode(String s, boolean slash) {
		StringBuilder sb = new StringBuilder();
		for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
			char ch = (char) (b & 0xff);
			if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_'
					|| ch == '.' || ch == '~' || ch == '/' && !slash) {
				sb.append(ch);
			} else {
				sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
						.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
			}
		}
		return sb.toString();
	}

	private static byte[] mac(String algorithm, byte[] key, String data) {
		try {
			Mac m = Mac.getInstance(algorithm);
			m.init(new SecretKeySpec(key, algorithm));
			return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] sha256(String s) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
