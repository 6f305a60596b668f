/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.images;

import org.bson.Document;
import org.bson.types.ObjectId;

import io.tiepoint.hub.spi.HubImage;

/**
 * Image documents as clouds see them ({@link HubImage}), and the two document fields a cloud's work adds. Their
 * names are those the GridFS cloud, the first to need them, gave them; kept so that data directories of earlier
 * versions read the same.
 */
public final class CloudImages {

	/** The secret of a hosted cloud's upload URL ({@link HubImage#uploadToken()}). */
	public static final String UPLOAD_TOKEN = "uploadId";
	/** Where the store put the bytes ({@link HubImage#location()}); an ObjectId for GridFS files. */
	public static final String LOCATION = "gridFsId";

	private CloudImages() {
	}

	/** @param image an image document @return it as clouds see it */
	public static HubImage of(Document image) {
		Object size = image.get("size");
		Object location = image.get(LOCATION);
		return new HubImage(image.getObjectId("_id").toHexString(), image.getObjectId("pid").toHexString(),
				image.getString("name"), image.getString("filename"), image.getString("key"), image.getString("bucket"),
				image.getString("contentType"), image.getBoolean("checksumKnown", false) ? image.getString("checksum") : null,
				size instanceof Number n ? n.longValue() : HubImage.UNKNOWN, image.getString(UPLOAD_TOKEN),
				location instanceof ObjectId o ? o.toHexString() : location == null ? null : location.toString());
	}
}
