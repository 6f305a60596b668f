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
 * A local project: a set of images going to one destination, either a platform project (the platform
 * flow: {@code hub} and {@code cloud}) or the user's own storage (the direct flow: {@code destination}).
 *
 * @param name        the local name (unique in the workspace)
 * @param hub         where its platform is: {@code embedded} or a base URL; null in the direct flow
 * @param cloud       the platform cloud its bytes go to, e.g. {@code s3}, {@code gridfs}; null in the direct flow
 * @param remoteId    the platform's project id, or null before it was created there
 * @param created     epoch milliseconds
 * @param destination the direct flow's destination URI, e.g. {@code s3://bucket/prefix} (never with a
 *                    secret in it), or null in the platform flow
 */
public record Project(String name, String hub, String cloud, String remoteId, long created, String destination) {

	/** @return whether the project sends to the user's own storage, without a platform */
	public boolean direct() {
		return destination != null;
	}

	/** @return where its images go, for messages: the destination URI, or the hub and cloud */
	public String target() {
		return direct() ? destination : "hub " + hub + ", cloud " + cloud;
	}
}
