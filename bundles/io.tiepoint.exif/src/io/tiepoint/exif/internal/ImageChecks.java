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

import java.util.Locale;
import java.util.function.Consumer;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.CheckConfig.Key;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageCheck;
import io.tiepoint.exif.ImageRecord;

/** The built-in per-image checks (position, altitude, view direction, sharpness, exposure). */
public final class ImageChecks {

	private ImageChecks() {
	}

	/** No GPS, or GPS at exactly (0, 0). */
	public static final class Gps implements ImageCheck {
		@Override
		public String id() {
			return "gps";
		}

		@Override
		public void check(ImageRecord r, CheckConfig c, Consumer<Finding> out) {
			if (!r.hasPosition()) {
				out.accept(Finding.of(FindingIds.NO_GPS, Severity.WARNING, r.path(), "no GPS position in the metadata"));
			} else if (r.latitude() == 0 && r.longitude() == 0) {
				out.accept(Finding.of(FindingIds.GPS_ZERO, Severity.WARNING, r.path(),
						"GPS position is exactly 0, 0 (no fix when the photo was taken)"));
			}
		}
	}

	/** Relative altitude (DJI, above take-off) zero or negative. */
	public static final class Altitude implements ImageCheck {
		@Override
		public String id() {
			return "altitude";
		}

		@Override
		public void check(ImageRecord r, CheckConfig c, Consumer<Finding> out) {
			if (r.relativeAltitude() != null && r.relativeAltitude() <= 0) {
				out.accept(Finding.of(FindingIds.ALTITUDE_NOT_POSITIVE, Severity.WARNING, r.path(), String.format(
						Locale.ROOT, "relative altitude %.2f m is not above the take-off point", r.relativeAltitude())));
			}
		}
	}

	/** Nadir or oblique, from the gimbal pitch (INFO). */
	public static final class View implements ImageCheck {
		@Override
		public String id() {
			return "view";
		}

		@Override
		public void check(ImageRecord r, CheckConfig c, Consumer<Finding> out) {
			if (r.gimbalPitch() == null) {
				return;
			}
			boolean nadir = isNadir(r, c);
			out.accept(Finding.of(nadir ? FindingIds.NADIR : FindingIds.OBLIQUE, Severity.INFO, r.path(), String
					.format(Locale.ROOT, "%s view (gimbal pitch %.1f°)", nadir ? "nadir" : "oblique", r.gimbalPitch())));
		}
	}

	/**
	 * @param r a record
	 * @param c thresholds
	 * @return whether the gimbal points straight down within the tolerance
	 */
	public static boolean isNadir(ImageRecord r, CheckConfig c) {
		return r.gimbalPitch() != null && Math.abs(r.gimbalPitch() + 90) <= c.get(Key.NADIR_MAX_OFF_DEGREES);
	}

	/** Blur (variance of the Laplacian) and clipping, measured on the decode. */
	public static final class Pixels implements ImageCheck {
		@Override
		public String id() {
			return "pixels";
		}

		@Override
		public void check(ImageRecord r, CheckConfig c, Consumer<Finding> out) {
			if (r.blurVariance() != null && r.blurVariance() < c.get(Key.BLUR_MIN_VARIANCE)) {
				out.accept(Finding.of(FindingIds.BLUR, Severity.WARNING, r.path(), String.format(Locale.ROOT,
						"blurred: variance of the Laplacian %.1f < %.1f", r.blurVariance(), c.get(Key.BLUR_MIN_VARIANCE))));
			}
			if (r.clippedHigh() != null && r.clippedHigh() > c.get(Key.OVEREXPOSED_MAX_FRACTION)) {
				out.accept(Finding.of(FindingIds.OVEREXPOSED, Severity.WARNING, r.path(), String.format(Locale.ROOT,
						"over-exposed: %.1f %% of pixels clipped white", 100 * r.clippedHigh())));
			}
			if (r.clippedLow() != null && r.clippedLow() > c.get(Key.UNDEREXPOSED_MAX_FRACTION)) {
				out.accept(Finding.of(FindingIds.UNDEREXPOSED, Severity.WARNING, r.path(), String.format(Locale.ROOT,
						"under-exposed: %.1f %% of pixels clipped black", 100 * r.clippedLow())));
			}
		}
	}
}
