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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.Ids;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;

/**
 * The hub side of uploads into a {@link io.tiepoint.hub.spi.HubCloud.Hosted hosted} cloud (GridFS), for the
 * resource service ({@code /Resource/Upload?uid=..}). An upload id is {@code <image id>.<32 random
 * characters>}, made at registration; the image keeps it ({@link ImageRecord#uploadId()}), so the
 * mapping lives in MongoDB and costs no extra write per registration. The
 * resource service finds the image with {@link #image(String)}, writes the GridFS file into the
 * bucket {@link Database#GRIDFS_BUCKET} (chunk documents one by one, files document last), then calls
 * {@link #completed(String, String)}, which starts verification.
 */
public final class GridFsUploads {

	private final ImageStore images;
	private final ImageService service;

	/** @param images image store @param service lifecycle */
	public GridFsUploads(ImageStore images, ImageService service) {
		this.images = images;
		this.service = service;
	}

	/** @param imageId an image @return a new upload id for it */
	static String newUploadId(String imageId) {
		return imageId + "." + CredentialsFile.newSecret();
	}

	/**
	 * @param uploadId the {@code uid} of an upload URL
	 * @return the image it uploads to, or null when the id is unknown (compared in constant time)
	 */
	public ImageRecord image(String uploadId) {
		int dot = uploadId == null ? -1 : uploadId.indexOf('.');
		if (dot != 24 || Ids.parse(uploadId.substring(0, dot)) == null) {
			return null;
		}
		ImageRecord image = images.find(uploadId.substring(0, dot));
		String stored = image == null ? null : image.uploadId();
		if (stored == null || !MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
				uploadId.getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		return image;
	}

	/**
	 * The image an upload id uploads to, as the resource service sees it.
	 *
	 * @param imageId  the image, 24 hex digits
	 * @param owner    its owner (the uploader)
	 * @param pid      its project, 24 hex digits, or null
	 * @param filename its file name, or null
	 */
	public record Target(String imageId, String owner, String pid, String filename) {
	}

	/**
	 * @param uploadId the {@code uid} of an upload URL
	 * @return the image it uploads to, or null when the id is unknown (compared in constant time)
	 */
	public Target target(String uploadId) {
		ImageRecord image = image(uploadId);
		return image == null ? null : new Target(image.id(), image.owner(), image.pid(), image.filename());
	}

	/**
	 * Called when the GridFS file of an upload is complete: the image becomes Uploaded and is queued for
	 * verification.
	 *
	 * @param uploadId the upload id
	 * @param fileId   the complete GridFS file's id (24 hex digits)
	 * @return the image after the change (unchanged when it was no longer waiting, e.g. expired)
	 * @throws IllegalArgumentException when the upload id is unknown
	 */
	public ImageRecord completed(String uploadId, String fileId) {
		ImageRecord image = image(uploadId);
		if (image == null) {
			throw new IllegalArgumentException("unknown upload id");
		}
		ImageRecord after = service.markStored(image.id(), null, fileId);
		return after != null ? after : images.find(image.id());
	}
}
