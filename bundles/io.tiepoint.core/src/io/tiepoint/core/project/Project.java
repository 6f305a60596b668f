/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.project;

/**
 * A local project: a set of images going to one platform project.
 *
 * @param name     the local name (unique in the workspace)
 * @param hub      where its platform is: {@code embedded} or a base URL
 * @param cloud    the storage provider id used for uploads, e.g. {@code s3}, {@code gridfs}
 * @param remoteId the platform's project id, or null before it was created there
 * @param created  epoch milliseconds
 */
public record Project(String name, String hub, String cloud, String remoteId, long created) {
}
