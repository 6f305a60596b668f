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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tiepoint.exif.CameraGroup;
import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.CheckConfig.Key;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.SetCheck;

/** Checks on the order of a set: time gaps, numbering gaps and position outliers. */
public final class SequenceChecks {

	private static final Pattern NUMBERED = Pattern.compile("^([A-Za-z]+[_-]?)(\\d{3,})");

	private SequenceChecks() {
	}

	/** A long pause between consecutive captures of one camera (a merged second flight or card). */
	public static final class TimeGaps implements SetCheck {
		@Override
		public String id() {
			return "time-gaps";
		}

		@Override
		public void check(List<ImageRecord> images, CheckConfig c, Consumer<Finding> out) {
			Map<CameraGroup, List<ImageRecord>> byCamera = new LinkedHashMap<>();
			for (ImageRecord r : SetChecks.usable(images)) {
				if (r.captureSeconds() != null) {
					byCamera.computeIfAbsent(CameraGroup.of(r).key(), k -> new ArrayList<>()).add(r);
				}
			}
			for (List<ImageRecord> list : byCamera.values()) {
				list.sort(Comparator.comparing(ImageRecord::captureSeconds).thenComparing(SetChecks.BY_NAME));
				if (list.size() < 3) {
					continue;
				}
				double[] dt = new double[list.size() - 1];
				for (int i = 1; i < list.size(); i++) {
					dt[i - 1] = list.get(i).captureSeconds() - list.get(i - 1).captureSeconds();
				}
				double limit = Math.max(c.get(Key.TIME_GAP_MIN_SECONDS), c.get(Key.TIME_GAP_FACTOR) * EnuFrame.median(dt));
				for (int i = 0; i < dt.length; i++) {
					if (dt[i] > limit) {
						ImageRecord r = list.get(i + 1);
						out.accept(Finding.of(FindingIds.TIME_GAP, Severity.WARNING, r.path(), String.format(Locale.ROOT,
								"taken %.0f s after the previous image %s (merged flights or cards?)", dt[i],
								Finding.displayName(list.get(i).path()))));
					}
				}
			}
		}
	}

	/** A jump in the camera's file numbering (merged cards, missing files). */
	public static final class NumberingGaps implements SetCheck {
		@Override
		public String id() {
			return "numbering-gaps";
		}

		@Override
		public void check(List<ImageRecord> images, CheckConfig c, Consumer<Finding> out) {
			Map<String, List<Object[]>> byPrefix = new LinkedHashMap<>();
			for (ImageRecord r : images) {
				Matcher m = NUMBERED.matcher(r.name());
				if (m.find() && m.group(2).length() <= 9) {
					byPrefix.computeIfAbsent(m.group(1).toUpperCase(Locale.ROOT), k -> new ArrayList<>())
							.add(new Object[] { Long.parseLong(m.group(2)), r });
				}
			}
			for (List<Object[]> list : byPrefix.values()) {
				list.sort(Comparator.comparingLong((Object[] o) -> (Long) o[0])
						.thenComparing(o -> ((ImageRecord) o[1]).path()));
				for (int i = 1; i < list.size(); i++) {
					long step = (Long) list.get(i)[0] - (Long) list.get(i - 1)[0];
					if (step > c.get(Key.NUMBERING_MAX_STEP)) {
						ImageRecord r = (ImageRecord) list.get(i)[1];
						out.accept(Finding.of(FindingIds.NUMBERING_GAP, Severity.WARNING, r.path(), "file number jumps by "
								+ step + " after " + Finding.displayName(((ImageRecord) list.get(i - 1)[1]).path())
								+ " (merged cards or missing files?)"));
					}
				}
			}
		}
	}

	/** A position far from the rest of the set. */
	public static final class PositionOutliers implements SetCheck {
		@Override
		public String id() {
			return "position-outliers";
		}

		@Override
		public void check(List<ImageRecord> images, CheckConfig c, Consumer<Finding> out) {
			List<ImageRecord> located = SetChecks.usable(images).stream().filter(ImageRecord::hasPosition).toList();
			if (located.size() < 5) {
				return;
			}
			EnuFrame f = EnuFrame.around(located);
			double[] d = new double[located.size()];
			for (int i = 0; i < d.length; i++) {
				double[] p = f.toEn(located.get(i).latitude(), located.get(i).longitude());
				d[i] = Math.hypot(p[0], p[1]);
			}
			double limit = Math.max(c.get(Key.OUTLIER_MIN_METERS), c.get(Key.OUTLIER_FACTOR) * EnuFrame.median(d));
			for (int i = 0; i < d.length; i++) {
				if (d[i] > limit) {
					out.accept(Finding.of(FindingIds.POSITION_OUTLIER, Severity.WARNING, located.get(i).path(), String
							.format(Locale.ROOT, "position %.0f m from the middle of the set (limit %.0f m)", d[i], limit)));
				}
			}
		}
	}
}
