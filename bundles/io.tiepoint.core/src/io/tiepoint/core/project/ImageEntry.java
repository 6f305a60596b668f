/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.project;

/**
 * One image of a project, as the journal holds it.
 *
 * @param id          the journal's id
 * @param project     the project name
 * @param path        the absolute local path
 * @param name        the file name
 * @param size        bytes
 * @param mtime       last modification, epoch milliseconds
 * @param sha1        lower-case hex SHA-1, or null before inspection
 * @param md5         lower-case hex MD5, or null
 * @param mediaType   the type by content, or null
 * @param make        camera make, or null
 * @param model       camera model, or null
 * @param taken       DateTimeOriginal as ISO text, or null
 * @param latitude    degrees, or null
 * @param longitude   degrees, or null
 * @param altitude    metres above sea level, or null
 * @param relAltitude metres above the take-off point (DJI), or null
 * @param yaw         gimbal or flight yaw, degrees, or null
 * @param pitch       gimbal pitch, degrees, or null
 * @param width       pixels, or null
 * @param height      pixels, or null
 * @param findings    the inspection's findings, one {@code severity id: message} per line ("" for none)
 * @param state       the state
 * @param offset      bytes the destination acknowledged
 * @param resumeToken how to resume an upload (multipart id, resumable URL), or null
 * @param remoteId    the platform's image id, or null
 * @param error       why it failed or is invalid/rejected, or null
 * @param retryable   whether trying again can help
 * @param attempts    upload attempts so far
 * @param bytesSent   bytes sent in all attempts
 * @param excluded    excluded by the user: never sent
 * @param updated     last change, epoch milliseconds
 * @param location    where the direct flow stored it (a URI without secrets), or null
 * @param cloud       the platform cloud it was last registered for (e.g. {@code s3}), or null
 */
public record ImageEntry(long id, String project, String path, String name, long size, long mtime, String sha1,
		String md5, String mediaType, String make, String model, String taken, Double latitude, Double longitude,
		Double altitude, Double relAltitude, Double yaw, Double pitch, Integer width, Integer height,
		String findings, ImageState state, long offset, String resumeToken, String remoteId, String error,
		boolean retryable, int attempts, long bytesSent, boolean excluded, long updated, String location, String cloud) {

	/** @return the first 8 hex digits of the SHA-1, or "" */
	public String shortSha1() {
		return sha1 == null ? "" : sha1.substring(0, Math.min(8, sha1.length()));
	}

	/** @return "Make Model", or "" */
	public String camera() {
		String s = ((make == null ? "" : make) + " " + (model == null ? "" : model)).trim();
		return s;
	}
}
