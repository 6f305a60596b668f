/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.platform;

import java.util.List;

/**
 * A reconstruction task as the platform shows it.
 *
 * @param id         its id
 * @param taskType   e.g. {@code Reconstruction}
 * @param state      {@code Pending}, {@code Queueing}, {@code Processing}, {@code Done}, {@code Failed}, {@code Stopped}
 * @param step       steps done
 * @param totalSteps steps in all
 * @param startDate  ISO date, or null
 * @param endDate    ISO date, or null
 * @param error      failure reasons
 * @param raw        the whole task object as JSON text (engine results and fields newer than this client)
 */
public record RemoteTask(String id, String taskType, String state, int step, int totalSteps, String startDate,
		String endDate, List<String> error, String raw) {

	/** @return whether it stopped running */
	public boolean finished() {
		return "Done".equals(state) || "Failed".equals(state) || "Stopped".equals(state);
	}
}
