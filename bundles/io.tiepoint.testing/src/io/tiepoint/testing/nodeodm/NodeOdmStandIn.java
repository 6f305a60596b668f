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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A NodeODM node for tests, on loopback: the API of OpenDroneMap/NodeODM ({@code docs/index.adoc}, {@code index.js},
 * {@code libs/taskNew.js}, {@code libs/Task.js}, {@code libs/TaskManager.js}, {@code libs/odmInfo.js}) with the
 * checks NodeODM makes and the JSON it writes: errors are HTTP 200 with {@code {"error": "..."}} ({@code "<uuid> not
 * found"}, {@code "Invalid uuid (not found)"}, {@code "Need at least 1 file."}, {@code "Asset not ready"},
 * {@code "uuid param missing."}, {@code "Invalid authentication token: token does not match."}); commands answer
 * {@code {"success": true}} or {@code {"success": false, "error"}}; options are checked as {@code filterOptions} does
 * ({@link StandInOptions}). What it does not do is ODM's work: a task steps through ODM's stage names writing console
 * lines, one stage every {@code stepMillis}, and its all.zip is made of the uploaded images ({@link StandInAssets}).
 * <p>
 * Faults, each counted down: {@link #failUploads} (503 on an upload), {@link #resetUploads} (the connection closed
 * without an answer), {@link #forgetTasksAt} (a restart that loses every task, once, when a running task reaches a
 * progress), {@link #failTasks} (ODM fails), {@link #close} (the node is down). {@link #requests} lists what it was
 * asked.
 */
public final class NodeOdmStandIn implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern TASK_ROUTE = Pattern.compile("/task/([^/]+)/(info|output|download/([^/]+))");
	private final String token;
	private final HttpServer server;
	private final ExecutorService pool = Executors.newFixedThreadPool(8, daemon("nodeodm-standin-http"));
	private final ScheduledExecutorService node = Executors.newSingleThreadScheduledExecutor(daemon("nodeodm-standin"));
	private final StandInOptions options = new StandInOptions();
	private final Map<String, Map<String, byte[]>> uploads = new ConcurrentHashMap<>();
	private final Map<String, String> initBodies = new ConcurrentHashMap<>();
	private final Map<String, StandInTask> tasks = Collections.synchronizedMap(new LinkedHashMap<>());
	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
	private volatile int failUploads;
	private volatile int resetUploads;
	private volatile double forgetAt = -1;
	private volatile String failTasks;
	private volatile int maxParallelTasks = 2;
	private volatile Integer maxImages;
	private volatile boolean held;

	/**
	 * @param token      the token every call must carry ({@code ?token=}), or null for none (NodeODM's default)
	 * @param stepMillis time of one ODM stage
	 * @throws IOException when no port can be bound
	 */
	public NodeOdmStandIn(String token, long stepMillis) throws IOException {
		this.token = token;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		server.setExecutor(pool);
		server.createContext("/", this::handle);
		server.start();
		node.scheduleWithFixedDelay(this::step, stepMillis, stepMillis, TimeUnit.MILLISECONDS);
	}

	/** @return the node's URL, {@code http://127.0.0.1:PORT/} */
	public URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
	}

	/** @param n answer the next n uploads with HTTP 503 @return this */
	public NodeOdmStandIn failUploads(int n) {
		failUploads = n;
		return this;
	}

	/** @param n close the connection of the next n uploads without an answer @return this */
	public NodeOdmStandIn resetUploads(int n) {
		resetUploads = n;
		return this;
	}

	/** @param percent once a running task reaches it, the node restarts and forgets every task (once) @return this */
	public NodeOdmStandIn forgetTasksAt(double percent) {
		forgetAt = percent;
		return this;
	}

	/** @param message the next task that runs fails with it (ODM's {@code errorMessage}), or null @return this */
	public NodeOdmStandIn failTasks(String message) {
		failTasks = message;
		return this;
	}

	/** @param hold whether running tasks stay where they are (ODM busy with a long stage) @return this */
	public NodeOdmStandIn hold(boolean hold) {
		held = hold;
		return this;
	}

	/** @param n tasks run at once ({@code /info maxParallelTasks}) @return this */
	public NodeOdmStandIn maxParallelTasks(int n) {
		maxParallelTasks = n;
		return this;
	}

	/** @param n the most images a task may have ({@code /info maxImages}), or null for no limit @return this */
	public NodeOdmStandIn maxImages(Integer n) {
		maxImages = n;
		return this;
	}

	/** @return every request so far, {@code "METHOD /path"} (no query), cancel and remove with {@code " uuid=..."} */
	public List<String> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	/** @param prefix e.g. {@code "POST /task/new/upload"} @return how many requests start with it */
	public long count(String prefix) {
		return requests().stream().filter(r -> r.startsWith(prefix)).count();
	}

	/** @param uuid a task @return its status code, or -1 when the node does not know it */
	public int status(String uuid) {
		StandInTask t = tasks.get(uuid);
		return t == null ? -1 : t.status();
	}

	/** @return the uuids of the tasks the node knows */
	public List<String> taskIds() {
		synchronized (tasks) {
			return List.copyOf(tasks.keySet());
		}
	}

	/** Stops answering: the node is down (its port refuses connections). */
	@Override
	public void close() {
		server.stop(0);
		node.shutdownNow();
		pool.shutdownNow();
	}

	private void step() {
		List<StandInTask> all;
		synchronized (tasks) {
			all = new ArrayList<>(tasks.values());
		}
		long running = all.stream().filter(t -> t.status() == StandInTask.RUNNING).count();
		for (StandInTask t : all) {
			if (t.status() == StandInTask.QUEUED && running < maxParallelTasks) {
				t.start();
				running++;
			} else if (t.status() == StandInTask.RUNNING && !held) {
				String fail = failTasks;
				failTasks = null;
				t.advance(fail);
				if (forgetAt >= 0 && t.progress() >= forgetAt) {
					forgetAt = -1;
					tasks.clear(); // a restart that lost the data directory: nothing is known any more
					uploads.clear();
					initBodies.clear();
					return;
				}
			}
		}
	}

	private void handle(HttpExchange x) throws IOException {
		try (x) {
			String path = x.getRequestURI().getPath();
			String method = x.getRequestMethod();
			Map<String, String> query = query(x.getRequestURI().getRawQuery());
			byte[] body = x.getRequestBody().readAllBytes();
			FormData form;
			try {
				form = FormData.parse(x.getRequestHeaders().getFirst("Content-Type"), body);
			} catch (IllegalArgumentException e) {
				json(x, error(e.getMessage()));
				return;
			}
			String uuidField = form.fields().get("uuid");
			requests.add(method + " " + path + (uuidField != null && path.matches("/task/(cancel|remove)") ? " uuid="
					+ uuidField : ""));
			if (path.startsWith("/task/new/upload/") && faultOnUpload(x)) {
				return;
			}
			if (token != null && !token.equals(query.get("token")) && !path.equals("/auth/info")) {
				json(x, error("Invalid authentication token: token does not match."));
				return;
			}
			new StandInRoutes(this, options, JSON).route(x, method, path, query, form);
		}
	}

	private boolean faultOnUpload(HttpExchange x) throws IOException {
		if (resetUploads > 0) {
			resetUploads--;
			return true; // closed without an answer: the client sees the connection end
		}
		if (failUploads > 0) {
			failUploads--;
			byte[] b = "<html><body><h1>503 Service Unavailable</h1></body></html>".getBytes(StandardCharsets.UTF_8);
			x.getResponseHeaders().set("Content-Type", "text/html");
			x.sendResponseHeaders(503, b.length);
			x.getResponseBody().write(b);
			return true;
		}
		return false;
	}

	// ------------------------------------------------------------------ what the routes use

	Map<String, Map<String, byte[]>> uploads() {
		return uploads;
	}

	Map<String, String> initBodies() {
		return initBodies;
	}

	Map<String, StandInTask> tasks() {
		return tasks;
	}

	ObjectNode info() {
		long queue = tasks.values().stream().filter(t -> t.status() == StandInTask.QUEUED || t.status() == StandInTask.RUNNING)
				.count();
		ObjectNode o = JSON.createObjectNode().put("version", "2.2.1").put("taskQueueCount", queue)
				.put("totalMemory", 8L << 30).put("availableMemory", 4L << 30).put("cpuCores", 2);
		if (maxImages == null) {
			o.putNull("maxImages");
		} else {
			o.put("maxImages", maxImages);
		}
		return o.put("maxParallelTasks", maxParallelTasks).put("engineVersion", "tiepoint-stand-in").put("engine", "odm");
	}

	static String newUuid() {
		return UUID.randomUUID().toString();
	}

	static Matcher taskRoute(String path) {
		return TASK_ROUTE.matcher(path);
	}

	static ObjectNode error(String message) {
		return JSON.createObjectNode().put("error", message);
	}

	static void json(HttpExchange x, Object value) throws IOException {
		byte[] b = JSON.writeValueAsBytes(value);
		x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		x.sendResponseHeaders(200, b.length);
		x.getResponseBody().write(b);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> out = new LinkedHashMap<>();
		if (raw != null) {
			for (String p : raw.split("&")) {
				int eq = p.indexOf('=');
				if (eq > 0) {
					out.put(p.substring(0, eq), java.net.URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return out;
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		};
	}
}
