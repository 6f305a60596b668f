/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

/** The stable identifiers of the built-in findings. */
public final class FindingIds {
	/** I/O failure while reading (permissions, dangling link, device error). */
	public static final String UNREADABLE = "unreadable";
	/** Zero-byte file. */
	public static final String EMPTY = "empty";
	/** Content is not a recognised image type. */
	public static final String NOT_AN_IMAGE = "not-an-image";
	/** Image data ends early (missing end marker or premature end while decoding). */
	public static final String TRUNCATED = "truncated";
	/** Recognised image type whose pixels could not be decoded. */
	public static final String CORRUPT = "corrupt";
	/** Pixels could not be checked (type without a decoder, or too large); informative. */
	public static final String NOT_DECODED = "not-decoded";
	/** Metadata present but unreadable. */
	public static final String METADATA_ERROR = "metadata-error";
	/** File extension names a different type than the content. */
	public static final String EXTENSION_MISMATCH = "extension-mismatch";
	/** No GPS position. */
	public static final String NO_GPS = "no-gps";
	/** GPS position exactly at latitude 0, longitude 0. */
	public static final String GPS_ZERO = "gps-zero";
	/** Relative altitude (above take-off) zero or negative. */
	public static final String ALTITUDE_NOT_POSITIVE = "altitude-not-positive";
	/** Camera looks straight down (INFO classification). */
	public static final String NADIR = "nadir";
	/** Camera looks obliquely (INFO classification). */
	public static final String OBLIQUE = "oblique";
	/** Camera (make, model, serial, focal, dimensions) unlike the rest of the set. */
	public static final String CAMERA_MISMATCH = "camera-mismatch";
	/** Same bytes (sha1) as another file. */
	public static final String DUPLICATE = "duplicate";
	/** Same place and moment as another file. */
	public static final String NEAR_DUPLICATE = "near-duplicate";
	/** Laplacian variance below the threshold. */
	public static final String BLUR = "blur";
	/** Too many pixels clipped white. */
	public static final String OVEREXPOSED = "overexposed";
	/** Too many pixels clipped black. */
	public static final String UNDEREXPOSED = "underexposed";
	/** Long pause between consecutive captures of one camera. */
	public static final String TIME_GAP = "time-gap";
	/** Jump in file numbering (merged cards). */
	public static final String NUMBERING_GAP = "numbering-gap";
	/** Position far from the rest of the set. */
	public static final String POSITION_OUTLIER = "position-outlier";
	/** Forward or side overlap below the threshold. */
	public static final String LOW_OVERLAP = "low-overlap";
	/** A directory link that leads back into itself (not followed). */
	public static final String LINK_LOOP = "link-loop";
	/** A contributed check failed on this file. */
	public static final String CHECK_FAILED = "check-failed";

	private FindingIds() {
	}
}
