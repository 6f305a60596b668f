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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.aliyun.oss.common.utils.CRC64;

import io.tiepoint.exif.Digests;
import io.tiepoint.hub.internal.store.gateway.ChunkedFile;
import io.tiepoint.hub.internal.store.gateway.MultipartUpload;
import io.tiepoint.hub.internal.store.gateway.Multiparts;
import io.tiepoint.hub.internal.store.gateway.UploadedPart;

/**
 * A multipart upload's CompleteMultipartUpload: checks the client's list of parts as OSS does (each part there with
 * that ETag, ascending, all but the last at least 100 KB) and makes the object of the parts' files, with OSS's ETag
 * ({@code MD5(part MD5s)-N}) and the parts' CRC64s combined.
 */
final class Completion {

	static final long MIN_PART = 100 * 1024;
	private static final Pattern PART = Pattern
			.compile("<Part>\\s*<PartNumber>\\s*(\\d+)\\s*</PartNumber>\\s*<ETag>([^<]*)</ETag>\\s*</Part>");
	private final Multiparts multiparts;

	Completion(Multiparts multiparts) {
		this.multiparts = multiparts;
	}

	/** @return the upload, checked to be of this object @throws OssError {@code NoSuchUpload} */
	MultipartUpload upload(String id, String bucket, String key) throws OssError {
		return multiparts.upload(id).filter(u -> bucket.equals(u.bucket()) && key.equals(u.key())).orElseThrow(
				() -> new OssError(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid,"
						+ " or the upload may have been aborted or completed."));
	}

	void run(OssRequest r, Request request, Response response, Callback callback) throws OssError, IOException {
		MultipartUpload upload = upload(r.query().get("uploadId"), r.bucket(), r.key());
		String xml;
		try (InputStream in = Content.Source.asInputStream(request)) {
			xml = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
		}
		List<Map.Entry<Integer, String>> asked = new ArrayList<>();
		Matcher m = PART.matcher(xml);
		while (m.find()) {
			asked.add(Map.entry(Integer.parseInt(m.group(1)), m.group(2).replace("&quot;", "\"")));
		}
		String[] done = complete(upload, asked);
		response.getHeaders().put("x-oss-hash-crc64ecma", done[1]);
		String esc = OssReplies.escape(r.bucket());
		OssReplies.xml(response, callback, 200, "<CompleteMultipartUploadResult>\n  <Location>/" + esc + "/"
				+ OssReplies.escape(r.key()) + "</Location>\n  <Bucket>" + esc + "</Bucket>\n  <Key>"
				+ OssReplies.escape(r.key()) + "</Key>\n  <ETag>" + OssReplies.quoted(done[0])
				+ "</ETag>\n</CompleteMultipartUploadResult>\n");
	}

	/**
	 * @param upload the upload
	 * @param asked  part number to ETag, in the client's order
	 * @return the object's ETag and CRC64
	 * @throws OssError {@code InvalidPart}, {@code InvalidPartOrder}, {@code EntityTooSmall}
	 */
	private String[] complete(MultipartUpload upload, List<Map.Entry<Integer, String>> asked) throws OssError {
		Map<Integer, UploadedPart> held = new TreeMap<>();
		multiparts.list(upload.id()).forEach(p -> held.put(p.number(), p));
		if (asked.isEmpty()) {
			throw new OssError(400, "MalformedXML", "The XML you provided was not well-formed: no Part.");
		}
		List<ChunkedFile> files = new ArrayList<>();
		var md5 = Digests.md5();
		long crc = 0;
		int last = 0;
		for (int i = 0; i < asked.size(); i++) {
			int n = asked.get(i).getKey();
			UploadedPart p = held.get(n);
			if (n <= last) {
				throw new OssError(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
			}
			if (p == null || !p.etag().equalsIgnoreCase(asked.get(i).getValue().replace("\"", "").trim())) {
				throw new OssError(400, "InvalidPart", "One or more of the specified parts could not be found or the"
						+ " specified entity tag might not have matched the part's entity tag (part " + n + ").");
			}
			if (i < asked.size() - 1 && p.size() < MIN_PART) {
				throw new OssError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"
						+ " (part " + n + ": " + p.size() + " bytes).");
			}
			md5.update(HexFormat.of().parseHex(p.etag()));
			crc = files.isEmpty() ? p.crc() : CRC64.combine(crc, p.crc(), p.size());
			files.add(p.file());
			last = n;
		}
		String etag = OssReplies.etag(md5.digest()) + "-" + files.size();
		multiparts.complete(upload, files, etag, crc);
		return new String[] { etag, Long.toUnsignedString(crc) };
	}
}
