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

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;

/** Puts failed or refused images back in line to be sent: the one rule for {@code --retry} and Retry Upload. */
public final class Retries {

	private Retries() {
	}

	/**
	 * {@code Failed} and {@code Invalid} images become {@code Inspected} again, with their attempts and error
	 * cleared (an upload's resume token is kept: the destination says what it still holds).
	 *
	 * @param journal the journal
	 * @param project the project
	 * @param ids     only these images, or null for all of the project's
	 * @return how many were put back
	 * @throws JournalException when the journal fails
	 */
	public static int reset(Journal journal, String project, Collection<Long> ids) throws JournalException {
		Map<Long, Update> again = new LinkedHashMap<>();
		for (ImageEntry e : journal.images(project)) {
			if ((e.state() == ImageState.FAILED || e.state() == ImageState.INVALID) && (ids == null || ids.contains(e.id()))) {
				again.put(e.id(), Update.to(ImageState.INSPECTED).error(null, false).attempts(0));
			}
		}
		journal.updateBatch(again);
		return again.size();
	}
}
