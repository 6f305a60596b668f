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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import io.tiepoint.hub.internal.store.gateway.BodyRefused;
import io.tiepoint.hub.internal.store.gateway.ChunkedFile;
import io.tiepoint.hub.internal.store.gateway.GatewayStore;
import io.tiepoint.hub.internal.store.gateway.Multiparts;
import io.tiepoint.hub.internal.store.gateway.StoredObject;
import io.tiepoint.hub.internal.store.gateway.UploadedPart;

/**
 * What the gateway does for an authorized request: PutObject, HeadObject, GetObject (with a Range),
 * DeleteObject, and a multipart upload's Initiate, UploadPart, ListParts, Complete and Abort. Bodies stream into the
 * store with their MD5 and CRC64; a {@code Content-MD5} that is not an MD5 is {@code InvalidDigest}, one that differs
 * from the body's is {@code BadDigest}, and then nothing is kept.
 */
final class GatewayOps {

	private final GatewayStore store;
	private final Multiparts multiparts;
	private final Completion completion;
	private final long maxBytes;

	GatewayOps(GatewayStore store, Multiparts multiparts, long maxBytes) {
		this.store = store;
		this.multiparts = multiparts;
		this.completion = new Completion(multiparts);
		this.maxBytes = maxBytes;
	}

	void run(OssRequest r, Request request, Response response, Callback callback) throws OssError, IOException {
		if (r.key().isEmpty()) {
			throw new OssError(501, "NotImplemented",
					"The gateway serves objects only: " + r.method() + " of a bucket is not implemented.");
		}
		switch (r.method()) {
		case "PUT" -> {
			if (r.has("uploadId") || r.has("partNumber")) {
				uploadPart(r, request, response, callback);
			} else {
				putObject(r, request, response, callback);
			}
		}
		case "POST" -> {
			if (r.has("uploads")) {
				String id = multiparts.initiate(r.bucket(), r.key(), contentType(r), meta(r));
				OssReplies.xml(response, callback, 200, "<InitiateMultipartUploadResult>\n  <Bucket>" + esc(r.bucket())
						+ "</Bucket>\n  <Key>" + esc(r.key()) + "</Key>\n  <UploadId>" + id
						+ "</UploadId>\n</InitiateMultipartUploadResult>\n");
			} else if (r.has("uploadId")) {
				completion.run(r, request, response, callback);
			} else {
				throw new OssError(501, "NotImplemented", "POST " + r.describe() + " is not implemented.");
			}
		}
		case "GET", "HEAD" -> {
			if (r.has("uploadId")) {
				listParts(r, response, callback);
			} else {
				get(r, request, response, callback);
			}
		}
		case "DELETE" -> {
			if (r.has("uploadId")) {
				completion.upload(r.query().get("uploadId"), r.bucket(), r.key());
				multiparts.abort(r.query().get("uploadId"));
			} else {
				store.delete(r.bucket(), r.key());
			}
			OssReplies.empty(response, callback, 204);
		}
		default -> throw new OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
		}
	}

	private void putObject(OssRequest r, Request request, Response response, Callback callback) throws OssError, IOException {
		byte[] md5 = contentMd5(r);
		ChunkedFile w = receive(r, request, md5);
		String etag = OssReplies.etag(w.md5());
		store.put(r.bucket(), r.key(), List.of(w), etag, w.crc(), contentType(r), meta(r), false);
		written(response, callback, etag, w);
	}

	private void uploadPart(OssRequest r, Request request, Response response, Callback callback) throws OssError, IOException {
		int n;
		try {
			n = Integer.parseInt(r.query().getOrDefault("partNumber", ""));
		} catch (NumberFormatException e) {
			n = 0;
		}
		if (n < 1 || n > 10_000) {
			throw OssError.invalid("Part number must be an integer between 1 and 10000, inclusive.");
		}
		String id = r.query().get("uploadId");
		completion.upload(id, r.bucket(), r.key());
		byte[] md5 = contentMd5(r);
		ChunkedFile w = receive(r, request, md5);
		String etag = OssReplies.etag(w.md5());
		multiparts.putPart(id, n, w, etag);
		written(response, callback, etag, w);
	}

