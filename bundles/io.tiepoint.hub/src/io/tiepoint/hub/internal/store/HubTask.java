/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A reconstruction task as the hub keeps it (the {@code tasks} document). Ids are the 24 hex digits clients see.
 *
 * @param id         the task
 * @param pid        its project
 * @param owner      the user who started it
 * @param taskType   TASK_TYPE
 * @param engine     the engine's id
 * @param state      its state
 * @param createdAt  when it was created
 * @param startDate  when it began to run, or null
 * @param endDate    when it ended, or null
 * @param step       steps done
 * @param totalSteps steps in all (0 when unknown)
 * @param error      why it failed (empty otherwise)
 * @param result     what the engine reported, or null before it reported anything
 */
public record HubTask(String id, String pid, String owner, String taskType, String engine, TaskStore.State state,
		Instant createdAt, Instant startDate, Instant endDate, int step, int totalSteps, List<String> error,
		Result result) {

	/**
	 * What an engine reported.
	 *
	 * @param values its values by key, in the order reported; a nested document is given as its JSON text
	 * @param files  the files it published
	 */
	public record Result(Map<String, Object> values, List<File> files) {
	}

	/**
	 * A file a task published.
	 *
	 * @param name   the name clients see
	 * @param size   its size in bytes
	 * @param fileId its FileID at the resource service ({@link FileIds})
	 */
	public record File(String name, long size, String fileId) {
	}
}
