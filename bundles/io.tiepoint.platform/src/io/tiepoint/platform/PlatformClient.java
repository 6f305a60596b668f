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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client of the platform API ({@code ../shared/reference/altizure-api.md}): typed operations over
 * {@code POST {endpoint}/graphql} with the {@code key} and {@code altitoken} headers, sending the
 * documents the official clients send. Thread-safe; one instance per platform and user.
 */
public final class PlatformClient implements PlatformApi {

	private static final String IMAGE_FIELDS = "id state name filename checksum error";
	private static final String TASK_FIELDS = "id taskType state step totalSteps startDate endDate error";

	private final URI graphql;
	private final URI base;
	private final String key;
	private final String token;
	private final HttpClient http;
	private final Duration timeout;
	private final ObjectMapper json = new ObjectMapper();

	/**
	 * @param endpoint the platform's base URI (GraphQL is at {@code graphql} below it)
	 * @param key      the app key
	 * @param token    the user token
	 */
	public PlatformClient(URI endpoint, String key, String token) {
		this(endpoint, key, token, Duration.ofSeconds(60));
	}

	/**
	 * @param endpoint the platform's base URI
	 * @param key      the app key
	 * @param token    the user token
	 * @param timeout  per-call timeout
	 */
	public PlatformClient(URI endpoint, String key, String token, Duration timeout) {
		this(endpoint, key, token, timeout, httpSettings());
	}

	/**
	 * @param endpoint the platform's base URI
	 * @param key      the app key
	 * @param token    the user token
	 * @param timeout  per-call timeout
	 * @param http     the settings of its HTTP client (from {@link #httpSettings()}, e.g. with a TLS context of the
	 *                 caller's); the client is closed with this one
	 */
	public PlatformClient(URI endpoint, String key, String token, Duration timeout, HttpClient.Builder http) {
		String s = endpoint.toString();
		this.base = URI.create(s.endsWith("/") ? s : s + "/");
		this.graphql = base.resolve("graphql");
		this.key = Objects.requireNonNull(key, "key");
		this.token = token;
		this.timeout = timeout;
		this.http = http.build();
	}

