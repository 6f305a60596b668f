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

import java.util.EnumMap;
import java.util.Map;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;

/**
 * The dry-run summary the Upload wizard shows before anything is sent, read from the journal: what
 * would be sent, what is already on the platform, what is left out and why.
 *
 * @param project     the project
 * @param toSend      images that would be sent
 * @param bytesToSend their bytes
 * @param done        images already arrived (Ready, Existing, Stored) or verifying
 * @param excluded    images excluded by the user
 * @param rejected    images with error findings (left out unless asked)
 * @param failed      images that failed before (sent again only when asked)
 * @param notChecked  images not inspected yet
 * @param counts      images per state
 */
public record UploadPlan(String project, int toSend, long bytesToSend, int done, int excluded, int rejected, int failed,
		int notChecked, Map<ImageState, Integer> counts) {

	/**
	 * @param journal         the journal
	 * @param project         the project
	 * @param includeRejected whether rejected images would be sent
	 * @param retryFailed     whether failed images would be sent again
	 * @return the plan
	 * @throws JournalException when the journal fails
	 */
	public static UploadPlan of(Journal journal, String project, boolean includeRejected, boolean retryFailed)
			throws JournalException {
		int toSend = 0;
		long bytes = 0;
		int done = 0;
		int excluded = 0;
		int rejected = 0;
		int failed = 0;
		int notChecked = 0;
		Map<ImageState, Integer> counts = new EnumMap<>(ImageState.class);
		for (ImageEntry e : journal.images(project)) {
			counts.merge(e.state(), 1, Integer::sum);
			if (e.excluded()) {
				excluded++;
				continue;
			}
			boolean send = switch (e.state()) {
			case INSPECTED, REGISTERED, UPLOADING -> true;
			case REJECTED -> includeRejected;
			case FAILED -> retryFailed;
			default -> false;
			};
			switch (e.state()) {
			case READY, EXISTING, STORED, UPLOADED -> done++;
			case REJECTED, INVALID -> rejected++;
			case FAILED -> failed++;
			case DISCOVERED -> notChecked++;
			default -> {
				// counted as sent
			}
			}
			if (send) {
				toSend++;
				bytes += Math.max(0, e.size() - (e.state() == ImageState.UPLOADING ? e.offset() : 0));
			}
		}
		return new UploadPlan(project, toSend, bytes, done, excluded, rejected, failed, notChecked, counts);
	}

	/** @return the summary as lines of text */
	public String describe() {
		StringBuilder sb = new StringBuilder();
		sb.append(String.format("Would send %,d images (%s).%n", toSend, TransferText.bytes(bytesToSend)));
		sb.append(String.format("Already there or verifying: %,d.%n", done));
		sb.append(String.format("Left out: %,d excluded, %,d rejected or invalid, %,d failed, %,d not checked yet.",
				excluded, rejected, failed, notChecked));
		return sb.toString();
	}
}
