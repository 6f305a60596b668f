/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /info} says of a node (NodeODM's {@code index.js}: {@code version}, {@code taskQueueCount},
 * {@code maxImages} (null: no limit), {@code maxParallelTasks} (optional), {@code engine}, {@code engineVersion}).
 * ClusterODM answers the same fields with its own limits and a queue count of 0.
 *
 * @param version          API version
 * @param taskQueueCount   tasks running or waiting
 * @param maxImages        the most images a task may have, or null
 * @param maxParallelTasks tasks the node runs at once, or null when it does not say
 * @param engine           e.g. {@code odm}
 * @param engineVersion    e.g. {@code 3.5.5}
 */
public record NodeInfo(String version, int taskQueueCount, Integer maxImages, Integer maxParallelTasks, String engine,
		String engineVersion) {

	static NodeInfo of(JsonNode n) {
		return new NodeInfo(n.path("version").asText("?"), n.path("taskQueueCount").asInt(0),
				n.hasNonNull("maxImages") ? n.path("maxImages").asInt() : null,
				n.hasNonNull("maxParallelTasks") ? n.path("maxParallelTasks").asInt() : null, n.path("engine").asText("?"),
				n.path("engineVersion").asText("?"));
	}

	/** @return task slots free now: {@code maxParallelTasks} (1 when not said) less the queue, may be negative */
	public int freeSlots() {
		return (maxParallelTasks == null ? 1 : maxParallelTasks) - taskQueueCount;
	}

	/** @param images a task's image count @return whether the node takes that many */
	public boolean takes(int images) {
		return maxImages == null || maxImages <= 0 || images <= maxImages;
	}
}