	/** @return the settings of the client's HTTP client: HTTP/1.1, 15 s to connect */
	public static HttpClient.Builder httpSettings() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).version(HttpClient.Version.HTTP_1_1);
	}

	/** @return the base URI */
	public URI endpoint() {
		return base;
	}

	/**
	 * Runs one GraphQL document.
	 *
	 * @param query     the document
	 * @param variables its variables (null values are sent as null)
	 * @return the {@code data} object
	 * @throws PlatformException when the call fails or answers errors
	 */
	public JsonNode execute(String query, Map<String, Object> variables) throws PlatformException {
		ObjectNode body = json.createObjectNode();
		body.put("query", query);
		body.set("variables", json.valueToTree(variables == null ? Map.of() : variables));
		HttpRequest.Builder rb = HttpRequest.newBuilder(graphql).timeout(timeout)
				.header("Content-Type", "application/json").header("key", key);
		if (token != null) {
			rb.header("altitoken", token);
		}
		HttpResponse<byte[]> resp;
		try {
			resp = http.send(rb.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		} catch (IOException e) {
			throw new PlatformException(PlatformException.Kind.TRANSIENT, null,
					"platform " + base + " cannot be reached: " + e, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PlatformException(PlatformException.Kind.TRANSIENT, null, "interrupted", e);
		}
		int status = resp.statusCode();
		JsonNode root;
		try {
			root = json.readTree(resp.body());
		} catch (IOException e) {
			root = null;
		}
		JsonNode errors = root == null ? null : root.get("errors");
		if (status == 401 || status == 403) {
			throw new PlatformException(PlatformException.Kind.UNAUTHORIZED, "UNAUTHENTICATED",
					"platform " + base + " refused the credentials: " + firstMessage(errors, "HTTP " + status), null);
		}
		if (status >= 500 || status == 429 || status == 408) {
			throw new PlatformException(PlatformException.Kind.TRANSIENT, null,
					"platform " + base + " answered HTTP " + status + firstMessage(errors, ""), null);
		}
		if (root == null || !root.isObject()) {
			throw new PlatformException(PlatformException.Kind.PROTOCOL, null,
					"platform " + base + " answered HTTP " + status + " without a GraphQL body", null);
		}
		if (errors != null && errors.isArray() && !errors.isEmpty()) {
			JsonNode first = errors.get(0);
			String code = first.path("extensions").path("code").asText(null);
			String message = first.path("message").asText("error");
			PlatformException.Kind kind = switch (code == null ? "" : code) {
			case "UNAUTHENTICATED", "FORBIDDEN" -> PlatformException.Kind.UNAUTHORIZED;
			case "NOT_FOUND", "PROJECT_NOT_FOUND", "IMAGE_NOT_FOUND" -> PlatformException.Kind.NOT_FOUND;
			case "STORAGE_UNAVAILABLE", "CONFLICT", "INTERNAL", "UNAVAILABLE" -> PlatformException.Kind.TRANSIENT;
			default -> PlatformException.Kind.REJECTED;
			};
			throw new PlatformException(kind, code, message, null);
		}
		if (status != 200) {
			throw new PlatformException(PlatformException.Kind.PROTOCOL, null,
					"platform " + base + " answered HTTP " + status, null);
		}
		return root.path("data");
	}

	private static String firstMessage(JsonNode errors, String fallback) {
		if (errors != null && errors.isArray() && !errors.isEmpty()) {
			return ": " + errors.get(0).path("message").asText();
		}
		return fallback;
	}

	private static Map<String, Object> vars(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	// ------------------------------------------------------------------ operations

	/**
	 * @param kind {@code Image}, {@code Model} or {@code Meta}
	 * @return the clouds the platform accepts (the names of its clouds, as in its nearestBuckets)
	 * @throws PlatformException when the call fails
	 */
	@Override
	public List<String> supportedClouds(String kind) throws PlatformException {
		JsonNode d = execute("query ($kind: UPLOAD_TYPE) { support { supportedCloud(kind: $kind) } }", vars("kind", kind));
		List<String> out = new ArrayList<>();
		d.path("support").path("supportedCloud").forEach(n -> out.add(n.asText()));
		return out;
	}

	/**
	 * @param cloud a cloud kind, e.g. {@code s3}
	 * @return the first bucket {@code getGeoIPInfo.nearestBuckets} lists for it
	 * @throws PlatformException when the call fails
	 */
	@Override
	public Optional<String> nearestBucket(String cloud) throws PlatformException {
		JsonNode d = execute("{ getGeoIPInfo { nearestBuckets { cloud bucket } } }", null);
		for (JsonNode b : d.path("getGeoIPInfo").path("nearestBuckets")) {
			if (cloud.equalsIgnoreCase(b.path("cloud").asText())) {
				return Optional.of(b.path("bucket").asText());
			}
		}
		return Optional.empty();
	}

	/**
	 * @param name the project name
	 * @return the new project's id
	 * @throws PlatformException when the call fails
	 */
	@Override
	public String createProject(String name) throws PlatformException {
		JsonNode d = execute("mutation ($name: String!, $type: PROJECT_TYPE, $imported: Boolean, $modelType: IMPORTED_MODEL_TYPE,"
				+ " $visibility: PROJECT_VISIBILITY) { createProject(name: $name, type: $type, imported: $imported,"
				+ " modelType: $modelType, visibility: $visibility) { id } }",
				vars("name", name, "type", "pro",
						"imported", false, "modelType", null, "visibility", "private"));
		String id = d.path("createProject").path("id").asText(null);
		if (id == null) {
			throw new PlatformException(PlatformException.Kind.PROTOCOL, null, "createProject answered no id", null);
		}
		return id;
	}

	/**
	 * @param pid a project id
	 * @return its name, or empty when it does not exist (for this user)
	 * @throws PlatformException when the call fails
	 */
	@Override
	public Optional<String> projectName(String pid) throws PlatformException {
		try {
			JsonNode p = execute("query ($id: ID!) { project(id: $id) { id name } }", vars("id", pid)).path("project");
			return p.isObject() ? Optional.of(p.path("name").asText()) : Optional.empty();
		} catch (PlatformException e) {
			if (e.kind() == PlatformException.Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		}
	}

	/**
	 * Finds the caller's project of that exact name ({@code my.allProjects(search:)}), so that a run which
	 * lost the answer of {@link #createProject(String)} does not create a second project.
	 *
	 * @param name the project name
	 * @return the id of the oldest of the caller's projects with that name, or empty
	 * @throws PlatformException when the call fails
	 */
	@Override
	public Optional<String> findProject(String name) throws PlatformException {
		JsonNode d = execute("query ($search: String, $first: Int) { my { allProjects(first: $first, search: $search) {"
				+ " edges { node { id name date } } } } }", vars("search", name, "first", 100));
		String id = null;
		String oldest = null;
		for (JsonNode edge : d.path("my").path("allProjects").path("edges")) {
			JsonNode node = edge.path("node");
			String date = node.path("date").asText("");
			if (name.equals(node.path("name").asText()) && (oldest == null || date.compareTo(oldest) < 0)) {
				id = node.path("id").asText();
				oldest = date;
			}
		}
		return Optional.ofNullable(id);
	}

	/**
	 * @param pid      project id
	 * @param checksum the image's SHA-1
	 * @return the image with that checksum, or empty
	 * @throws PlatformException when the call fails
	 */
	@Override
	public Optional<RemoteImage> hasImage(String pid, String checksum) throws PlatformException {
		JsonNode n = execute("mutation hasImage($pid: ID!, $checksum: String!) { hasImage(pid: $pid, checksum: $checksum) { "
				+ IMAGE_FIELDS + " } }", vars("pid", pid, "checksum", checksum)).path("hasImage");
		return n.isObject() ? Optional.of(image(n)) : Optional.empty();
	}

	@Override
	public Registration register(UploadRequest r) throws PlatformException {
		// the document the official clients send for this mutation (altizure-api.md), variables and all
		JsonNode n = execute(uploadDocument(r, true), uploadVariables(r)).path(r.mutation());
		if (!n.path("image").isObject()) {
			throw new PlatformException(PlatformException.Kind.PROTOCOL, null, r.mutation() + " answered no image", null);
		}
		Map<String, String> grant = new LinkedHashMap<>();
		flatten("", n, grant);
		grant.keySet().removeIf(k -> k.startsWith("image.") || k.equals("url"));
		String url = n.path("url").asText(null);
		return new Registration(image(n.path("image")), url == null ? null : base.resolve(url), null, grant);
	}

	@Override
	public Map<String, String> refreshGrant(UploadRequest r) throws PlatformException {
		// the official client's refresh: the same mutation asking only the payload (a random name, no checksum)
		JsonNode n = execute(uploadDocument(r, false), uploadVariables(r)).path(r.mutation());
		Map<String, String> grant = new LinkedHashMap<>();
		flatten("", n, grant);
		grant.keySet().removeIf(k -> k.startsWith("image.") || k.equals("url"));
		if (grant.isEmpty()) {
			throw new PlatformException(PlatformException.Kind.PROTOCOL, null, r.mutation() + " answered no " + r.payload(),
					null);
		}
		return grant;
	}

	/** @return the document the official clients send for this mutation, with or without {@code image} */
	private static String uploadDocument(UploadRequest r, boolean image) {
		boolean bucket = r.bucketType() != null;
		return "mutation ($pid: ID!, " + (bucket ? "$bucket: " + r.bucketType() + "!, " : "")
				+ "$filename: String!, $type: IMAGE_TYPE, $checksum: String) { " + r.mutation() + "(pid: $pid, "
				+ (bucket ? "bucket: $bucket, " : "") + "filename: $filename, type: $type, checksum: $checksum) { "
				+ r.payload() + (image ? " image { " + IMAGE_FIELDS + " }" : "") + " } }";
	}

	private static Map<String, Object> uploadVariables(UploadRequest r) {
		Map<String, Object> v = vars("pid", r.pid(), "filename", r.filename(), "type", r.type(), "checksum", r.checksum());
		if (r.bucketType() != null) {
			v.put("bucket", r.bucket());
		}
		return v;
	}

	private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
		if (n.isObject()) {
			n.properties().forEach(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
		} else if (n.isValueNode() && !n.isNull()) {
			out.put(prefix.substring(0, prefix.length() - 1), n.asText());
		}
	}

	/**
	 * @param iid image id
	 * @return the image, now {@code Uploading}
	 * @throws PlatformException when the call fails
	 */
	@Override
	public RemoteImage startImageUpload(String iid) throws PlatformException {
		return image(execute("mutation ($iid: ID!) { startImageUpload(id: $iid) { " + IMAGE_FIELDS + " } }",
				vars("iid", iid)).path("startImageUpload"));
	}

	/**
	 * @param iid image id
	 * @return the image, now {@code Uploaded} (verification follows)
	 * @throws PlatformException when the call fails
	 */
	@Override
	public RemoteImage doneImageUpload(String iid) throws PlatformException {
		return image(execute("mutation ($iid: ID!) { doneImageUpload(id: $iid) { " + IMAGE_FIELDS + " } }",
				vars("iid", iid)).path("doneImageUpload"));
	}

	/**
	 * @param pid project id
	 * @param iid image id
	 * @return the image, or empty when it is gone
	 * @throws PlatformException when the call fails
	 */
	@Override
	public Optional<RemoteImage> image(String pid, String iid) throws PlatformException {
		JsonNode n = execute("query ($pid: ID!, $iid: ID!) { project(id: $pid) { image(id: $iid) { " + IMAGE_FIELDS + " } } }",
				vars("pid", pid, "iid", iid)).path("project").path("image");
		return n.isObject() ? Optional.of(image(n)) : Optional.empty();
	}

	/**
	 * Every image of a project, page by page.
	 *
	 * @param pid   project id
	 * @param state only images in this state, or null
	 * @return the images
	 * @throws PlatformException when a call fails
	 */
	@Override
	public List<RemoteImage> allImages(String pid, String state) throws PlatformException {
		List<RemoteImage> out = new ArrayList<>();
		String after = null;
		while (true) {
			JsonNode c = execute("query ($id: ID!, $first: Int, $after: String, $state: IMAGE_STATE) { project(id: $id) {"
					+ " allImages(first: $first, after: $after, state: $state) { totalCount pageInfo { hasNextPage endCursor }"
					+ " edges { node { " + IMAGE_FIELDS + " } } } } }", vars("id", pid, "first", 500, "after", after, "state", state))
					.path("project").path("allImages");
			for (JsonNode e : c.path("edges")) {
				out.add(image(e.path("node")));
			}
			JsonNode pi = c.path("pageInfo");
			if (!pi.path("hasNextPage").asBoolean(false) || pi.path("endCursor").isNull()) {
				return out;
			}
			after = pi.path("endCursor").asText();
		}
	}

	/**
	 * @param pid      project id
	 * @param taskType a TASK_TYPE or null for the platform's default
	 * @return the task
	 * @throws PlatformException {@code REJECTED} with the platform's error code when it refuses
	 */
	@Override
	public RemoteTask startReconstruction(String pid, String taskType) throws PlatformException {
		return startReconstruction(pid, taskType, null);
	}

	/**
	 * @param pid      project id
	 * @param taskType a TASK_TYPE or null for the platform's default
	 * @param engine   an engine id (a hub extension), or null: then the document is the official clients' one
	 * @return the task
	 * @throws PlatformException {@code REJECTED} with the platform's error code when it refuses
	 */
	@Override
	public RemoteTask startReconstruction(String pid, String taskType, String engine) throws PlatformException {
		String query = engine == null
				? "mutation ($id: ID!, $taskType: TASK_TYPE) { startReconstructionWithError(id: $id,"
						+ " options: {taskType: $taskType}) { error { code message } task { " + TASK_FIELDS + " } } }"
				: "mutation ($id: ID!, $taskType: TASK_TYPE, $engine: String) { startReconstructionWithError(id: $id,"
						+ " options: {taskType: $taskType, engine: $engine}) { error { code message } task { " + TASK_FIELDS
						+ " } } }";
		Map<String, Object> v = vars("id", pid, "taskType", taskType);
		if (engine != null) {
			v.put("engine", engine);
		}
		JsonNode r = execute(query, v).path("startReconstructionWithError");
		if (r.path("error").isObject()) {
			throw new PlatformException(PlatformException.Kind.REJECTED, r.path("error").path("code").asText(null),
					r.path("error").path("message").asText("reconstruction refused"), null);
		}
		return task(r.path("task"));
	}

	@Override
	public Optional<RemoteTask> preStartReconstruction(String pid, String taskType, String engine)
			throws PlatformException {
		String query = "mutation ($id: ID!, $taskType: TASK_TYPE" + (engine == null ? "" : ", $engine: String")
				+ ") { preStartReconstruction(id: $id, options: {taskType: $taskType"
				+ (engine == null ? "" : ", engine: $engine") + "}) { error { code message } task { " + TASK_FIELDS
				+ " } } }";
		Map<String, Object> v = vars("id", pid, "taskType", taskType);
		if (engine != null) {
			v.put("engine", engine);
		}
		JsonNode r = execute(query, v).path("preStartReconstruction");
		if (r.path("error").isObject()) {
			throw new PlatformException(PlatformException.Kind.REJECTED, r.path("error").path("code").asText(null),
					r.path("error").path("message").asText("reconstruction refused"), null);
		}
		return r.path("task").isObject() ? Optional.of(task(r.path("task"))) : Optional.empty();
	}

	/**
	 * @return the hub's engines ({@code support.engines}); empty when the platform does not list engines (its schema
	 *         has no such field)
	 * @throws PlatformException when the call fails otherwise
	 */
	@Override
	public List<RemoteEngine> engines() throws PlatformException {
		JsonNode list;
		try {
			list = execute("{ support { engines { id name taskTypes default } } }", Map.of()).path("support").path("engines");
		} catch (PlatformException e) {
			if (e.kind() == PlatformException.Kind.REJECTED) {
				return List.of(); // an Altizure platform or an older hub: no engine list
			}
			throw e;
		}
		List<RemoteEngine> out = new ArrayList<>();
		for (JsonNode n : list) {
			List<String> types = new ArrayList<>();
			n.path("taskTypes").forEach(t -> types.add(t.asText()));
			out.add(new RemoteEngine(n.path("id").asText(), n.path("name").asText(n.path("id").asText()), List.copyOf(types),
					n.path("default").asBoolean()));
		}
		return out;
	}

	/**
	 * @param pid project id
	 * @return the stopped task
	 * @throws PlatformException when the call fails
	 */
	@Override
	public RemoteTask stopReconstruction(String pid) throws PlatformException {
		return task(execute("mutation ($id: ID!) { stopReconstruction(id: $id) { " + TASK_FIELDS + " } }", vars("id", pid))
				.path("stopReconstruction"));
	}

	/**
	 * @param pid         project id
	 * @param extraFields further Task fields to fetch (e.g. engine results), or ""
	 * @return the project's latest task, or empty before the first
	 * @throws PlatformException when the call fails
	 */
	@Override
	public Optional<RemoteTask> latestTask(String pid, String extraFields) throws PlatformException {
		JsonNode t = execute("query ($id: ID!) { project(id: $id) { task { " + TASK_FIELDS + " " + extraFields + " } } }",
				vars("id", pid)).path("project").path("task");
		return t.isObject() ? Optional.of(task(t)) : Optional.empty();
	}

	/**
	 * @param pid project id
	 * @return every task of the project
	 * @throws PlatformException when the call fails
	 */
	@Override
	public List<RemoteTask> tasks(String pid) throws PlatformException {
		List<RemoteTask> out = new ArrayList<>();
		for (JsonNode t : execute("query ($id: ID!) { project(id: $id) { tasks { " + TASK_FIELDS + " } } }", vars("id", pid))
				.path("project").path("tasks")) {
			out.add(task(t));
		}
		return out;
	}

	private static RemoteImage image(JsonNode n) {
		List<String> errors = new ArrayList<>();
		n.path("error").forEach(e -> errors.add(e.asText()));
		return new RemoteImage(n.path("id").asText(null), n.path("state").asText(null), n.path("name").asText(null),
				n.path("filename").asText(null), n.path("checksum").asText(null), List.copyOf(errors));
	}

	private static RemoteTask task(JsonNode n) throws PlatformException {
		if (!n.isObject()) {
			throw new PlatformException(PlatformException.Kind.PROTOCOL, null, "no task in the answer", null);
		}
		List<String> errors = new ArrayList<>();
		n.path("error").forEach(e -> errors.add(e.asText()));
		return new RemoteTask(n.path("id").asText(null), n.path("taskType").asText(null), n.path("state").asText(null),
				n.path("step").asInt(), n.path("totalSteps").asInt(), n.path("startDate").asText(null),
				n.path("endDate").asText(null), List.copyOf(errors), n.toString());
	}

	@Override
	public void close() {
		http.close();
	}

	@Override
	public String toString() {
		return "PlatformClient[" + base + "]"; // never the key or the token
	}
}
