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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

	/** The Task fields with an engine's results, for {@link PlatformApi#latestTask(String, String)}. */
	public static final String RESULT_FIELDS = "engine result { images registeredImages points meanReprojectionError"
			+ " alignmentError georegistrationError files { name size fileId url } }";

	/**
	 * A file a task produced.
	 *
	 * @param name   its name, e.g. {@code points.ply}
	 * @param size   bytes
	 * @param fileId its id in the platform's resource service
	 * @param url    where the platform serves it
	 */
	public record File(String name, long size, String fileId, String url) {
	}

	/** @return whether it stopped running */
	public boolean finished() {
		return "Done".equals(state) || "Failed".equals(state) || "Stopped".equals(state);
	}

	/** @return the engine's result ({@link #RESULT_FIELDS}), or a missing node when the task has none */
	public JsonNode result() {
		try {
			return raw == null ? new ObjectMapper().missingNode() : new ObjectMapper().readTree(raw).path("result");
		} catch (IOException e) {
			return new ObjectMapper().missingNode();
		}
	}

	/** @return the files of the engine's result */
	public List<File> files() {
		List<File> out = new ArrayList<>();
		for (JsonNode f : result().path("files")) {
			out.add(new File(f.path("name").asText("file"), f.path("size").asLong(), f.path("fileId").asText(null),
					f.path("url").asText(null)));
		}
		return out;
	}
}
