/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.internal;

/**
 * A local East-North-Up frame on the WGS84 ellipsoid, with its origin at a geodetic position: the
 * frame COLMAP's {@code model_aligner --ref_is_gps 1 --alignment_type enu} aligns to, whose origin
 * is the first reference position (latitude, longitude and height).
 */
public final class Enu {

	private static final double A = 6378137.0;
	private static final double F = 1 / 298.257223563;
	private static final double E2 = F * (2 - F);
	private final double lat0;
	private final double lon0;
	private final double[] origin;

	/**
	 * @param latDeg latitude of the origin, degrees
	 * @param lonDeg longitude of the origin, degrees
	 * @param height ellipsoidal (or GPS) height of the origin, metres
	 */
	public Enu(double latDeg, double lonDeg, double height) {
		this.lat0 = Math.toRadians(latDeg);
		this.lon0 = Math.toRadians(lonDeg);
		this.origin = ecef(latDeg, lonDeg, height);
	}

	/**
	 * @param latDeg latitude, degrees
	 * @param lonDeg longitude, degrees
	 * @param height height, metres
	 * @return earth-centred, earth-fixed x, y, z, metres
	 */
	public static double[] ecef(double latDeg, double lonDeg, double height) {
		double lat = Math.toRadians(latDeg);
		double lon = Math.toRadians(lonDeg);
		double n = A / Math.sqrt(1 - E2 * Math.sin(lat) * Math.sin(lat));
		return new double[] { (n + height) * Math.cos(lat) * Math.cos(lon), (n + height) * Math.cos(lat) * Math.sin(lon),
				(n * (1 - E2) + height) * Math.sin(lat) };
	}

	/**
	 * @param latDeg latitude, degrees
	 * @param lonDeg longitude, degrees
	 * @param height height, metres
	 * @return east, north, up of the position in this frame, metres
	 */
	public double[] toEnu(double latDeg, double lonDeg, double height) {
		double[] p = ecef(latDeg, lonDeg, height);
		double dx = p[0] - origin[0];
		double dy = p[1] - origin[1];
		double dz = p[2] - origin[2];
		double sl = Math.sin(lat0);
		double cl = Math.cos(lat0);
		double so = Math.sin(lon0);
		double co = Math.cos(lon0);
		return new double[] { -so * dx + co * dy, -sl * co * dx - sl * so * dy + cl * dz,
				cl * co * dx + cl * so * dy + sl * dz };
	}

	/** @param a a point @param b another @return their Euclidean distance */
	public static double distance(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < 3; i++) {
			s += (a[i] - b[i]) * (a[i] - b[i]);
		}
		return Math.sqrt(s);
	}
}
