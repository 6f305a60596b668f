/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

import java.util.List;

/**
 * The estimated ground footprint of one nadir image (flat ground at the take-off height).
 *
 * @param path           the image
 * @param ring           closed polygon as {longitude, latitude} pairs (first point repeated at the end)
 * @param line           index of the flight line the image belongs to (0-based, in capture order)
 * @param forwardOverlap overlap with the neighbour along the line (0..1), null when it has none
 * @param sideOverlap    overlap with the nearest image of the neighbouring line (0..1), null when none
 */
public record Footprint(String path, List<double[]> ring, int line, Double forwardOverlap, Double sideOverlap) {
	/** Copies the ring. */
	public Footprint {
		ring = List.copyOf(ring);
	}
}
