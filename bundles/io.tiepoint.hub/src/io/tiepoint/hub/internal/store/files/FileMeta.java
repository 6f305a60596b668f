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
 * The {@code metadata} of a file of the GridFS bucket, as the resource service reads and writes it. Every
 * field may be null (absent).
 *
 * @param md5         md5 of the content, hex
 * @param sha1        sha1 of the content, hex
 * @param route       the first 8 hex digits of the FileID
 * @param user        who uploaded it (for a derived file: its source's)
 * @param pid         the project whose file it is (an image, an artifact, or derived from one), 24 hex digits
 * @param directory   its directory in the resource service
 * @param fileinfo    the description given to GetUploadState
 * @param kind        {@code resource}, {@code image}, {@code derived}, or a task artifact's kind
 * @param derivedFrom the source's FileID of a derived file
 * @param level       the conversion Level of a derived file
 */
public record FileMeta(String md5, String sha1, String route, String user, String pid, String directory,
		String fileinfo, String kind, String derivedFrom, Integer level) {

	/** The kind of the results of conversions (not listed by GetUserFiles). */
	public static final String DERIVED = "derived";

	/**
	 * @return the metadata of a completed upload (kind {@code image} or {@code resource}; {@code fileinfo}
	 *         and {@code pid} may be null)
	 */
	public static FileMeta upload(String md5, String sha1, String route, String user, String directory, String kind,
			String fileinfo, String pid) {
		return new FileMeta(md5, sha1, route, user, pid, directory, fileinfo, kind, null, null);
	}

	/** @return the metadata of a conversion's result (md5 and sha1 are added when it is stored) */
	public static FileMeta derived(String route, String derivedFrom, int level, String user, String pid,
			String directory) {
		return new FileMeta(null, null, route, user, pid, directory, null, DERIVED, derivedFrom, level);
	}

	/** @return whether it is the result of a conversion */
	public boolean isDerived() {
		return DERIVED.equals(kind);
	}
}
