/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.files;

/**
 * A file of the GridFS bucket ({@code gridfs.files}): an upload of the resource service, a platform
 * image, a task's artifact, or what a conversion derived from one of them.
 *
 * @param id         the GridFS id, 24 hex digits
 * @param filename   its name
 * @param length     its length in bytes
 * @param uploadDate when it was written, epoch ms (0 when unknown)
 * @param metadata   what the hub records about it, or null when the file has none
 */
public record StoredFile(String id, String filename, long length, long uploadDate, FileMeta metadata) {

	/** @return the file name's extension, lower case, or "" (also for a strange one) */
	public String extension() {
		int dot = filename == null ? -1 : filename.lastIndexOf('.');
		String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		return ext.matches("[a-z0-9]{1,8}") ? ext : "";
	}

	/** @return the file name without its extension, "file" when it has none */
	public String baseName() {
		int dot = filename == null ? -1 : filename.lastIndexOf('.');
		return filename == null ? "file" : dot > 0 ? filename.substring(0, dot) : filename;
	}
}
