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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * One request to the gateway as OSS reads it: the bucket and key, path-style ({@code /BUCKET/KEY}, what the SDKs
 * do for an IP-address endpoint) or virtual-hosted ({@code Host: BUCKET.host}); the query's parameters decoded (a
 * parameter without '=' has a null value), the headers by lower-case name (repeated ones joined with ',').
 *
 * @param method  the HTTP method
 * @param bucket  the bucket
 * @param key     the object key, "" for the bucket itself
 * @param query   parameters in the order sent
 * @param headers headers by lower-case name
 */
record OssRequest(String method, String bucket, String key, Map<String, String> query, Map<String, String> headers) {

	/**
	 * @param request a request
	 * @param buckets the gateway's buckets
	 * @return the request, or null when it is for none of them (another part of the hub answers it)
	 */
	static OssRequest of(Request request, Set<String> buckets) {
		String raw = request.getHttpURI().getPath();
		String path = decode(raw == null ? "/" : raw);
		String host = request.getHeaders().get("Host");
		String hostName = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
		int dot = hostName.indexOf('.');
		String bucket;
		String key;
		if (dot > 0 && buckets.contains(hostName.substring(0, dot)) && !hostName.matches("[0-9.]+")) {
			bucket = hostName.substring(0, dot);
			key = path.startsWith("/") ? path.substring(1) : path;
		} else {
			String p = path.startsWith("/") ? path.substring(1) : path;
			int slash = p.indexOf('/');
			bucket = slash < 0 ? p : p.substring(0, slash);
			key = slash < 0 ? "" : p.substring(slash + 1);
			if (!buckets.contains(bucket)) {
				return null;
			}
		}
		Map<String, String> headers = new TreeMap<>();
		for (HttpField f : request.getHeaders()) {
			headers.merge(f.getLowerCaseName(), f.getValue() == null ? "" : f.getValue(), (a, b) -> a + "," + b);
		}
		return new OssRequest(request.getMethod(), bucket, key, query(request.getHttpURI().getQuery()), headers);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> q = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return q;
		}
		for (String kv : raw.split("&")) {
			if (kv.isEmpty()) {
				continue;
			}
			int eq = kv.indexOf('=');
			q.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? null : decode(kv.substring(eq + 1)));
		}
		return q;
	}

	private static String decode(String s) {
		try {
			return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			return s;
		}
	}

	/** @param name a header, lower-case @return its value, or null */
	String header(String name) {
		return headers.get(name);
	}

	/** @param name a parameter @return whether the query has it */
	boolean has(String name) {
		return query.containsKey(name);
	}

	/** @return what OSS calls this request, for messages: {@code PUT /bucket/key?uploads} */
	String describe() {
		return method + " /" + bucket + (key.isEmpty() ? "" : "/" + key) + (query.isEmpty() ? ""
				: "?" + String.join("&", query.keySet().stream().filter(k -> !k.toLowerCase(Locale.ROOT).contains("signature")
						&& !k.toLowerCase(Locale.ROOT).contains("token")).toList()));
	}

	/**
	 * @return the RAM action this request needs: {@code oss:PutObject} for a put and the multipart upload's own
	 *         requests, {@code oss:ListParts}, {@code oss:AbortMultipartUpload}, {@code oss:GetObject} (GET, HEAD),
	 *         {@code oss:DeleteObject}, {@code oss:ListObjects} for the bucket
	 */
	String action() {
		if (key.isEmpty()) {
			return method.equals("GET") ? "oss:ListObjects"
					: "oss:" + method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT) + "Bucket";
		}
		return switch (method) {
		case "PUT", "POST" -> "oss:PutObject";
		case "GET" -> has("uploadId") ? "oss:ListParts" : "oss:GetObject";
		case "HEAD" -> "oss:GetObject";
		case "DELETE" -> has("uploadId") ? "oss:AbortMultipartUpload" : "oss:DeleteObject";
		default -> "oss:" + method;
		};
	}
}
