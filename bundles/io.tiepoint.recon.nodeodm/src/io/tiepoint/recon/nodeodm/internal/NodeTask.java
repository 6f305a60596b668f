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
 * A task as {@code GET /task/{uuid}/info} shows it (NodeODM's {@code Task.getInfo()}: {@code uuid}, {@code name},
 * {@code dateCreated}, {@code processingTime}, {@code status: {code, errorMessage?}}, {@code options},
 * {@code imagesCount}, {@code progress} 0..100).
 *
 * @param uuid           its uuid
 * @param status         10 queued, 20 running, 30 failed, 40 completed, 50 canceled ({@code libs/statusCodes.js})
 * @param errorMessage   why it failed, or null
 * @param progress       0..100
 * @param imagesCount    images the node has for it
 * @param processingTime milliseconds, -1 before it runs
 */
public record NodeTask(String uuid, int status, String errorMessage, double progress, int imagesCount,
		long processingTime) {

	/** Status codes. */
	public static final int QUEUED = 10;
	/** Running. */
	public static final int RUNNING = 20;
	/** Failed. */
	public static final int FAILED = 30;
	/** Completed. */
	public static final int COMPLETED = 40;
	/** Canceled. */
	public static final int CANCELED = 50;

	static NodeTask of(JsonNode n) {
		JsonNode status = n.path("status");
		// NodeODM 1.x answered a bare code; since then an object {code}
		int code = status.isObject() ? status.path("code").asInt() : status.asInt();
		return new NodeTask(n.path("uuid").asText(), code,
				status.hasNonNull("errorMessage") ? status.path("errorMessage").asText() : null,
				n.path("progress").asDouble(0), n.path("imagesCount").asInt(0), n.path("processingTime").asLong(-1));
	}

	/** @return whether the task will not change again */
	public boolean finished() {
		return status == FAILED || status == COMPLETED || status == CANCELED;
	}

	/** @return the status as a word */
	public String statusName() {
		return switch (status) {
		case QUEUED -> "queued";
		case RUNNING -> "running";
		case FAILED -> "failed";
		case COMPLETED -> "completed";
		case CANCELED -> "canceled";
		default -> "status " + status;
		};
	}
}
