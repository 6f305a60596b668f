/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.jobs;

import java.util.Locale;

/** Progress text of a transfer, for the Progress view and the status line. */
public final class TransferText {

	private TransferText() {
	}

	/**
	 * @param filesDone      files finished
	 * @param filesTotal     files in all
	 * @param bytesDone      bytes sent
	 * @param bytesTotal     bytes to send
	 * @param bytesPerSecond current rate
	 * @param etaSeconds     estimated seconds left, negative when unknown
	 * @return e.g. {@code 12/40 files, 3.1 MB of 22 MB, 2.3 MB/s, 0:12 left}
	 */
	public static String format(int filesDone, int filesTotal, long bytesDone, long bytesTotal, double bytesPerSecond,
			long etaSeconds) {
		StringBuilder sb = new StringBuilder();
		sb.append(filesDone).append('/').append(filesTotal).append(" files, ");
		sb.append(bytes(bytesDone)).append(" of ").append(bytes(bytesTotal));
		if (bytesPerSecond > 0) {
			sb.append(", ").append(bytes((long) bytesPerSecond)).append("/s");
		}
		if (etaSeconds >= 0 && bytesPerSecond > 0) {
			sb.append(", ").append(duration(etaSeconds)).append(" left");
		}
		return sb.toString();
	}

	/** @param b bytes @return e.g. {@code 3.1 MB} */
	public static String bytes(long b) {
		if (b < 1000) {
			return b + " B";
		}
		double v = b;
		String[] units = { "kB", "MB", "GB", "TB" };
		int u = -1;
		while (v >= 1000 && u < units.length - 1) {
			v /= 1000;
			u++;
		}
		return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
	}

	/** @param s seconds @return {@code m:ss} or {@code h:mm:ss} */
	public static String duration(long s) {
		long h = s / 3600;
		long m = (s % 3600) / 60;
		long sec = s % 60;
		return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
	}
}
