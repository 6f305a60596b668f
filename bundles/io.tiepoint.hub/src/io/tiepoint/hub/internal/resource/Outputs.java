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

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.FileMeta;
import io.tiepoint.hub.internal.store.files.StoredFile;

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
	 * @param file    the source
	 * @param content the result
	 * @param name    its file name
	 * @param level   its Level
	 * @return the result's FileID
	 * @throws IOException when the result cannot be read
	 */
	String store(String source, StoredFile file, Path content, String name, int level) throws IOException {
		String route = route(source, file);
		return FileIds.of(route, store.store(content, name, meta(source, file, route, level)));
	}

	/** As {@link #store(String, StoredFile, Path, String, int)}, from memory. */
	String store(String source, StoredFile file, byte[] content, String name, int level) {
		String route = route(source, file);
		return FileIds.of(route, store.store(content, name, meta(source, file, route, level)));
	}

	private static String route(String source, StoredFile file) {
		FileMeta meta = file.metadata();
		return meta == null || meta.route() == null ? FileIds.routeOf(source) : meta.route();
	}

	private static FileMeta meta(String source, StoredFile file, String route, int level) {
		FileMeta meta = file.metadata();
		return FileMeta.derived(route, source, level, meta == null ? null : meta.user(), meta == null ? null : meta.pid(),
				meta == null || meta.directory() == null ? "/" : meta.directory());
	}
}
