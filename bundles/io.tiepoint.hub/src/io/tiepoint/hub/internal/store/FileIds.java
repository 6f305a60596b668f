/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

/**
 * FileIDs of the resource service: 32 lower-case hex digits, like the seed's, made of a route (the
 * first 8 hex digits of the md5 of the uploaded file, which partition the hubs) and the 24 hex digits
 * of the GridFS file's id. A hub can thus answer a redirect for a FileID it does not hold. (The store's
 * side, with the driver's ObjectId: {@link io.tiepoint.hub.internal.store.GridFileIds}.)
 */
public final class FileIds {

	private FileIds() {
	}

	/** @param md5 an md5 in hex @return its route (first 8 digits) */
	public static String route(String md5) {
		return md5.substring(0, 8);
	}

	/** @param md5 the md5 (or route) of the file @param id its GridFS id, 24 hex digits @return the FileID */
	public static String of(String md5, String id) {
		return route(md5) + id;
	}

	/** @param fileId a FileID @return whether it is well formed */
	public static boolean valid(String fileId) {
		return fileId != null && fileId.matches("[0-9a-f]{32}");
	}

	/** @param fileId a valid FileID @return its route */
	public static String routeOf(String fileId) {
		return fileId.substring(0, 8);
	}

	/** @param fileId a valid FileID @return its GridFS id, 24 hex digits */
	public static String idOf(String fileId) {
		return fileId.substring(8);
	}
}
