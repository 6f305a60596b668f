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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to one image, committed together by {@link Journal#update(long, Update)}.
 */
public final class Update {

	private final Map<String, Object> columns = new LinkedHashMap<>();

	/**
	 * @param state the new state
	 * @return an update to that state
	 */
	public static Update to(ImageState state) {
		return new Update().set("state", state.name());
	}

	/** @return an update that does not change the state */
	public static Update fields() {
		return new Update();
	}

	private Update set(String column, Object value) {
		columns.put(column, value);
		return this;
	}

	/** @param v the SHA-1 @return this */
	public Update sha1(String v) {
		return set("sha1", v);
	}

	/** @param v the MD5 @return this */
	public Update md5(String v) {
		return set("md5", v);
	}

	/** @param v the media type @return this */
	public Update mediaType(String v) {
		return set("media_type", v);
	}

	/** @param make the make @param model the model @return this */
	public Update camera(String make, String model) {
		return set("make", make).set("model", model);
	}

	/** @param v when taken (ISO) @return this */
	public Update taken(String v) {
		return set("taken", v);
	}

	/**
	 * @param lat lat @param lon lon @param alt alt @param relAlt relative altitude @return this
	 */
	public Update position(Double lat, Double lon, Double alt, Double relAlt) {
		return set("latitude", lat).set("longitude", lon).set("altitude", alt).set("rel_altitude", relAlt);
	}

	/** @param yaw yaw @param pitch pitch @return this */
	public Update attitude(Double yaw, Double pitch) {
		return set("yaw", yaw).set("pitch", pitch);
	}

	/** @param w width @param h height @return this */
	public Update dimensions(Integer w, Integer h) {
		return set("width", w).set("height", h);
	}

	/** @param v findings, one per line @return this */
	public Update findings(String v) {
		return set("findings", v == null ? "" : v);
	}

	/** @param v acknowledged bytes @return this */
	public Update offset(long v) {
		return set("offset_bytes", v);
	}

	/** @param v resume token, or null @return this */
	public Update resumeToken(String v) {
		return set("resume_token", v);
	}

	/** @param v the platform's image id @return this */
	public Update remoteId(String v) {
		return set("remote_id", v);
	}

	/** @param message the error, or null to clear @param retryable whether retrying helps @return this */
	public Update error(String message, boolean retryable) {
		return set("error", message).set("retryable", retryable);
	}

	/** @param v attempts so far @return this */
	public Update attempts(int v) {
		return set("attempts", v);
	}

	/** @param v bytes sent in all attempts @return this */
	public Update bytesSent(long v) {
		return set("bytes_sent", v);
	}

	/** @param v where the direct flow stored the image (a URI without secrets), or null @return this */
	public Update location(String v) {
		return set("location", v);
	}

	/** @param v the platform cloud the image is registered for, or null @return this */
	public Update cloud(String v) {
		return set("cloud", v);
	}

	/** @return the state this update changes to, or null when it keeps the state */
	public ImageState state() {
		Object s = columns.get("state");
		return s == null ? null : ImageState.valueOf(s.toString());
	}

	/** @param v excluded by the user @return this */
	public Update excluded(boolean v) {
		return set("excluded", v);
	}

	Map<String, Object> columns() {
		return Collections.unmodifiableMap(columns);
	}
}
