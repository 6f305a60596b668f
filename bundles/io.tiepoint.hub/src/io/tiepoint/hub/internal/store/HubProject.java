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

/**
 * A project as the hub keeps it (the {@code projects} document). Ids are the 24 hex digits clients see.
 *
 * @param id            the project
 * @param owner         the user it belongs to
 * @param name          its name
 * @param projectType   PROJECT_TYPE
 * @param imported      whether it holds an imported model
 * @param importedState the import's state, or null
 * @param modelType     IMPORTED_MODEL_TYPE or null
 * @param visibility    PROJECT_VISIBILITY
 * @param numImage      its Ready images
 * @param gigaPixel     their size in gigapixels
 * @param taskState     the state of its latest task, or null
 * @param date          when it was created
 * @param cloudPath     where its Ready images are stored
 * @param runningTask   the task holding the project (one at a time), or null
 */
public record HubProject(String id, String owner, String name, String projectType, boolean imported,
		String importedState, String modelType, String visibility, int numImage, double gigaPixel, String taskState,
		Instant date, List<CloudPath> cloudPath, String runningTask) {

	/**
	 * A place a project's images are stored in.
	 *
	 * @param cloud  the cloud
	 * @param bucket the bucket
	 * @param key    the key prefix
	 */
	public record CloudPath(String cloud, String bucket, String key) {
	}
}
