/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.nodeodm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One task of the stand-in node, its fields those of NodeODM's {@code Task.js}: uuid, name, dateCreated,
 * processingTime, status {@code {code, errorMessage?}}, options, images, progress and the console output. It moves as
 * NodeODM's does: QUEUED (10) once committed, RUNNING (20) when a slot is free, then COMPLETED (40) after its all.zip
 * is written, FAILED (30) or CANCELED (50). Each step of {@link #advance} is one ODM stage, which only writes lines.
 */
final class StandInTask {

	/** NodeODM's status codes ({@code libs/statusCodes.js}). */
	static final int QUEUED = 10;
	static final int RUNNING = 20;
	static final int FAILED = 30;
	static final int COMPLETED = 40;
	static final int CANCELED = 50;
	/** ODM's stages, in order. */
	static final List<String> STAGES = List.of("dataset", "opensfm", "openmvs", "odm_filterpoints", "odm_meshing",
			"mvs_texturing", "odm_georeferencing", "odm_dem", "odm_orthophoto", "odm_report", "odm_postprocess");

	final String uuid;
	final String name;
	final Map<String, Object> options;
	final Map<String, byte[]> images;
	final long dateCreated = System.currentTimeMillis();
	private final List<String> output = new ArrayList<>();
	private int status = QUEUED;
	private String errorMessage;
	private double progress;
	private long startedAt = -1;
	private long processingTime = -1;
	private int stage;
	private byte[] allZip;

	StandInTask(String uuid, String name, Map<String, Object> options, Map<String, byte[]> images) {
		this.uuid = uuid;
		this.name = name == null || name.isEmpty() ? "Task of " + java.time.Instant.now() : name;
		this.options = options;
		this.images = new LinkedHashMap<>(images);
	}

	synchronized int status() {
		return status;
	}

	synchronized double progress() {
		return progress;
	}

	synchronized byte[] allZip() {
		return allZip;
	}

	/** @return {@code Task.getInfo()} */
	synchronized ObjectNode info(ObjectMapper json) {
		ObjectNode o = json.createObjectNode().put("uuid", uuid).put("name", name).put("dateCreated", dateCreated)
				.put("processingTime", status == RUNNING ? System.currentTimeMillis() - startedAt : processingTime);
		ObjectNode s = o.putObject("status").put("code", status);
		if (errorMessage != null) {
			s.put("errorMessage", errorMessage);
		}
		var opts = o.putArray("options");
		options.forEach((k, v) -> opts.addObject().put("name", k).putPOJO("value", v));
		return o.put("imagesCount", images.size()).put("progress", progress);
	}

	/** @param from first line @return {@code Task.getOutput(line)} */
	synchronized List<String> output(int from) {
		return List.copyOf(output.subList(Math.min(Math.max(0, from), output.size()), output.size()));
	}

	/** @return whether it was running or queued and is now canceled (NodeODM: canceling a canceled task is fine) */
	synchronized boolean cancel() {
		if (status == QUEUED || status == RUNNING) {
			status = CANCELED;
			processingTime = -1;
			return true;
		}
		return false;
	}

	synchronized void start() {
		if (status == QUEUED) {
			status = RUNNING;
			startedAt = System.currentTimeMillis();
		}
	}

	/**
	 * Runs the next stage of a RUNNING task.
	 *
	 * @param failWith when not null, the task fails at this stage with this message
	 */
	synchronized void advance(String failWith) {
		if (status != RUNNING) {
			return;
		}
		if (failWith != null) {
			output.add("[ERROR]   " + failWith);
			finish(FAILED, failWith);
			return;
		}
		if (stage < STAGES.size()) {
			String s = STAGES.get(stage);
			output.add("[INFO]    Running " + s + " stage");
			if (stage == 0) {
				output.add("[INFO]    Loading " + images.size() + " images");
				images.forEach((n, b) -> output.add("[INFO]    " + n + " (" + b.length + " bytes)"));
			}
			output.add("[INFO]    tiepoint stand-in: " + s + " computes nothing");
			stage++;
			progress = Math.round(90.0 * stage / STAGES.size() * 100) / 100.0;
			return;
		}
		output.add("Compressing all.zip");
		try {
			allZip = StandInAssets.allZip(images, options, output);
			progress = 97;
			finish(COMPLETED, null);
		} catch (IOException e) {
			output.add("Could not archive .zip file: " + e.getMessage());
			finish(FAILED, e.getMessage());
		}
	}

	private void finish(int code, String message) {
		status = code;
		errorMessage = message;
		progress = 100;
		processingTime = System.currentTimeMillis() - startedAt;
	}
}
