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

import java.util.Arrays;
import java.util.List;

import io.tiepoint.exif.ImageRecord;

/**
 * A local east/north metric frame (equirectangular with WGS84 radii of curvature at the origin),
 * good to centimetres over a few kilometres.
 */
public final class EnuFrame {

	private static final double A = 6378137.0;
	private static final double F = 1 / 298.257223563;
	private static final double E2 = F * (2 - F);

	private final double lat0;
	private final double lon0;
	private final double metersPerDegLat;
	private final double metersPerDegLon;

	/**
	 * @param lat0 origin latitude, degrees
	 * @param lon0 origin longitude, degrees
	 */
	public EnuFrame(double lat0, double lon0) {
		this.lat0 = lat0;
		this.lon0 = lon0;
		double phi = Math.toRadians(lat0);
		double s2 = Math.sin(phi) * Math.sin(phi);
		double m = A * (1 - E2) / Math.pow(1 - E2 * s2, 1.5);
		double n = A / Math.sqrt(1 - E2 * s2);
		metersPerDegLat = Math.toRadians(m);
		metersPerDegLon = Math.toRadians(n * Math.cos(phi));
	}

	/**
	 * @param records records; those with a position count
	 * @return a frame at the median position, or null when none has a position
	 */
	public static EnuFrame around(List<ImageRecord> records) {
		double[] lats = records.stream().filter(ImageRecord::hasPosition).mapToDouble(ImageRecord::latitude).toArray();
		double[] lons = records.stream().filter(ImageRecord::hasPosition).mapToDouble(ImageRecord::longitude).toArray();
		if (lats.length == 0) {
			return null;
		}
		return new EnuFrame(median(lats), median(lons));
	}

	/**
	 * @param lat latitude
	 * @param lon longitude
	 * @return {east, north} in metres
	 */
	public double[] toEn(double lat, double lon) {
		double dLon = lon - lon0;
		if (dLon > 180) {
			dLon -= 360;
		} else if (dLon < -180) {
			dLon += 360;
		}
		return new double[] { dLon * metersPerDegLon, (lat - lat0) * metersPerDegLat };
	}

	/**
	 * @param east  metres
	 * @param north metres
	 * @return {latitude, longitude}
	 */
	public double[] toLatLon(double east, double north) {
		return new double[] { lat0 + north / metersPerDegLat, lon0 + east / metersPerDegLon };
	}

	/**
	 * @param v values (copied)
	 * @return the median, NaN when empty
	 */
	public static double median(double[] v) {
		if (v.length == 0) {
			return Double.NaN;
		}
		double[] s = v.clone();
		Arrays.sort(s);
		int m = s.length / 2;
		return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
	}
}
