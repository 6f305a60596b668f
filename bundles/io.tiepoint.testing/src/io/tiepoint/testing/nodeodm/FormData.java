/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.nodeodm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body as NodeODM's parsers see it: {@code multipart/form-data} (multer: text fields and files) or
 * {@code application/x-www-form-urlencoded} (body-parser's {@code urlencoded}); any other body has no fields,
 * as those parsers leave {@code req.body} empty.
 *
 * @param fields text fields by name (the last of a repeated name wins, as in multer)
 * @param files  file parts, in order
 */
record FormData(Map<String, String> fields, List<Part> files) {

	/**
	 * A file part.
	 *
	 * @param field    the field name (NodeODM takes {@code images})
	 * @param filename the client's file name
	 * @param bytes    the content
	 */
	record Part(String field, String filename, byte[] bytes) {
	}

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
	private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

	/**
	 * @param contentType the request's Content-Type, or null
	 * @param body        the body
	 * @return its fields and files
	 * @throws IllegalArgumentException when a multipart body is malformed (multer answers an error)
	 */
	static FormData parse(String contentType, byte[] body) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		if (type.startsWith("application/x-www-form-urlencoded")) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return new FormData(fields, List.of());
		}
		if (!type.startsWith("multipart/form-data")) {
			return new FormData(Map.of(), List.of());
		}
		Matcher m = BOUNDARY.matcher(contentType);
		if (!m.find()) {
			throw new IllegalArgumentException("Multipart: Boundary not found");
		}
		byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
		Map<String, String> fields = new LinkedHashMap<>();
		List<Part> files = new ArrayList<>();
		int at = indexOf(body, delimiter, 0);
		while (at >= 0) {
			int start = at + delimiter.length;
			if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
				return new FormData(fields, files); // closing delimiter
			}
			int headEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
			int next = indexOf(body, delimiter, start);
			if (headEnd < 0 || next < 0 || headEnd > next) {
				throw new IllegalArgumentException("Unexpected end of form");
			}
			String head = new String(body, start, headEnd - start, StandardCharsets.UTF_8);
			byte[] content = java.util.Arrays.copyOfRange(body, headEnd + 4, Math.max(headEnd + 4, next - 2));
			Matcher name = NAME.matcher(head);
			Matcher filename = FILENAME.matcher(head);
			if (name.find()) {
				if (filename.find()) {
					files.add(new Part(name.group(1), filename.group(1), content));
				} else {
					fields.put(name.group(1), new String(content, StandardCharsets.UTF_8));
				}
			}
			at = next;
		}
		throw new IllegalArgumentException("Unexpected end of form");
	}

	private static int indexOf(byte[] hay, byte[] needle, int from) {
		outer: for (int i = from; i <= hay.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (hay[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
