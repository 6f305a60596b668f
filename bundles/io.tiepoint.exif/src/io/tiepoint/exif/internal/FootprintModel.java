/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import io.tiepoint.exif.ImageRecord;

/**
 * Ground footprint of a nadir image in the local frame: a rectangle around the camera position,
 * sized by relative altitude and field of view, rotated by the heading.
 */
final class FootprintModel {

	final ImageRecord record;
	final double[] center;
	final double heading;
	final double[][] corners;
	final double time;

	private FootprintModel(ImageRecord record, double[] center, double heading, double[][] corners) {
		this.record = record;
		this.center = center;
		this.heading = heading;
		this.corners = corners;
		Double t = record.captureSeconds();
		this.time = t == null ? Double.NaN : t;
	}

	/**
	 * @param r     a nadir image
	 * @param frame local frame
	 * @return its footprint, or null when altitude, field of view or heading is unknown
	 */
	static FootprintModel of(ImageRecord r, EnuFrame frame) {
		Double heading = r.gimbalYaw() != null ? r.gimbalYaw() : r.flightYaw();
		Double alt = r.relativeAltitude();
		Double tanHalfH = tanHalfHorizontalFov(r);
		if (!r.hasPosition() || heading == null || alt == null || alt <= 0 || tanHalfH == null || r.width() == null
				|| r.height() == null || r.width() <= 0) {
			return null;
		}
		double halfW = alt * tanHalfH;
		double halfH = halfW * r.height() / r.width();
		double th = Math.toRadians(heading);
		double[] fwd = { Math.sin(th), Math.cos(th) };
		double[] right = { Math.cos(th), -Math.sin(th) };
		double[] c = frame.toEn(r.latitude(), r.longitude());
		double[][] k = new double[4][];
		int[][] signs = { { -1, 1 }, { 1, 1 }, { 1, -1 }, { -1, -1 } };
		for (int i = 0; i < 4; i++) {
			double sx = signs[i][0] * halfW;
			double sy = signs[i][1] * halfH;
			k[i] = new double[] { c[0] + right[0] * sx + fwd[0] * sy, c[1] + right[1] * sx + fwd[1] * sy };
		}
		return new FootprintModel(r, c, heading, k);
	}

	/** tan of half the horizontal field of view, from the 35 mm equivalent or focal + sensor width. */
	static Double tanHalfHorizontalFov(ImageRecord r) {
		if (r.focalLength35() != null && r.focalLength35() > 0) {
			return 18.0 / r.focalLength35();
		}
		if (r.focalLength() != null && r.focalLength() > 0 && r.sensorWidth() != null) {
			return r.sensorWidth() / 2 / r.focalLength();
		}
		return null;
	}

	/**
	 * @param axis unit vector
	 * @return {min, max} of the corners projected on the axis
	 */
	double[] extent(double[] axis) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (double[] p : corners) {
			double v = p[0] * axis[0] + p[1] * axis[1];
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		return new double[] { min, max };
	}

	/**
	 * @param other another footprint
	 * @param axis  unit vector
	 * @return the fraction (0..1) of the mean extent the two share along the axis
	 */
	double overlapAlong(FootprintModel other, double[] axis) {
		double[] a = extent(axis);
		double[] b = other.extent(axis);
		double shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
		double mean = ((a[1] - a[0]) + (b[1] - b[0])) / 2;
		return mean <= 0 ? 0 : Math.max(0, Math.min(1, shared / mean));
	}
}
