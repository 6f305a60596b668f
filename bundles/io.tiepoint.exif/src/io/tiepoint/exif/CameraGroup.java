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

import java.util.Locale;

/**
 * Images taken with one camera set-up: same make, model, serial, focal length and dimensions.
 *
 * @param make        make or null
 * @param model       model or null
 * @param serial      body serial or null
 * @param focalLength focal length in mm or null
 * @param width       width in pixels or null
 * @param height      height in pixels or null
 * @param count       how many images of the set
 */
public record CameraGroup(String make, String model, String serial, Double focalLength, Integer width, Integer height,
		int count) {

	/**
	 * @param r a record
	 * @return the key of its group (count 1)
	 */
	public static CameraGroup of(ImageRecord r) {
		return new CameraGroup(r.make(), r.model(), r.serial(), r.focalLength(), r.width(), r.height(), 1);
	}

	/** @return the group without its count, for grouping */
	public CameraGroup key() {
		return new CameraGroup(make, model, serial, focalLength, width, height, 0);
	}

	/** @return a label such as "DJI FC6310 #0K8T 8.8 mm 1200x900" */
	public String label() {
		StringBuilder sb = new StringBuilder();
		sb.append(make == null ? "?" : make).append(' ').append(model == null ? "?" : model);
		if (serial != null) {
			sb.append(" #").append(serial);
		}
		if (focalLength != null) {
			sb.append(String.format(Locale.ROOT, " %.1f mm", focalLength));
		}
		if (width != null && height != null) {
			sb.append(' ').append(width).append('x').append(height);
		}
		return sb.toString();
	}
}
