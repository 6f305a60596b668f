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

import java.security.SecureRandom;
import java.util.HexFormat;

import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.store.files.UploadSession;

/**
 * Making and finding uploads: a new one counts in its user's quota; an upload id is a holder's (32 hex
 * digits, random) or a platform image's ({@code <image id>.<secret>}, whose upload is made on its first
 * use).
 */
final class UploadSessions {

	private static final SecureRandom RANDOM = new SecureRandom();
	private final UploadParts parts;
	private final GridFsUploads images;

	UploadSessions(UploadParts parts, GridFsUploads images) {
		this.parts = parts;
		this.images = images;
	}

	/** @return a new holder's upload id */
	static String newUid() {
		byte[] b = new byte[16];
		RANDOM.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	/** @return an image upload's file name: the image's, else the one given, else the image's id */
	static String imageName(GridFsUploads.Target image, String given) {
		String name = image.filename();
		return name != null ? name : given != null ? given : image.imageId();
	}

	/** Makes an upload, counted in its user's quota. @return it, or the one made meanwhile with that key */
	UploadSession create(String key, String uid, String md5, String filename, String directory, String user,
			boolean image) {
		parts.quota().reserve(user);
		UploadSession made;
		try {
			made = parts.uploads().create(key, uid, md5, filename, directory, user, image, System.currentTimeMillis());
		} catch (RuntimeException e) {
			parts.quota().release(user);
			throw e;
		}
		if (made == null) {
			parts.quota().release(user);
			return parts.uploads().find(key);
		}
		return made;
	}

	/**
	 * @param uid the upload id of a UUrl
	 * @return its upload (an image's is made on first use)
	 * @throws ResourceException 400 without one, 404 when it is unknown
	 */
	UploadSession findByUid(String uid) {
		if (uid == null || uid.isEmpty()) {
			throw new ResourceException(400, "missing uid");
		}
		UploadSession doc;
		if (uid.indexOf('.') > 0) {
			doc = parts.uploads().find("uid:" + uid);
			GridFsUploads.Target image = doc == null ? images.target(uid) : null;
			if (image != null) {
				doc = create("uid:" + uid, uid, null, imageName(image, null), "/", image.owner(), true);
			}
		} else {
			doc = uid.matches("[0-9a-f]{32}") ? parts.uploads().findByUid(uid) : null;
		}
		if (doc == null) {
			throw new ResourceException(404, "unknown upload uid (never issued, expired, or taken over by another client)");
		}
		return doc;
	}
}
