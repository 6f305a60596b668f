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

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;

import io.tiepoint.hub.internal.store.Pages;

/**
 * Database documents as the GraphQL field maps clients see. Keys starting with {@code _} are for
 * nested resolvers and are never exposed by the schema.
 */
final class Views {

	/** Source key of the underlying document. */
	static final String DOC = "_doc";

	private Views() {
	}

	static String date(Object d) {
		return d instanceof Date date ? date.toInstant().toString() : null;
	}

	static Map<String, Object> project(Document p) {
		if (p == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		m.put(DOC, p);
		m.put("id", p.getObjectId("_id").toHexString());
		m.put("name", p.getString("name"));
		m.put("isImported", p.getBoolean("isImported", false));
		m.put("importedState", p.getString("importedState"));
		m.put("projectType", p.getString("projectType"));
		m.put("modelType", p.getString("modelType"));
		m.put("visibility", p.getString("visibility"));
		m.put("numImage", ((Number) p.get("numImage", 0)).intValue());
		m.put("gigaPixel", ((Number) p.get("gigaPixel", 0.0)).doubleValue());
		m.put("taskState", p.getString("taskState"));
		m.put("date", date(p.get("date")));
		List<Map<String, Object>> paths = new ArrayList<>();
		for (Document c : p.getList("cloudPath", Document.class, List.of())) {
			paths.add(Map.of("cloud", c.getString("cloud"), "bucket", c.getString("bucket"), "key", c.getString("key")));
		}
		m.put("cloudPath", paths);
		return m;
	}

	static Map<String, Object> image(Document i) {
		if (i == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		m.put(DOC, i);
		m.put("id", i.getObjectId("_id").toHexString());
		m.put("state", i.getString("state"));
		m.put("name", i.getString("name"));
		m.put("filename", i.getString("filename"));
		m.put("checksum", i.getBoolean("checksumKnown", false) ? i.getString("checksum") : null);
		m.put("type", i.getString("type"));
		m.put("error", i.getList("error", String.class, List.of()));
		m.put("thumbs", List.of());
		m.put("cloud", i.getString("cloud"));
		Object size = i.get("size");
		m.put("size", size instanceof Number n ? n.doubleValue() : null);
		m.put("width", i.get("width"));
		m.put("height", i.get("height"));
		m.put("date", date(i.get("registeredAt")));
		return m;
	}

	static Map<String, Object> task(Document t) {
		if (t == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		m.put(DOC, t);
		m.put("id", t.getObjectId("_id").toHexString());
		m.put("taskType", t.getString("taskType"));
		m.put("state", t.getString("state"));
		m.put("startDate", date(t.get("startDate")));
		m.put("endDate", date(t.get("endDate")));
		m.put("totalSteps", t.get("totalSteps", 0));
		m.put("step", t.get("step", 0));
		m.put("engine", t.getString("engine"));
		m.put("error", t.getList("error", String.class, List.of()));
		m.put("result", taskResult(t.get("result", Document.class)));
		return m;
	}

	/** Keys of {@code Task.result} shown as typed fields. */
	private static final List<String> INT_RESULTS = List.of("images", "registeredImages", "points");
	private static final List<String> FLOAT_RESULTS = List.of("meanReprojectionError", "alignmentError",
			"georegistrationError");

	static Map<String, Object> taskResult(Document r) {
		if (r == null) {
			return null;
		}
		Map<String, Object> m = new HashMap<>();
		List<Map<String, Object>> values = new ArrayList<>();
		for (Map.Entry<String, Object> e : r.entrySet()) {
			Object v = e.getValue();
			if (INT_RESULTS.contains(e.getKey())) {
				m.put(e.getKey(), v instanceof Number n ? n.intValue() : null);
			} else if (FLOAT_RESULTS.contains(e.getKey())) {
				m.put(e.getKey(), v instanceof Number n ? n.doubleValue() : null);
			} else if (!"files".equals(e.getKey())) {
				values.add(Map.of("key", e.getKey(), "value", v instanceof Document d ? d.toJson() : String.valueOf(v)));
			}
		}
		m.put("values", values);
		List<Map<String, Object>> files = new ArrayList<>();
		for (Document f : r.getList("files", Document.class, List.of())) {
			Object fid = f.get("fileId"); // a resource service FileID; an ObjectId in tasks of earlier versions
			String id = fid instanceof ObjectId o ? o.toHexString() : String.valueOf(fid);
			files.add(Map.of("name", f.getString("name"), "size", ((Number) f.get("size", 0L)).doubleValue(),
					"fileId", id, "url", "/Resource/GetDownloadUrl?FID=" + id));
		}
		m.put("files", files);
		return m;
	}

	/** @return a Relay connection of the page, nodes converted by {@code node} */
	static Map<String, Object> connection(Pages.Page page, java.util.function.Function<Document, Map<String, Object>> node) {
		List<Map<String, Object>> edges = new ArrayList<>();
		for (Document d : page.docs()) {
			edges.add(Map.of("cursor", Pages.cursor(d.getObjectId("_id")), "node", node.apply(d)));
		}
		Map<String, Object> info = new HashMap<>();
		info.put("hasPreviousPage", page.hasPrevious());
		info.put("hasNextPage", page.hasNext());
		info.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
		info.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
		return Map.of("totalCount", (int) page.totalCount(), "pageInfo", info, "edges", edges);
	}

	static Document doc(Object source) {
		@SuppressWarnings("unchecked")
		Map<String, Object> m = (Map<String, Object>) source;
		return (Document) m.get(DOC);
	}

	static ObjectId id(Object source) {
		return doc(source).getObjectId("_id");
	}
}
