/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.graphql;

import java.net.URI;
import java.util.function.Supplier;

import io.tiepoint.hub.internal.cloud.RegionTable;
import io.tiepoint.hub.internal.images.Access;
import io.tiepoint.hub.internal.images.ImageService;
import io.tiepoint.hub.internal.images.Projects;
import io.tiepoint.hub.internal.images.Removal;
import io.tiepoint.hub.internal.tasks.TaskService;

/**
 * What the resolvers use.
 *
 * @param access   clouds and ownership
 * @param images   image lifecycle
 * @param removal  removals
 * @param tasks    reconstruction tasks
 * @param projects projects
 * @param base     the hub's base URI (known once the port is bound)
 * @param regions  the region table ordering nearestBuckets for a caller
 */
public record Services(Access access, ImageService images, Removal removal, TaskService tasks, Projects projects,
		Supplier<URI> base, RegionTable regions) {
}
