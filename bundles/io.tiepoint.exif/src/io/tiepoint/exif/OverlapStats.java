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
 * Forward and side overlap estimated from the footprints of the nadir images.
 *
 * @param nadirImages   images with a footprint
 * @param flightLines   flight lines detected
 * @param medianForward median forward overlap (0..1), null when unknown
 * @param medianSide    median side overlap (0..1), null when unknown
 * @param footprints    the footprints
 */
public record OverlapStats(int nadirImages, int flightLines, Double medianForward, Double medianSide,
		List<Footprint> footprints) {

	/** An empty result. */
	public static final OverlapStats NONE = new OverlapStats(0, 0, null, null, List.of());

	/** Copies the list. */
	public OverlapStats {
		footprints = List.copyOf(footprints);
	}
}
