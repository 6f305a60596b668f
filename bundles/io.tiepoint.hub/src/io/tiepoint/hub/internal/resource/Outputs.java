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

import java.io.IOException;
import java.nio.file.Path;

import org.bson.Document;

import io.tiepoint.hub.internal.store.FileIds;

/**
 * The results of a conversion as files of the resource service: derived from their source (its route,
 * owner, project and directory), {@code kind} {@code derived} (not listed by GetUserFiles), with their
 * {@code level}.
 *
 * @param store the files
 */
record Outputs(ChunkStore store) {

	/**
	 * @param source  the source's FileID
	 * @param file    the source's files document
	 * @param content the result
	 * @param name    its file name
	 * @param level   its Level
	 * @return the result's FileID
	 * @throws IOException when the result cannot be read
	 */
	String store(String source, Document file, Path content, String name, int level) throws IOException {
		String route = route(source, file);
		return FileIds.of(route, store.store(content, name, meta(source, file, route, level)));
	}

	/** As {@link #store(String, Document, Path, String, int)}, from memory. */
	String store(String source, Document file, byte[] content, String name, int level) {
		String route = route(source, file);
		return FileIds.of(route, store.store(content, name, meta(source, file, route, level)));
	}

	private static String route(String source, Document file) {
		Document meta = file.get("metadata", Document.class);
		return meta == null || meta.getString("route") == null ? FileIds.routeOf(source) : meta.getString("route");
	}

	private static Document meta(String source, Document file, String route, int level) {
		Document meta = file.get("metadata", Document.class);
		return new Document("route", route).append("kind", "derived").append("derivedFrom", source)
				.append("level", level).append("user", meta == null ? null : meta.getString("user"))
				.append("pid", meta == null ? null : meta.get("pid"))
				.append("directory", meta == null || meta.getString("directory") == null ? "/" : meta.getString("directory"));
	}

	/** @param file a files document @return its name without the extension */
	static String baseName(Document file) {
		String base = file.getString("filename");
		int dot = base == null ? -1 : base.lastIndexOf('.');
		return base == null ? "file" : dot > 0 ? base.substring(0, dot) : base;
	}

	/** @param file a files document @return its extension, lower case, or "" */
	static String extension(Document file) {
		String name = file.getString("filename");
		int dot = name == null ? -1 : name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		return ext.matches("[a-z0-9]{1,8}") ? ext : "";
	}
}
