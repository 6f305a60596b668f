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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.tiepoint.hub.internal.store.HubProject;
import io.tiepoint.hub.internal.store.HubTask;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.Pages;

/**
 * The store's records as the GraphQL field maps clients see. Keys starting with {@code _} are for
 * nested resolvers and are never exposed by the schema.
 */
final class Views {

	/** Source key of the underlying record. */
	static final String DOC = "_doc";

	private Views() {
	}

	static String date(Instant d) {
		return d == null ? null : d.toString();
	}

	static Map<String, Object> project(HubProject p) {
		if (p == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		m.put(DOC, p);
		m.put("id", p.id());
		m.put("name", p.name());
		m.put("isImported", p.imported());
		m.put("importedState", p.importedState());
		m.put("projectType", p.projectType());
		m.put("modelType", p.modelType());
		m.put("visibility", p.visibility());
		m.put("numImage", p.numImage());
		m.put("gigaPixel", p.gigaPixel());
		m.put("taskState", p.taskState());
		m.put("date", date(p.date()));
		List<Map<String, Object>> paths = new ArrayList<>();
		for (HubProject.CloudPath c : p.cloudPath()) {
			paths.add(Map.of("cloud", c.cloud(), "bucket", c.bucket(), "key", c.key()));
		}
		m.put("cloudPath", paths);
		return m;
	}

	static Map<String, Object> image(ImageRecord i) {
		if (i == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		m.put(DOC, i);
		m.put("id", i.id());
		m.put("state", i.state() == null ? null : i.state().name());
		m.put("name", i.name());
		m.put("filename", i.filename());
		m.put("checksum", i.knownChecksum());
		m.put("type", i.type());
		m.put("error", i.error());
		m.put("thumbs", List.of());
		m.put("cloud", i.cloud());
		m.put("size", i.size() == null ? null : i.size().doubleValue());
		m.put("width", i.width());
		m.put("height", i.height());
		m.put("date", date(i.registeredAt()));
		return m;
	}

	static Map<String, Object> task(HubTask t) {
		if (t == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		m.put(DOC, t);
		m.put("id", t.id());
		m.put("taskType", t.taskType());
		m.put("state", t.state() == null ? null : t.state().name());
		m.put("startDate", date(t.startDate()));
		m.put("endDate", date(t.endDate()));
		m.put("totalSteps", t.totalSteps());
		m.put("step", t.step());
		m.put("engine", t.engine());
		m.put("error", t.error());
		m.put("result", taskResult(t.result()));
		return m;
	}

	/** Keys of {@code Task.result} shown as typed fields. */
	private static final List<String> INT_RESULTS = List.of("images", "registeredImages", "points");
	private static final List<String> FLOAT_RESULTS = List.of("meanReprojectionError", "alignmentError",
			"georegistrationError");

	static Map<String, Object> taskResult(HubTask.Result r) {
		if (r == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		List<Map<String, Object>> values = new ArrayList<>();
		for (Map.Entry<String, Object> e : r.values().entrySet()) {
			Object v = e.getValue();
			if (INT_RESULTS.contains(e.getKey())) {
				m.put(e.getKey(), v instanceof Number n ? n.intValue() : null);
			} else if (FLOAT_RESULTS.contains(e.getKey())) {
				m.put(e.getKey(), v instanceof Number n ? n.doubleValue() : null);
			} else {
				values.add(Map.of("key", e.getKey(), "value", String.valueOf(v)));
			}
		}
		m.put("values", values);
		List<Map<String, Object>> files = new ArrayList<>();
		for (HubTask.File f : r.files()) {
			files.add(Map.of("name", f.name(), "size", (double) f.size(), "fileId", f.fileId(), "url",
					"/Resource/GetDownloadUrl?FID=" + f.fileId()));
		}
		m.put("files", files);
		return m;
	}

	/** @return a Relay connection of the page, nodes converted by {@code node} and their cursors made of {@code id} */
	static <T> Map<String, Object> connection(Pages.Page<T> page, Function<T, String> id,
			Function<T, Map<String, Object>> node) {
		List<Map<String, Object>> edges = new ArrayList<>();
		for (T item : page.items()) {
			edges.add(Map.of("cursor", Pages.cursor(id.apply(item)), "node", node.apply(item)));
		}
		Map<String, Object> info = new HashMap<>();
		info.put("hasPreviousPage", page.hasPrevious());
		info.put("hasNextPage", page.hasNext());
		info.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
		info.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
		return Map.of("totalCount", (int) page.totalCount(), "pageInfo", info, "edges", edges);
	}

	/** @param source a resolver's source (a map made here) @param type its record's type @return the record */
	static <T> T record(Object source, Class<T> type) {
		@SuppressWarnings("unchecked")
		Map<String, Object> m = (Map<String, Object>) source;
		return type.cast(m.get(DOC));
	}

	/** @param source a project's map @return the project's id */
	static String projectId(Object source) {
		return record(source, HubProject.class).id();
	}
}