	private ChunkedFile receive(OssRequest r, Request request, byte[] md5) throws OssError, IOException {
		InputStream body = Content.Source.asInputStream(request);
		ChunkedFile w;
		try {
			w = store.chunks().write(body, request.getLength(), maxBytes, r.bucket() + "/" + r.key());
		} catch (BodyRefused e) {
			throw e.tooLarge() ? new OssError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
					: new OssError(400, "IncompleteBody", "The request body ended after " + e.received() + " of "
							+ e.expected() + " bytes.");
		}
		if (md5 != null && !MessageDigest.isEqual(md5, w.md5())) {
			store.chunks().discard(w.id(), w.size());
			throw new OssError(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
		}
		return w;
	}

	private static void written(Response response, Callback callback, String etag, ChunkedFile w) {
		response.getHeaders().put(HttpHeader.ETAG, OssReplies.quoted(etag));
		response.getHeaders().put("x-oss-hash-crc64ecma", Long.toUnsignedString(w.crc()));
		response.getHeaders().put("Content-MD5", Base64.getEncoder().encodeToString(w.md5()));
		OssReplies.empty(response, callback, 200);
	}

	private void listParts(OssRequest r, Response response, Callback callback) throws OssError {
		String id = r.query().get("uploadId");
		completion.upload(id, r.bucket(), r.key());
		int marker = intOf(r.query().get("part-number-marker"), 0);
		int max = Math.max(1, Math.min(1000, intOf(r.query().get("max-parts"), 1000)));
		List<UploadedPart> all = multiparts.list(id).stream().filter(p -> p.number() > marker).toList();
		List<UploadedPart> page = all.subList(0, Math.min(max, all.size()));
		StringBuilder x = new StringBuilder("<ListPartsResult>\n  <Bucket>" + esc(r.bucket()) + "</Bucket>\n  <Key>"
				+ esc(r.key()) + "</Key>\n  <UploadId>" + id + "</UploadId>\n  <PartNumberMarker>" + marker
				+ "</PartNumberMarker>\n  <NextPartNumberMarker>" + (page.isEmpty() ? marker : page.get(page.size() - 1).number())
				+ "</NextPartNumberMarker>\n  <MaxParts>" + max + "</MaxParts>\n  <IsTruncated>" + (all.size() > page.size())
				+ "</IsTruncated>\n");
		for (UploadedPart p : page) {
			x.append("  <Part>\n    <PartNumber>").append(p.number()).append("</PartNumber>\n    <LastModified>")
					.append(DateTimeFormatter.ISO_INSTANT.format(p.modified())).append("</LastModified>\n    <ETag>")
					.append(OssReplies.quoted(p.etag())).append("</ETag>\n    <HashCrc64ecma>").append(Long.toUnsignedString(p.crc()))
					.append("</HashCrc64ecma>\n    <Size>").append(p.size()).append("</Size>\n  </Part>\n");
		}
		OssReplies.xml(response, callback, 200, x.append("</ListPartsResult>\n").toString());
	}

	private void get(OssRequest r, Request request, Response response, Callback callback) throws OssError, IOException {
		StoredObject o = store.head(r.bucket(), r.key()).orElseThrow(() -> new OssError(404, "NoSuchKey",
				"The specified key does not exist."));
		response.getHeaders().put(HttpHeader.ETAG, OssReplies.quoted(o.etag()));
		response.getHeaders().put(HttpHeader.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME
				.format(o.modified().atZone(ZoneOffset.UTC)));
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, o.contentType());
		response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
		response.getHeaders().put("x-oss-object-type", o.multipart() ? "Multipart" : "Normal");
		o.meta().forEach((k, v) -> response.getHeaders().put("x-oss-meta-" + k, v));
		long from = 0;
		long to = o.size();
		int status = 200;
		String range = r.header("range");
		Matcher m = range == null ? null : Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(range.trim());
		if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty()) && o.size() > 0) {
			long a = m.group(1).isEmpty() ? Math.max(0, o.size() - Long.parseLong(m.group(2))) : Long.parseLong(m.group(1));
			long b = m.group(1).isEmpty() || m.group(2).isEmpty() ? o.size() - 1 : Math.min(o.size() - 1, Long.parseLong(m.group(2)));
			if (a < o.size() && a <= b) { // OSS ignores a range it cannot serve
				from = a;
				to = b + 1;
				status = 206;
				response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + a + "-" + b + "/" + o.size());
			}
		}
		if (status == 200) {
			response.getHeaders().put("x-oss-hash-crc64ecma", Long.toUnsignedString(o.crc()));
		}
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, to - from);
		response.setStatus(status);
		if (r.method().equals("HEAD")) {
			response.write(true, java.nio.ByteBuffer.allocate(0), callback);
			return;
		}
		try (InputStream in = store.open(o, from, to); OutputStream out = Content.Sink.asOutputStream(response)) {
			in.transferTo(out);
		} catch (IOException | RuntimeException e) {
			callback.failed(e);
			return;
		}
		callback.succeeded();
	}

	private static byte[] contentMd5(OssRequest r) throws OssError {
		String h = r.header("content-md5");
		if (h == null) {
			return null;
		}
		try {
			byte[] md5 = Base64.getDecoder().decode(h.trim());
			if (md5.length == 16) {
				return md5;
			}
		} catch (IllegalArgumentException e) {
			// below
		}
		throw new OssError(400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
	}

	private static String contentType(OssRequest r) {
		String t = r.header("content-type");
		return t == null || t.isBlank() ? "application/octet-stream" : t;
	}

	private static Map<String, String> meta(OssRequest r) {
		Map<String, String> meta = new TreeMap<>();
		r.headers().forEach((k, v) -> {
			if (k.startsWith("x-oss-meta-")) {
				meta.put(k.substring("x-oss-meta-".length()), v);
			}
		});
		return meta;
	}

	private static int intOf(String s, int def) {
		try {
			return s == null ? def : Integer.parseInt(s.trim());
		} catch (NumberFormatException e) {
			return def;
		}
	}

	private static String esc(String s) {
		return OssReplies.escape(s);
	}
}
