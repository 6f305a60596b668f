/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.images;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import io.tiepoint.core.project.ImageEntry;

/** The columns of the Images view: title, width, cell text and sort order. */
public enum ImageColumn {
	/** File name (with the thumbnail). */
	NAME("Name", 200, ImageEntry::name, Comparator.comparing(ImageEntry::name).thenComparing(ImageEntry::path)),
	/** Make and model. */
	CAMERA("Camera", 130, ImageEntry::camera, Comparator.comparing(ImageEntry::camera)),
	/** Capture time. */
	TIME("Time", 150, e -> nz(e.taken()), Comparator.comparing(e -> nz(e.taken()))),
	/** Latitude. */
	LATITUDE("Latitude", 95, e -> deg(e.latitude()), byDouble(ImageEntry::latitude)),
	/** Longitude. */
	LONGITUDE("Longitude", 95, e -> deg(e.longitude()), byDouble(ImageEntry::longitude)),
	/** Altitude (above take-off when known, else absolute). */
	ALTITUDE("Altitude", 80, ImageColumn::altitude, byDouble(e -> e.relAltitude() != null ? e.relAltitude() : e.altitude())),
	/** File size. */
	SIZE("Size", 80, e -> size(e.size()), Comparator.comparingLong(ImageEntry::size)),
	/** Short SHA-1. */
	SHA1("SHA-1", 80, ImageEntry::shortSha1, Comparator.comparing(e -> nz(e.sha1()))),
	/** Warnings and errors. */
	FINDINGS("Findings", 190, e -> Findings.summary(e.findings()), Comparator.comparing(e -> Findings.summary(e.findings()))),
	/** State, with the error when there is one. */
	STATE("State", 220, ImageColumn::state, Comparator.comparing(ImageEntry::state));

	private final String title;
	private final int width;
	private final Function<ImageEntry, String> text;
	private final Comparator<ImageEntry> order;

	ImageColumn(String title, int width, Function<ImageEntry, String> text, Comparator<ImageEntry> order) {
		this.title = title;
		this.width = width;
		this.text = text;
		this.order = order;
	}

	/** @return the header */
	public String title() {
		return title;
	}

	/** @return the initial width in pixels */
	public int width() {
		return width;
	}

	/** @param e an image @return its cell text */
	public String text(ImageEntry e) {
		return text.apply(e);
	}

	/** @return ascending order on this column, ties by name */
	public Comparator<ImageEntry> order() {
		return order.thenComparing(ImageEntry::name).thenComparing(ImageEntry::path);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static Comparator<ImageEntry> byDouble(Function<ImageEntry, Double> f) {
		return Comparator.comparing(f, Comparator.nullsFirst(Comparator.naturalOrder()));
	}

	static String deg(Double d) {
		return d == null ? "" : String.format(Locale.ROOT, "%.6f", d);
	}

	private static String altitude(ImageEntry e) {
		if (e.relAltitude() != null) {
			return String.format(Locale.ROOT, "%.1f m", e.relAltitude());
		}
		return e.altitude() == null ? "" : String.format(Locale.ROOT, "%.1f m abs", e.altitude());
	}

	private static String state(ImageEntry e) {
		String s = e.excluded() ? e.state().label() + " (excluded)" : e.state().label();
		return e.error() == null || e.error().isBlank() ? s : s + ": " + e.error();
	}

	/**
	 * @param bytes a size
	 * @return e.g. {@code 512 B}, {@code 1.2 MB}
	 */
	public static String size(long bytes) {
		if (bytes < 0) {
			return "";
		}
		if (bytes < 1024) {
			return bytes + " B";
		}
		double v = bytes;
		String[] units = { "KB", "MB", "GB", "TB" };
		int u = -1;
		while (v >= 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
	}
}
