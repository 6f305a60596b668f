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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** OSS's answers: the XML documents, its error body ({@code <Error><Code>...}), its request id and date headers. */
final class OssReplies {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OssReplies() {
	}

	/** Sets the headers every answer has. */
	static void common(Response response) {
		byte[] id = new byte[12];
		RANDOM.nextBytes(id);
		response.getHeaders().put("x-oss-request-id", HexFormat.of().formatHex(id).toUpperCase(Locale.ROOT));
		response.getHeaders().put(HttpHeader.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
	}

	/** Answers an XML document. */
	static void xml(Response response, Callback callback, int status, String body) {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
		byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).getBytes(StandardCharsets.UTF_8);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
		response.write(true, ByteBuffer.wrap(bytes), callback);
	}

	/** Answers without a body. */
	static void empty(Response response, Callback callback, int status) {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
		response.write(true, ByteBuffer.allocate(0), callback);
	}

	/** Answers OSS's error document; a HEAD gets it base64 in {@code x-oss-err} instead, as OSS does. */
	static void error(Response response, Callback callback, boolean head, OssError e, String host) {
		String body = "<Error>\n  <Code>" + escape(e.code()) + "</Code>\n  <Message>" + escape(e.getMessage())
				+ "</Message>\n  <RequestId>" + response.getHeaders().get("x-oss-request-id") + "</RequestId>\n  <HostId>"
				+ escape(host) + "</HostId>\n</Error>\n";
		response.getHeaders().put("x-oss-ec", e.code());
		if (head) {
			response.getHeaders().put("x-oss-err", Base64.getEncoder().encodeToString(
					("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).getBytes(StandardCharsets.UTF_8)));
			empty(response, callback, e.status());
		} else {
			xml(response, callback, e.status(), body);
		}
	}

	static String escape(String s) {
		return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** @param md5 an MD5 @return OSS's ETag of a single put: its hex, upper-case */
	static String etag(byte[] md5) {
		return HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT);
	}

	static String quoted(String etag) {
		return "\"" + etag + "\"";
	}
}
