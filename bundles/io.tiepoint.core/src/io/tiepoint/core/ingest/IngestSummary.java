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

import java.util.List;
import java.util.Map;

import io.tiepoint.core.project.ImageState;

/**
 * What a run did.
 *
 * @param project      the project
 * @param counts       images by state after the run
 * @param filesHandled images this run worked on
 * @param filesSent    images whose bytes were sent (wholly or resumed)
 * @param bytesSent    bytes sent in this run
 * @param bytesToSend  bytes a dry run would send
 * @param gigapixels   gigapixels a dry run would send
 * @param seconds      wall time
 * @param failures     one line per image that failed or was refused: name and reason
 * @param notes        further lines for the user (e.g. the dry run's estimate)
 * @param timeline     when the run's first and last bytes went out and its last image settled
 */
public record IngestSummary(String project, Map<ImageState, Integer> counts, int filesHandled, int filesSent,
		long bytesSent, long bytesToSend, double gigapixels, double seconds, List<String> failures, List<String> notes,
		Timeline timeline) {

	/** A summary of a run that sent nothing (an inspection, a dry run). */
	public IngestSummary(String project, Map<ImageState, Integer> counts, int filesHandled, int filesSent, long bytesSent,
			long bytesToSend, double gigapixels, double seconds, List<String> failures, List<String> notes) {
		this(project, counts, filesHandled, filesSent, bytesSent, bytesToSend, gigapixels, seconds, failures, notes,
				Timeline.NONE);
	}
}
