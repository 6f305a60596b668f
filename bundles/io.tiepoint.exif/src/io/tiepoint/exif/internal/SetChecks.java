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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.tiepoint.exif.CameraGroup;
import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.CheckConfig.Key;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.SetCheck;

/** The built-in whole-set checks. Each skips images that already have an error. */
public final class SetChecks {

	/** Orders by file name, then path: the first of equals is "the original". */
	static final Comparator<ImageRecord> BY_NAME = Comparator.comparing(ImageRecord::name)
			.thenComparing(ImageRecord::path);

	private SetChecks() {
	}

	static List<ImageRecord> usable(List<ImageRecord> images) {
		return images.stream().filter(r -> r.mediaType() != null && !r.has(Severity.ERROR)).toList();
	}

	/** Same SHA-1 as another (non-empty) file. */
	public static final class Duplicates implements SetCheck {
		@Override
		public String id() {
			return "duplicates";
		}

		@Override
		public void check(List<ImageRecord> images, CheckConfig c, Consumer<Finding> out) {
			Map<String, ImageRecord> first = new HashMap<>();
			for (ImageRecord r : images.stream().filter(r -> r.sha1() != null && r.size() > 0).sorted(BY_NAME).toList()) {
				ImageRecord orig = first.putIfAbsent(r.sha1(), r);
				if (orig != null) {
					out.accept(Finding.of(FindingIds.DUPLICATE, Severity.WARNING, r.path(), "exact duplicate of "
							+ Finding.displayName(orig.path()) + " (same sha1 " + r.sha1() + ")"));
				}
			}
		}
	}

	/** Same spot and moment as another image with different bytes. */
	public static final class NearDuplicates implements SetCheck {
		@Override
		public String id() {
			return "near-duplicates";
		}

		@Override
		public void check(List<ImageRecord> images, CheckConfig c, Consumer<Finding> out) {
			java.util.Set<String> seen = new java.util.HashSet<>();
			List<ImageRecord> timed = usable(images).stream().sorted(BY_NAME)
					.filter(r -> r.hasPosition() && r.captureSeconds() != null && seen.add(r.sha1())) // exact copies: Duplicates
					.sorted(Comparator.comparing(ImageRecord::captureSeconds).thenComparing(BY_NAME)).toList();
			EnuFrame f = EnuFrame.around(timed);
			double maxS = c.get(Key.NEAR_DUPLICATE_SECONDS);
			double maxM = c.get(Key.NEAR_DUPLICATE_METERS);
			// one finding per image, naming the first image (by name) at the same spot and moment
			Map<ImageRecord, ImageRecord> original = new LinkedHashMap<>();
			for (int i = 0; i < timed.size(); i++) {
				ImageRecord a = timed.get(i);
				double[] pa = f.toEn(a.latitude(), a.longitude());
				for (int j = i + 1; j < timed.size() && timed.get(j).captureSeconds() - a.captureSeconds() <= maxS; j++) {
					ImageRecord b = timed.get(j);
					double[] pb = f.toEn(b.latitude(), b.longitude());
					if (Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) <= maxM) {
						ImageRecord later = BY_NAME.compare(a, b) < 0 ? b : a;
						ImageRecord earlier = later == a ? b : a;
						original.merge(later, earlier, (x, y) -> BY_NAME.compare(x, y) <= 0 ? x : y);
					}
				}
			}
			original.forEach((later, earlier) -> {
				double[] p = f.toEn(later.latitude(), later.longitude());
				double[] q = f.toEn(earlier.latitude(), earlier.longitude());
				out.accept(Finding.of(FindingIds.NEAR_DUPLICATE, Severity.WARNING, later.path(), String.format(Locale.ROOT,
						"near duplicate of %s (%.1f m and %.1f s apart)", Finding.displayName(earlier.path()),
						Math.hypot(p[0] - q[0], p[1] - q[1]), Math.abs(later.captureSeconds() - earlier.captureSeconds()))));
			});
		}
	}

	/** A camera set-up that only a small minority of the set uses. */
	public static final class Cameras implements SetCheck {
		@Override
		public String id() {
			return "cameras";
		}

		@Override
		public void check(List<ImageRecord> images, CheckConfig c, Consumer<Finding> out) {
			List<ImageRecord> cams = usable(images).stream().filter(r -> r.make() != null || r.model() != null).toList();
			List<CameraGroup> groups = groups(cams);
			if (groups.size() < 2 || groups.get(0).count() * 2 < cams.size()) {
				return; // no dominant camera: a mixed set, nothing is "unlike the rest"
			}
			CameraGroup main = groups.get(0);
			double minority = c.get(Key.CAMERA_MINORITY_FRACTION) * cams.size();
			for (ImageRecord r : cams) {
				CameraGroup g = CameraGroup.of(r).key();
				CameraGroup counted = groups.stream().filter(x -> x.key().equals(g)).findFirst().orElseThrow();
				if (counted.count() <= minority) {
					out.accept(Finding.of(FindingIds.CAMERA_MISMATCH, Severity.WARNING, r.path(), "camera " + g.label()
							+ " unlike the rest of the set (" + main.count() + " of " + cams.size() + " images: "
							+ main.label() + ")"));
				}
			}
		}
	}

	/**
	 * @param images records
	 * @return camera groups, largest first
	 */
	public static List<CameraGroup> groups(List<ImageRecord> images) {
		Map<CameraGroup, Integer> counts = new LinkedHashMap<>();
		for (ImageRecord r : images) {
			if (r.make() != null || r.model() != null) {
				counts.merge(CameraGroup.of(r).key(), 1, Integer::sum);
			}
		}
		List<CameraGroup> out = new ArrayList<>();
		counts.forEach((k, n) -> out.add(new CameraGroup(k.make(), k.model(), k.serial(), k.focalLength(), k.width(),
				k.height(), n)));
		out.sort(Comparator.comparingInt(CameraGroup::count).reversed().thenComparing(CameraGroup::label));
		return out;
	}
}
