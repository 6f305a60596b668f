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

import org.bson.types.ObjectId;

/**
 * The store's side of the resource service's FileIDs (see {@code resource.FileIds}): a route (the first 8
 * hex digits of the md5) and the 24 hex digits of the GridFS file's ObjectId.
 */
public final class GridFileIds {

	private GridFileIds() {
	}

	/** @param md5 an md5 in hex @return its route (first 8 digits) */
	public static String route(String md5) {
		return md5.substring(0, 8);
	}

	/** @param md5 the md5 (or route) of the file @param id its GridFS id @return the FileID */
	public static String of(String md5, ObjectId id) {
		return route(md5) + id.toHexString();
	}

	/** @param fileId a valid FileID @return its GridFS id */
	public static ObjectId idOf(String fileId) {
		return new ObjectId(fileId.substring(8));
	}
}
