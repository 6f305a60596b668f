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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.CheckConfig.Key;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.Footprint;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.OverlapStats;

/**
 * Splits the nadir images into flight lines (capture order; a new line where the heading or the
 * direction of travel turns, or the step is much longer than usual), then estimates forward overlap
 * between neighbours on a line and side overlap with the nearest image of the neighbouring line,
 * both as the shared fraction of the footprints projected on the line axis or its normal.
 */
public final class OverlapEstimator {

	private static final double TURN_DEGREES = 45;

	/**
	 * @param stats    the statistics and footprints
	 * @param findings low-overlap findings
	 */
	public record Result(OverlapStats stats, List<Finding> findings) {
	}

	private OverlapEstimator() {
	}

	/**
	 * @param images all records of the run
	 * @param c      thresholds
	 * @return the estimate
	 */
	public static Result estimate(List<ImageRecord> images, CheckConfig c) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		List<ImageRecord> nadir = SetChecks.usable(images).stream().sorted(SetChecks.BY_NAME)
				.filter(r -> ImageChecks.isNadir(r, c) && (r.sha1() == null || seen.add(r.sha1()))).toList();
		EnuFrame frame = EnuFrame.around(nadir);
		if (frame == null) {
			return new Result(OverlapStats.NONE, List.of());
		}
		List<FootprintModel> fps = new ArrayList<>();
		for (ImageRecord r : nadir) {
			FootprintModel m = FootprintModel.of(r, frame);
			if (m != null) {
				fps.add(m);
			}
		}
		fps.sort(Comparator.comparingDouble((FootprintModel m) -> Double.isNaN(m.time) ? Double.MAX_VALUE : m.time)
				.thenComparing(m -> m.record.name()));
		List<List<FootprintModel>> lines = lines(fps);
		Map<FootprintModel, Double> forward = new HashMap<>();
		Map<FootprintModel, Double> side = new HashMap<>();
		List<Double> fwdPairs = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		double minFwd = c.get(Key.OVERLAP_MIN_FORWARD);
		for (List<FootprintModel> line : lines) {
			double[] axis = axis(line);
			for (int i = 1; i < line.size() && axis != null; i++) {
				double o = line.get(i - 1).overlapAlong(line.get(i), axis);
				fwdPairs.add(o);
				forward.merge(line.get(i - 1), o, Math::max);
				forward.merge(line.get(i), o, Math::max);
				if (o < minFwd) {
					findings.add(low(line.get(i), "forward", o, minFwd, line.get(i - 1)));
				}
			}
		}
		sideOverlaps(lines, side, findings, c.get(Key.OVERLAP_MIN_SIDE));
		List<Footprint> out = new ArrayList<>();
		for (int li = 0; li < lines.size(); li++) {
			for (FootprintModel m : lines.get(li)) {
				List<double[]> ring = new ArrayList<>();
				for (int k = 0; k <= 4; k++) {
					double[] ll = frame.toLatLon(m.corners[k % 4][0], m.corners[k % 4][1]);
					ring.add(new double[] { ll[1], ll[0] });
				}
				out.add(new Footprint(m.record.path(), ring, li, forward.get(m), side.get(m)));
			}
		}
		out.sort(Comparator.comparing(Footprint::path));
		Double medF = fwdPairs.isEmpty() ? null : EnuFrame.median(fwdPairs.stream().mapToDouble(d -> d).toArray());
		Double medS = side.isEmpty() ? null : EnuFrame.median(side.values().stream().mapToDouble(d -> d).toArray());
		return new Result(new OverlapStats(fps.size(), lines.size(), medF, medS, out), findings);
	}

	private static Finding low(FootprintModel m, String kind, double o, double min, FootprintModel other) {
		return Finding.of(FindingIds.LOW_OVERLAP, Severity.WARNING, m.record.path(), String.format(Locale.ROOT,
				"%s overlap with %s only %.0f %% (minimum %.0f %%)", kind, Finding.displayName(other.record.path()),
				100 * o, 100 * min));
	}

	static List<List<FootprintModel>> lines(List<FootprintModel> fps) {
		double[] steps = new double[Math.max(0, fps.size() - 1)];
		for (int i = 1; i < fps.size(); i++) {
			steps[i - 1] = dist(fps.get(i - 1).center, fps.get(i).center);
		}
		double maxStep = 3 * EnuFrame.median(steps);
		List<List<FootprintModel>> lines = new ArrayList<>();
		List<FootprintModel> cur = new ArrayList<>();
		for (FootprintModel m : fps) {
			if (!cur.isEmpty()) {
				FootprintModel last = cur.get(cur.size() - 1);
				double[] v = { m.center[0] - last.center[0], m.center[1] - last.center[1] };
				boolean turn = angleDiff(m.heading, last.heading) > TURN_DEGREES || dist(m.center, last.center) > maxStep;
				double[] dir = axis(cur);
				if (!turn && dir != null && Math.hypot(v[0], v[1]) > 0) {
					double cos = (v[0] * dir[0] + v[1] * dir[1]) / Math.hypot(v[0], v[1]);
					turn = cos < Math.cos(Math.toRadians(TURN_DEGREES));
				}
				if (turn) {
					lines.add(cur);
					cur = new ArrayList<>();
				}
			}
			cur.add(m);
		}
		if (!cur.isEmpty()) {
			lines.add(cur);
		}
		return lines;
	}

	private static void sideOverlaps(List<List<FootprintModel>> lines, Map<FootprintModel, Double> side,
			List<Finding> findings, double minSide) {
		Map<FootprintModel, FootprintModel> nearest = new HashMap<>();
		List<List<FootprintModel>> real = lines.stream().filter(l -> l.size() >= 2).toList();
		if (real.size() < 2) {
			return;
		}
		double[] axis = real.stream().sorted(Comparator.comparingInt((List<FootprintModel> l) -> l.size()).reversed())
				.map(OverlapEstimator::axis).filter(a -> a != null).findFirst().orElse(null);
		if (axis == null) {
			return; // all images of each line at one spot: no direction, no side overlap
		}
		double[] normal = { -axis[1], axis[0] };
		List<List<FootprintModel>> sorted = new ArrayList<>(real);
		sorted.sort(Comparator.comparingDouble(l -> l.stream().mapToDouble(m -> dot(m.center, normal)).average()
				.orElse(0)));
		for (int i = 1; i < sorted.size(); i++) {
			List<FootprintModel> a = sorted.get(i - 1);
			List<FootprintModel> b = sorted.get(i);
			double[] aa = axis(a);
			double[] ab = axis(b);
			if (aa == null || ab == null || Math.abs(dot(aa, ab)) < Math.cos(Math.toRadians(30))) {
				continue; // not parallel: a cross line, no side neighbour
			}
			for (FootprintModel m : a) {
				pair(m, b, normal, side, nearest);
			}
			for (FootprintModel m : b) {
				pair(m, a, normal, side, nearest);
			}
		}
		side.forEach((m, o) -> {
			if (o < minSide) {
				findings.add(low(m, "side", o, minSide, nearest.get(m)));
			}
		});
		findings.sort(Comparator.comparing(Finding::path).thenComparing(Finding::message));
	}

	private static void pair(FootprintModel m, List<FootprintModel> other, double[] normal,
			Map<FootprintModel, Double> side, Map<FootprintModel, FootprintModel> nearest) {
		FootprintModel n = other.stream().min(Comparator.comparingDouble(o -> dist(o.center, m.center))).orElseThrow();
		double o = m.overlapAlong(n, normal);
		Double before = side.get(m);
		if (before == null || o > before) {
			side.put(m, o);
			nearest.put(m, n);
		}
	}

	/** @return unit vector from the first to the last centre, null for fewer than two */
	static double[] axis(List<FootprintModel> line) {
		if (line.size() < 2) {
			return null;
		}
		double[] a = line.get(0).center;
		double[] b = line.get(line.size() - 1).center;
		double d = dist(a, b);
		return d == 0 ? null : new double[] { (b[0] - a[0]) / d, (b[1] - a[1]) / d };
	}

	private static double dot(double[] a, double[] b) {
		return a[0] * b[0] + a[1] * b[1];
	}

	private static double dist(double[] a, double[] b) {
		return Math.hypot(a[0] - b[0], a[1] - b[1]);
	}

	private static double angleDiff(double a, double b) {
		double d = Math.abs(a - b) % 360;
		return d > 180 ? 360 - d : d;
	}
}
