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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.TaskContext;

/**
 * A completed task's {@code all.zip}, published through the hub ({@link TaskContext#artifact}): the archive itself,
 * and the assets clients most want taken out of it under plain names. The paths are those NodeODM's
 * {@code Task.js} puts into {@code all.zip} ({@code odm_orthophoto/odm_orthophoto.tif}, {@code odm_dem/dsm.tif},
 * {@code odm_dem/dtm.tif}, {@code odm_georeferencing/...}, {@code odm_texturing/...}, {@code odm_report/...}).
 * ODM's report statistics ({@code odm_report/stats.json}, OpenSfM's {@code reconstruction_statistics}) become the
 * task's results when present.
 */
public final class Assets {

	/** Entry of {@code all.zip} to the name clients see; the first present of each point cloud format wins. */
	static final Map<String, String> PUBLISHED = published();
	private static final ObjectMapper JSON = new ObjectMapper();

	private static Map<String, String> published() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("odm_orthophoto/odm_orthophoto.tif", "orthophoto.tif");
		m.put("odm_dem/dsm.tif", "dsm.tif");
		m.put("odm_dem/dtm.tif", "dtm.tif");
		m.put("odm_georeferencing/odm_georeferenced_model.laz", "pointcloud.laz");
		m.put("odm_georeferencing/odm_georeferenced_model.las", "pointcloud.las");
		m.put("odm_texturing/odm_textured_model_geo.glb", "model.glb");
		m.put("odm_report/report.pdf", "report.pdf");
		return m;
	}

	private Assets() {
	}

	/**
	 * @param zip     the downloaded {@code all.zip}
	 * @param context the hub task
	 * @return the names published
	 * @throws IOException when the archive cannot be read or the hub cannot store a file
	 */
	public static List<String> publish(Path zip, TaskContext context) throws IOException {
		List<String> names = new ArrayList<>();
		context.artifact("all.zip", zip);
		names.add("all.zip");
		Path dir = Files.createDirectories(context.workDir().resolve("assets"));
		try (ZipFile z = new ZipFile(zip.toFile())) {
			for (Map.Entry<String, String> e : PUBLISHED.entrySet()) {
				ZipEntry entry = z.getEntry(e.getKey());
				if (entry == null || entry.isDirectory()) {
					continue;
				}
				Path file = dir.resolve(e.getValue());
				try (InputStream in = z.getInputStream(entry)) {
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
				context.artifact(e.getValue(), file);
				names.add(e.getValue());
			}
			ZipEntry stats = z.getEntry("odm_report/stats.json");
			if (stats != null) {
				try (InputStream in = z.getInputStream(stats)) {
					results(JSON.readTree(in), context);
				} catch (IOException e) {
					context.log("[nodeodm] odm_report/stats.json is not readable JSON: " + e.getMessage());
				}
			}
		}
		return names;
	}

	private static void results(JsonNode stats, TaskContext context) {
		JsonNode r = stats.path("reconstruction_statistics");
		if (r.hasNonNull("reconstructed_shots_count")) {
			context.result("registeredImages", r.path("reconstructed_shots_count").asInt());
		}
		if (r.hasNonNull("reconstructed_points_count")) {
			context.result("points", r.path("reconstructed_points_count").asInt());
		}
		if (r.hasNonNull("reprojection_error_pixels")) {
			context.result("meanReprojectionError", r.path("reprojection_error_pixels").asDouble());
		}
	}
}
