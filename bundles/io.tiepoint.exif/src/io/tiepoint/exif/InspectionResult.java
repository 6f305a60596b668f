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

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The immutable outcome of an {@link InspectionRun}.
 *
 * @param records one record per file (and per path that could not be walked), sorted by path,
 *                each holding all findings about it, including the set-wide ones
 * @param cameras camera groups, largest first
 * @param overlap footprints and overlap estimates of the nadir images
 */
public record InspectionResult(List<ImageRecord> records, List<CameraGroup> cameras, OverlapStats overlap) {

	/** Copies the lists. */
	public InspectionResult {
		records = List.copyOf(records);
		cameras = List.copyOf(cameras);
	}

	/** @return all findings of all records */
	public List<Finding> findings() {
		return records.stream().flatMap(r -> r.findings().stream()).toList();
	}

	/** @return finding counts by severity */
	public Map<Finding.Severity, Integer> countsBySeverity() {
		Map<Finding.Severity, Integer> m = new EnumMap<>(Finding.Severity.class);
		findings().forEach(f -> m.merge(f.severity(), 1, Integer::sum));
		return m;
	}

	/** @return finding counts by id, sorted by id */
	public Map<String, Integer> countsById() {
		Map<String, Integer> m = new TreeMap<>();
		findings().forEach(f -> m.merge(f.id(), 1, Integer::sum));
		return m;
	}

	/** @return whether any finding has severity ERROR */
	public boolean hasErrors() {
		return findings().stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
	}
}
