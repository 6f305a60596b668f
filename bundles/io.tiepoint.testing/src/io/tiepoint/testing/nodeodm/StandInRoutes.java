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

import static io.tiepoint.testing.nodeodm.NodeOdmStandIn.error;
import static io.tiepoint.testing.nodeodm.NodeOdmStandIn.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The routes of the stand-in, in the order and with the checks of NodeODM's {@code index.js} and
 * {@code libs/taskNew.js}. Uploads are kept per uuid as NodeODM keeps {@code tmp/<uuid>/} (with the init's
 * {@code body.json}); commit turns them into a task.
 */
final class StandInRoutes {

	private final NodeOdmStandIn node;
	private final StandInOptions options;
	private final ObjectMapper json;

	StandInRoutes(NodeOdmStandIn node, StandInOptions options, ObjectMapper json) {
		this.node = node;
		this.options = options;
		this.json = json;
	}

	void route(HttpExchange x, String method, String path, Map<String, String> query, FormData form) throws IOException {
		switch (method + " " + path) {
		case "GET /info" -> json(x, node.info());
		case "GET /options" -> json(x, options.list());
		case "GET /auth/info" -> json(x, json.createObjectNode().put("message", "Authentication not available on this node")
				.putNull("loginUrl").putNull("registerUrl"));
		case "GET /task/list" -> {
			ArrayNode list = json.createArrayNode();
			node.tasks().keySet().forEach(u -> list.addObject().put("uuid", u));
			json(x, list);
		}
		case "POST /task/new/init" -> init(x, form);
		case "POST /task/cancel", "POST /task/remove" -> command(x, path.endsWith("remove"), form);
		default -> {
			if (method.equals("POST") && path.startsWith("/task/new/upload/")) {
				upload(x, path.substring("/task/new/upload/".length()), form);
			} else if (method.equals("POST") && path.startsWith("/task/new/commit/")) {
				commit(x, path.substring("/task/new/commit/".length()));
			} else {
				Matcher m = NodeOdmStandIn.taskRoute(path);
				if (method.equals("GET") && m.matches()) {
					task(x, m, query);
				} else { // express's answer to a route it does not have
					byte[] b = ("Cannot " + method + " " + path).getBytes(StandardCharsets.UTF_8);
					x.sendResponseHeaders(404, b.length);
					x.getResponseBody().write(b);
				}
			}
		}
		}
	}

	/** {@code taskNew.handleInit}: options checked before any upload, then {@code tmp/<uuid>/body.json}. */
	private void init(HttpExchange x, FormData form) throws IOException {
		String setUuid = x.getRequestHeaders().getFirst("set-uuid");
		String uuid = setUuid != null ? setUuid : NodeOdmStandIn.newUuid();
		if (setUuid != null && (!setUuid.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
				|| node.tasks().containsKey(setUuid))) {
			json(x, error("Invalid set-uuid: " + setUuid));
			return;
		}
		try {
			options.filter(form.fields().get("options"));
		} catch (IllegalArgumentException e) {
			json(x, error(e.getMessage()));
			return;
		}
		node.uploads().put(uuid, java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
		node.initBodies().put(uuid, json.writeValueAsString(form.fields()));
		json(x, json.createObjectNode().put("uuid", uuid));
	}

	/** {@code taskNew.getUUID}, {@code uploadImages} (field {@code images}), {@code handleUpload}. */
	private void upload(HttpExchange x, String uuid, FormData form) throws IOException {
		Map<String, byte[]> files = node.uploads().get(uuid);
		if (files == null) {
			json(x, error("Invalid uuid (not found)"));
			return;
		}
		List<FormData.Part> images = form.files().stream().filter(p -> p.field().equals("images")).toList();
		for (FormData.Part p : images) {
			String name = p.filename().replaceAll("[/\\\\]", "_"); // utils.sanitize
			files.put(name.equals("body.json") ? "_body.json" : name, p.bytes());
		}
		json(x, images.isEmpty() ? error("Need at least 1 file.") : json.createObjectNode().put("success", true));
	}

	/** {@code taskNew.handleCommit} and {@code createTask}: at least one file, the options again, a new task. */
	private void commit(HttpExchange x, String uuid) throws IOException {
		Map<String, byte[]> files = node.uploads().get(uuid);
		String body = node.initBodies().get(uuid);
		if (files == null || body == null) {
			json(x, error("Invalid uuid (not found)"));
			return;
		}
		node.uploads().remove(uuid);
		node.initBodies().remove(uuid);
		if (files.isEmpty()) {
			json(x, error("Need at least 1 file."));
			return;
		}
		Map<String, String> fields = json.readValue(body, json.getTypeFactory().constructMapType(Map.class, String.class,
				String.class));
		Map<String, Object> filtered;
		try {
			filtered = options.filter(fields.get("options"));
		} catch (IllegalArgumentException e) {
			json(x, error(e.getMessage()));
			return;
		}
		synchronized (files) {
			node.tasks().put(uuid, new StandInTask(uuid, fields.get("name"), filtered, files));
		}
		json(x, json.createObjectNode().put("uuid", uuid));
	}

	/** {@code getTaskFromUuid}, then info ({@code with_output}), output ({@code line}) or download. */
	private void task(HttpExchange x, Matcher m, Map<String, String> query) throws IOException {
		StandInTask t = node.tasks().get(m.group(1));
		if (t == null) {
			json(x, error(m.group(1) + " not found"));
			return;
		}
		if (m.group(2).equals("info")) {
			var info = t.info(json);
			if (query.containsKey("with_output")) {
				t.output(number(query.get("with_output"))).forEach(info.putArray("output")::add);
			}
			json(x, info);
		} else if (m.group(2).equals("output")) {
			json(x, t.output(number(query.get("line"))));
		} else if (!"all.zip".equals(m.group(3))) {
			json(x, error("Invalid asset"));
		} else if (t.allZip() == null) {
			json(x, error("Asset not ready"));
		} else {
			byte[] zip = t.allZip();
			x.getResponseHeaders().set("Content-Disposition", "attachment; filename=all.zip");
			x.getResponseHeaders().set("Content-Type", "application/zip");
			x.sendResponseHeaders(200, zip.length);
			x.getResponseBody().write(zip);
		}
	}

	/** {@code uuidCheck}, then {@code TaskManager.cancel} / {@code remove} through {@code successHandler}. */
	private void command(HttpExchange x, boolean remove, FormData form) throws IOException {
		String uuid = form.fields().get("uuid");
		if (uuid == null || uuid.isEmpty()) {
			json(x, error("uuid param missing."));
			return;
		}
		StandInTask t = node.tasks().get(uuid);
		if (t == null) {
			json(x, json.createObjectNode().put("success", false).put("error", uuid + " not found"));
			return;
		}
		t.cancel();
		if (remove) {
			node.tasks().remove(uuid);
		}
		json(x, json.createObjectNode().put("success", true));
	}

	private static int number(String text) {
		try {
			return text == null ? 0 : Integer.parseInt(text);
		} catch (NumberFormatException e) {
			return 0;
		}
	}
}
