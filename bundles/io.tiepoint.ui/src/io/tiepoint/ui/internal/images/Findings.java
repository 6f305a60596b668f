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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading and explaining the findings the journal keeps as text, one {@code SEVERITY id: message}
 * per line.
 */
public final class Findings {

	/** One parsed line. @param severity ERROR, WARNING or INFO @param id finding id @param message text */
	public record Line(String severity, String id, String message) {
	}

	private static final Map<String, String> EXPLANATIONS = Map.ofEntries(
			Map.entry("unreadable", "The file could not be read (permissions, a dangling link or a device error). It cannot be uploaded."),
			Map.entry("empty", "The file has no bytes: usually a copy that was interrupted. Copy it again from the card."),
			Map.entry("not-an-image", "The content is not a recognised image type; reconstruction cannot use it."),
			Map.entry("truncated",
					"The image data ends early (the copy or the card write was interrupted). Reconstruction would fail on it."),
			Map.entry("corrupt", "The file looks like an image but its pixels cannot be decoded."),
			Map.entry("not-decoded", "The pixels were not checked (no decoder for this type, or too large). Informative only."),
			Map.entry("metadata-error", "EXIF/XMP metadata is present but unreadable: position and camera may be missing."),
			Map.entry("extension-mismatch",
					"The file name's extension names another type than the content; some tools trust the extension."),
			Map.entry("no-gps", "No GPS position: the image cannot be placed on the map and reconstruction has no geo-reference for it."),
			Map.entry("gps-zero", "GPS position exactly at 0,0: the receiver had no fix when the photo was taken."),
			Map.entry("altitude-not-positive",
					"Height above take-off is zero or negative: taken on the ground, or a bad barometer reading."),
			Map.entry("nadir", "The camera looked straight down (classification)."),
			Map.entry("oblique", "The camera looked obliquely (classification)."),
			Map.entry("camera-mismatch",
					"Taken with a camera (make, model, serial, focal length or size) unlike the rest of the set: a card from another flight?"),
			Map.entry("duplicate",
					"Exactly the same bytes as another file: uploading both wastes bandwidth and biases the reconstruction."),
			Map.entry("near-duplicate", "Taken at the same place and moment as another file (burst or copy with different bytes)."),
			Map.entry("blur", "Sharpness (Laplacian variance) below the threshold: motion blur or missed focus reduces tie points."),
			Map.entry("overexposed", "Too many pixels clipped white: surfaces without texture give no tie points."),
			Map.entry("underexposed", "Too many pixels clipped black: dark areas give no tie points."),
			Map.entry("time-gap", "A long pause between consecutive captures of one camera: a battery change or a second flight."),
			Map.entry("numbering-gap", "A jump in file numbering: images may be missing, or cards were merged."),
			Map.entry("position-outlier", "The position is far from the rest of the set: a GPS glitch or a photo from elsewhere."),
			Map.entry("low-overlap", "Forward or side overlap with the neighbours is below the threshold: holes in the model are likely."),
			Map.entry("link-loop", "A folder link leads back into itself; it was not followed."),
			Map.entry("check-failed", "A contributed check failed on this file; its result is unknown."));

	private Findings() {
	}

	/**
	 * @param text findings text, may be null
	 * @return the parsed lines (lines not in the expected shape become INFO lines with an empty id)
	 */
	public static List<Line> parse(String text) {
		List<Line> out = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return out;
		}
		for (String raw : text.split("\\R")) {
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			int sp = line.indexOf(' ');
			int colon = line.indexOf(':', Math.max(sp, 0));
			if (sp > 0 && colon > sp) {
				out.add(new Line(line.substring(0, sp), line.substring(sp + 1, colon).strip(), line.substring(colon + 1).strip()));
			} else {
				out.add(new Line("INFO", "", line));
			}
		}
		return out;
	}

	/**
	 * @param id a finding id
	 * @return what it means and why it matters, or a generic sentence for unknown (contributed) ids
	 */
	public static String explain(String id) {
		return EXPLANATIONS.getOrDefault(id, "Reported by a contributed check.");
	}

	/** @return the ids the built-in checks report, sorted */
	public static List<String> knownIds() {
		return EXPLANATIONS.keySet().stream().sorted().toList();
	}

	/**
	 * The short form shown in the table: the warnings and errors by id (INFO classifications left out).
	 *
	 * @param text findings text
	 * @return e.g. {@code "blur, no-gps"}, or ""
	 */
	public static String summary(String text) {
		StringBuilder sb = new StringBuilder();
		for (Line l : parse(text)) {
			if ("INFO".equals(l.severity())) {
				continue;
			}
			if (sb.length() > 0) {
				sb.append(", ");
			}
			sb.append(l.id().isEmpty() ? l.message() : l.id());
		}
		return sb.toString();
	}

	/**
	 * @param text   findings text
	 * @param filter a severity ({@code ERROR}, {@code WARNING}) or a finding id
	 * @return whether a line matches
	 */
	public static boolean matches(String text, String filter) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		String f = filter.toUpperCase(Locale.ROOT);
		for (Line l : parse(text)) {
			if (l.severity().equals(f) || l.id().equals(filter)) {
				return true;
			}
		}
		return false;
	}
}
