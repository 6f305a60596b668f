/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.internal;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads COLMAP 3.8's console output: the progress lines of each command and the figures of
 * {@code model_analyzer} and {@code model_aligner}. Stateless; every method takes one line.
 */
public final class ColmapLines {

	/**
	 * Progress within one command.
	 *
	 * @param done  units done (images, blocks or registered images)
	 * @param total units in all, or -1 when the line does not say (the mapper)
	 */
	public record Progress(int done, int total) {
	}

	private static final Pattern PROCESSED = Pattern.compile("^\\s*Processed file \\[(\\d+)/(\\d+)\\]");
	private static final Pattern MATCHING_IMAGE = Pattern.compile("^\\s*Matching image \\[(\\d+)/(\\d+)\\]");
	private static final Pattern MATCHING_BLOCK = Pattern
			.compile("^\\s*Matching block \\[(\\d+)/(\\d+), (\\d+)/(\\d+)\\]");
	private static final Pattern REGISTERING = Pattern.compile("^\\s*Registering image #\\d+ \\((\\d+)\\)");
	private static final Pattern INITIALIZING = Pattern.compile("^\\s*Initializing with image pair #\\d+ and #\\d+");
	private static final Pattern REGISTERED = Pattern.compile("^\\s*Registered images:\\s*(\\d+)");
	private static final Pattern IMAGES = Pattern.compile("^\\s*Images:\\s*(\\d+)");
	private static final Pattern POINTS = Pattern.compile("^\\s*Points:\\s*(\\d+)");
	private static final Pattern OBSERVATIONS = Pattern.compile("^\\s*Observations:\\s*(\\d+)");
	private static final Pattern REPROJECTION = Pattern
			.compile("^\\s*Mean reprojection error:\\s*([0-9.eE+-]+)\\s*px");
	private static final Pattern ALIGNMENT = Pattern
			.compile("Alignment error:\\s*([0-9.eE+-]+)\\s*\\(mean\\)(?:,\\s*([0-9.eE+-]+)\\s*\\(median\\))?");
	private static final Pattern ELAPSED = Pattern.compile("^\\s*Elapsed time:\\s*([0-9.]+)\\s*\\[minutes\\]");

	private ColmapLines() {
	}

	/**
	 * @param line one line of a COLMAP command's output
	 * @return the progress it reports: {@code Processed file [i/N]} (feature_extractor),
	 *         {@code Matching image [i/N]} (spatial, sequential, vocab-tree matchers),
	 *         {@code Matching block [a/B, b/B]} (exhaustive matcher, as (a-1)*B+b of B*B),
	 *         {@code Registering image #id (k)} (mapper: k images registered) and
	 *         {@code Initializing with image pair} (mapper: 2 registered)
	 */
	public static Optional<Progress> progress(String line) {
		Matcher m = PROCESSED.matcher(line);
		if (m.find()) {
			return Optional.of(new Progress(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		}
		m = MATCHING_IMAGE.matcher(line);
		if (m.find()) {
			return Optional.of(new Progress(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		}
		m = MATCHING_BLOCK.matcher(line);
		if (m.find()) {
			int a = Integer.parseInt(m.group(1));
			int blocks = Integer.parseInt(m.group(2));
			int b = Integer.parseInt(m.group(3));
			return Optional.of(new Progress((a - 1) * blocks + b, blocks * blocks));
		}
		m = REGISTERING.matcher(line);
		if (m.find()) {
			return Optional.of(new Progress(Integer.parseInt(m.group(1)), -1));
		}
		if (INITIALIZING.matcher(line).find()) {
			return Optional.of(new Progress(2, -1));
		}
		return Optional.empty();
	}

	/** @param line a line of {@code model_analyzer} @return {@code Registered images: N} */
	public static OptionalInt registeredImages(String line) {
		return integer(REGISTERED, line);
	}

	/** @param line a line of {@code model_analyzer} @return {@code Images: N} */
	public static OptionalInt images(String line) {
		return integer(IMAGES, line);
	}

	/** @param line a line of {@code model_analyzer} @return {@code Points: N} */
	public static OptionalInt points(String line) {
		return integer(POINTS, line);
	}

	/** @param line a line of {@code model_analyzer} @return {@code Observations: N} */
	public static OptionalInt observations(String line) {
		return integer(OBSERVATIONS, line);
	}

	/** @param line a line of {@code model_analyzer} @return {@code Mean reprojection error: Npx}, pixels */
	public static OptionalDouble meanReprojectionError(String line) {
		return decimal(REPROJECTION, line);
	}

	/** @param line a line of {@code model_aligner} @return the mean of {@code Alignment error: M (mean), D (median)} */
	public static OptionalDouble alignmentError(String line) {
		return decimal(ALIGNMENT, line);
	}

	/** @param line any line @return the minutes of {@code Elapsed time: N [minutes]} */
	public static OptionalDouble elapsedMinutes(String line) {
		return decimal(ELAPSED, line);
	}

	private static OptionalInt integer(Pattern p, String line) {
		Matcher m = p.matcher(line);
		return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
	}

	private static OptionalDouble decimal(Pattern p, String line) {
		Matcher m = p.matcher(line);
		if (!m.find()) {
			return OptionalDouble.empty();
		}
		try {
			return OptionalDouble.of(Double.parseDouble(m.group(1)));
		} catch (NumberFormatException e) {
			return OptionalDouble.empty();
		}
	}
}
