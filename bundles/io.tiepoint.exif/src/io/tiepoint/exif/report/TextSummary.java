/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.report;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tiepoint.exif.CameraGroup;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.OverlapStats;

/** A readable summary: totals, cameras, time span, findings by kind, overlap, then every finding. */
public final class TextSummary {

	private TextSummary() {
	}

	/**
	 * @param result the run
	 * @param out    destination, flushed
	 */
	public static void write(InspectionResult result, PrintWriter out) {
		List<ImageRecord> images = result.records().stream().filter(r -> r.mediaType() != null).toList();
		long bytes = result.records().stream().mapToLong(ImageRecord::size).sum();
		double gp = images.stream().filter(r -> r.megapixels() != null).mapToDouble(ImageRecord::megapixels).sum() / 1000;
		out.printf(Locale.ROOT, "Files:     %d (%d images), %.2f gigapixels, %s%n", result.records().size(),
				images.size(), gp, humanBytes(bytes));
		out.printf(Locale.ROOT, "Cameras:   %d%n", result.cameras().size());
		for (CameraGroup c : result.cameras()) {
			out.printf(Locale.ROOT, "           %5d  %s%n", c.count(), c.label());
		}
		List<ImageRecord> timed = images.stream().filter(r -> r.dateTimeOriginal() != null)
				.sorted(Comparator.comparing(ImageRecord::dateTimeOriginal)).toList();
		if (!timed.isEmpty()) {
			out.printf(Locale.ROOT, "Time span: %s .. %s%n", timed.get(0).dateTimeOriginal(),
					timed.get(timed.size() - 1).dateTimeOriginal());
		}
		OverlapStats o = result.overlap();
		out.printf(Locale.ROOT, "Overlap:   %d nadir footprints on %d flight lines, median forward %s, side %s%n",
				o.nadirImages(), o.flightLines(), percent(o.medianForward()), percent(o.medianSide()));
		Map<Finding.Severity, Integer> sev = result.countsBySeverity();
		out.printf(Locale.ROOT, "Findings:  %d errors, %d warnings, %d info%n", sev.getOrDefault(Finding.Severity.ERROR, 0),
				sev.getOrDefault(Finding.Severity.WARNING, 0), sev.getOrDefault(Finding.Severity.INFO, 0));
		result.countsById().forEach((id, n) -> out.printf(Locale.ROOT, "           %5d  %s%n", n, id));
		for (Finding.Severity s : new Finding.Severity[] { Finding.Severity.ERROR, Finding.Severity.WARNING }) {
			for (Finding f : result.findings()) {
				if (f.severity() == s) {
					out.printf(Locale.ROOT, "%-7s %-22s %s%n", s, f.id(), f.message());
				}
			}
		}
		out.flush();
	}

	private static String percent(Double d) {
		return d == null ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * d);
	}

	static String humanBytes(long b) {
		if (b < 1024) {
			return b + " B";
		}
		String[] u = { "KiB", "MiB", "GiB", "TiB" };
		double v = b;
		int i = -1;
		while (v >= 1024 && i < u.length - 1) {
			v /= 1024;
			i++;
		}
		return String.format(Locale.ROOT, "%.1f %s (%d bytes)", v, u[i], b);
	}
}
