/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) as NodeODM's multer reads it: text fields ({@code name},
 * {@code options} of {@code /task/new/init}) and files under the field {@code images}
 * ({@code /task/new/upload/{uuid}}), a file streamed from disk.
 */
final class Multipart {

	private final String boundary = "tiepoint-" + UUID.randomUUID();
	private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

	/** @param name field name @param value its text @return this */
	Multipart field(String name, String value) {
		parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8));
		return this;
	}

	/**
	 * @param name     field name
	 * @param filename the file name the node keeps (NodeODM sanitizes it and stores the file under it)
	 * @param file     the bytes
	 * @return this
	 * @throws FileNotFoundException when the file is missing
	 */
	Multipart file(String name, String filename, Path file) throws FileNotFoundException {
		String type = filename.toLowerCase(java.util.Locale.ROOT).matches(".*\\.jpe?g") ? "image/jpeg"
				: filename.toLowerCase(java.util.Locale.ROOT).endsWith(".tif") ? "image/tiff" : "application/octet-stream";
		parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"; filename=\"" + filename.replace("\"", "_") + "\"\r\nContent-Type: " + type + "\r\n\r\n",
				StandardCharsets.UTF_8));
		parts.add(HttpRequest.BodyPublishers.ofFile(file));
		parts.add(HttpRequest.BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
		return this;
	}

	/** @return the Content-Type header's value */
	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	/** @return the body, closed by the final boundary */
	HttpRequest.BodyPublisher body() {
		List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
		all.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
		return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
	}
}
