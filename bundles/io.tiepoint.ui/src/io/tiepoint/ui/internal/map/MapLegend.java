/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.graphics.RGB;

import io.tiepoint.core.project.ImageState;

/**
 * The Map's colours and what its legend lists: by state, each state a user tells apart has its own colour (an
 * image Ready on the platform, one that was there already, one Stored in the user's own storage); by finding,
 * the worst severity.
 */
public final class MapLegend {

	/** A line of the legend. @param label what it means @param rgb its colour */
	public record Row(String label, RGB rgb) {
	}

	private MapLegend() {
	}

	/**
	 * @param s a state
	 * @return its colour
	 */
	public static RGB of(ImageState s) {
		return switch (s) {
		case DISCOVERED -> new RGB(150, 150, 150);
		case INSPECTED -> new RGB(40, 110, 210);
		case REJECTED, INVALID, FAILED -> new RGB(210, 30, 30);
		case READY -> new RGB(40, 150, 60);
		case EXISTING -> new RGB(160, 200, 60);
		case STORED -> new RGB(0, 140, 150);
		case REGISTERED, UPLOADING, UPLOADED -> new RGB(150, 60, 200);
		};
	}

	/**
	 * @param level 2 for an error, 1 for a warning, 0 for none
	 * @return its colour
	 */
	public static RGB ofFinding(int level) {
		return switch (level) {
		case 2 -> new RGB(210, 30, 30);
		case 1 -> new RGB(235, 150, 20);
		default -> new RGB(40, 150, 60);
		};
	}

	/**
	 * @param states the states of the images on the map
	 * @return a line per state present, in the order of the states
	 */
	public static List<Row> byState(Collection<ImageState> states) {
		Set<ImageState> present = states.isEmpty() ? EnumSet.noneOf(ImageState.class) : EnumSet.copyOf(states);
		List<Row> rows = new ArrayList<>();
		for (ImageState s : present) {
			rows.add(new Row(s.label(), of(s)));
		}
		return rows;
	}

	/** @return the lines of the legend by finding */
	public static List<Row> byFinding() {
		return List.of(new Row("error", ofFinding(2)), new Row("warning", ofFinding(1)), new Row("no finding", ofFinding(0)));
	}
}
