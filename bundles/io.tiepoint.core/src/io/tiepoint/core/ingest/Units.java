/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.util.Locale;

/** How sizes and durations are shown to users, the same in the engine's messages and the fronts. */
public final class Units {

	private Units() {
	}

	/**
	 * @param bytes a size
	 * @return e.g. {@code 4.0 MiB}
	 */
	public static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KiB", "MiB", "GiB", "TiB" };
		double v = bytes;
		int u = -1;
		while (v >= 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
	}

	/**
	 * @param seconds a duration
	 * @return e.g. {@code 3m05s}
	 */
	public static String duration(double seconds) {
		long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
				: s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
	}
}
