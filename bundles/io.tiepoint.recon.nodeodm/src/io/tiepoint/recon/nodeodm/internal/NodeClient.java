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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.OperationCanceledException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.recon.nodeodm.internal.NodeException.Kind;

/**
 * The NodeODM API of one node, as OpenDroneMap/NodeODM documents it ({@code docs/index.adoc}) and its
 * {@code index.js} and {@code libs/taskNew.js} answer: {@code GET /info}, {@code GET /options},
 * {@code POST /task/new/init} (multipart fields {@code name}, {@code options}), {@code POST /task/new/upload/{uuid}}
 * (multipart files {@code images}), {@code POST /task/new/commit/{uuid}}, {@code GET /task/{uuid}/info},
 * {@code GET /task/{uuid}/output?line=N}, {@code GET /task/{uuid}/download/all.zip}, {@code POST /task/cancel} and
 * {@code POST /task/remove} (url-encoded {@code uuid}: NodeODM parses those two with {@code urlEncodedBodyParser}).
 * The token rides as the {@code token} query parameter of every call and appears in no message. A ClusterODM
 * speaks the same API ("a reverse proxy, load balancer and task tracker for NodeODM API compatible nodes").
 * <p>
 * Long calls (an upload, the download) give up as soon as {@code canceled} says so.
 */
public final class NodeClient {

	private static final ObjectMapper JSON = new ObjectMapper();
	private final URI base;
	private final String token;
	private final HttpClient http;
	private final Duration timeout;
	private final BooleanSupplier canceled;

	/**
	 * @param base     the node, e.g. {@code http://10.0.0.5:3000/}
	 * @param token    its token, or null
	 * @param http     the HTTP client
	 * @param timeout  for each call without a body to stream
	 * @param canceled whether to give up a long call
	 */
	public NodeClient(URI base, String token, HttpClient http, Duration timeout, BooleanSupplier canceled) {
		this.base = base;
		this.token = token;
		this.http = http;
		this.timeout = timeout;
		this.canceled = canceled;
	}

	/** @return the node's URL (no token in it) */
	public URI base() {
		return base;
	}

	/** @return {@code GET /info} @throws NodeException when it fails */
	public NodeInfo info() throws NodeException {
		return NodeInfo.of(json(get("info", ""), "/info"));
	}

	/** @return {@code GET /options}: the ODM options the node takes @throws NodeException when it fails */
	public List<NodeOption> options() throws NodeException {
		JsonNode list = json(get("options", ""), "/options");
		if (!list.isArray()) {
			throw new NodeException(Kind.PROTOCOL, base + "options answered no list", null);
		}
		List<NodeOption> out = new ArrayList<>();
		list.forEach(o -> out.add(new NodeOption(o.path("name").asText(), o.path("type").asText(), o.path("value").asText(),
				o.path("domain"))));
		return out;
	}

	/**
	 * @param name    the task's name on the node
	 * @param options the options, NodeODM's JSON array {@code [{"name": ..., "value": ...}]}
	 * @return the new task's uuid
	 * @throws NodeException when the node refuses (NodeODM checks the options' types and ranges here)
	 */
	public String init(String name, String options) throws NodeException {
		Multipart body = new Multipart().field("name", name).field("options", options);
		JsonNode r = json(send(post("task/new/init", body), true), "/task/new/init");
		String uuid = r.path("uuid").asText("");
		if (uuid.isEmpty()) {
			throw new NodeException(Kind.PROTOCOL, base + "task/new/init answered no uuid: " + r, null);
		}
		return uuid;
	}

	/**
	 * @param uuid     the task
	 * @param filename the name the node keeps
	 * @param file     the image
	 * @throws NodeException when the upload fails (a 5xx or a reset is {@linkplain NodeException#retryable retryable})
	 */
	public void upload(String uuid, String filename, Path file) throws NodeException {
		Multipart body;
		try {
			body = new Multipart().file("images", filename, file);
		} catch (IOException e) {
			throw new NodeException(Kind.PROTOCOL, "cannot read " + file + ": " + e.getMessage(), e);
		}
		success(json(send(post("task/new/upload/" + uuid, body), true), "/task/new/upload"), "/task/new/upload");
	}

	/** @param uuid the task, its images uploaded @throws NodeException when the node refuses to start it */
	public void commit(String uuid) throws NodeException {
		HttpRequest req = request("task/new/commit/" + uuid, "").POST(HttpRequest.BodyPublishers.noBody()).build();
		json(send(req, true), "/task/new/commit");
	}

	/** @param uuid a task @return {@code GET /task/{uuid}/info} @throws NodeException ({@code LOST}: unknown task) */
	public NodeTask task(String uuid) throws NodeException {
		return NodeTask.of(json(get("task/" + uuid + "/info", ""), "/task/{uuid}/info"));
	}

	/**
	 * @param uuid a task
	 * @param line the first line wanted
	 * @return {@code GET /task/{uuid}/output?line=N}: the console lines from that one
	 * @throws NodeException when it fails
	 */
	public List<String> output(String uuid, int line) throws NodeException {
		JsonNode r = json(get("task/" + uuid + "/output", "line=" + line), "/task/{uuid}/output");
		List<String> out = new ArrayList<>();
		r.forEach(l -> out.add(l.asText()));
		return out;
	}

	/**
	 * @param uuid   a completed task
	 * @param target where {@code all.zip} goes
	 * @throws NodeException when the node has no archive (NodeODM: {@code "Asset not ready"}) or the transfer fails
	 */
	public void download(String uuid, Path target) throws NodeException {
		HttpRequest req = request("task/" + uuid + "/download/all.zip", "").timeout(Duration.ofHours(6)).GET().build();
		HttpResponse<Path> r = send(req, HttpResponse.BodyHandlers.ofFile(target), true);
		String type = r.headers().firstValue("Content-Type").orElse("");
		if (r.statusCode() != 200 || type.contains("json")) {
			byte[] body;
			try {
				body = Files.size(target) < 65536 ? Files.readAllBytes(target) : new byte[0];
			} catch (IOException e) {
				body = new byte[0];
			}
			json(new Answer(r.statusCode(), body), "/task/{uuid}/download/all.zip");
			throw new NodeException(Kind.PROTOCOL, base + "task/" + uuid + "/download/all.zip answered HTTP "
					+ r.statusCode() + " " + type + " instead of the archive", null);
		}
	}

	/** @param uuid a task to stop @throws NodeException when the node refuses */
	public void cancel(String uuid) throws NodeException {
		success(json(send(form("task/cancel", uuid), false), "/task/cancel"), "/task/cancel");
	}

	/** @param uuid a task to delete with its assets @throws NodeException when the node refuses */
	public void remove(String uuid) throws NodeException {
		success(json(send(form("task/remove", uuid), false), "/task/remove"), "/task/remove");
	}

	// ------------------------------------------------------------------ HTTP

	private record Answer(int status, byte[] body) {
	}

	private HttpRequest.Builder request(String path, String query) {
		String q = query;
		if (token != null) {
			q = (q.isEmpty() ? "" : q + "&") + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		}
		return HttpRequest.newBuilder(base.resolve(path + (q.isEmpty() ? "" : "?" + q))).timeout(timeout);
	}

	private Answer get(String path, String query) throws NodeException {
		return send(request(path, query).GET().build(), false);
	}

	private HttpRequest post(String path, Multipart body) {
		return request(path, "").timeout(Duration.ofMinutes(30)).header("Content-Type", body.contentType())
				.POST(body.body()).build();
	}

	private HttpRequest form(String path, String uuid) {
		return request(path, "").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("uuid=" + URLEncoder.encode(uuid, StandardCharsets.UTF_8))).build();
	}

	private Answer send(HttpRequest req, boolean interruptible) throws NodeException {
		HttpResponse<byte[]> r = send(req, HttpResponse.BodyHandlers.ofByteArray(), interruptible);
		return new Answer(r.statusCode(), r.body());
	}

	private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler, boolean interruptible)
			throws NodeException {
		String where = base + req.uri().getRawPath().substring(1);
		CompletableFuture<HttpResponse<T>> f = http.sendAsync(req, handler);
		try {
			while (true) {
				if (interruptible && canceled.getAsBoolean()) {
					f.cancel(true);
					throw new OperationCanceledException();
				}
				try {
					return f.get(200, TimeUnit.MILLISECONDS);
				} catch (TimeoutException e) {
					// look at the monitor again
				}
			}
		} catch (ExecutionException e) {
			Throwable c = e.getCause() == null ? e : e.getCause();
			throw new NodeException(Kind.DOWN, req.method() + " " + where + " failed: " + scrub(String.valueOf(c)), null);
		} catch (InterruptedException e) {
			f.cancel(true);
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		}
	}

	/** @return the text without the token, should a transport message ever quote a request's URL */
	private String scrub(String text) {
		if (token == null || token.isEmpty()) {
			return text;
		}
		return text.replace(token, "***").replace(URLEncoder.encode(token, StandardCharsets.UTF_8), "***");
	}

	private JsonNode json(Answer a, String route) throws NodeException {
		String where = base + route.substring(1);
		if (a.status() == 401 || a.status() == 403) {
			throw new NodeException(Kind.UNAUTHORIZED, where + " refused the token (HTTP " + a.status() + ")", null);
		}
		if (a.status() >= 500 || a.status() == 429 || a.status() == 408) {
			throw new NodeException(Kind.TRANSIENT, where + " answered HTTP " + a.status(), null);
		}
		JsonNode n;
		try {
			n = JSON.readTree(a.body());
		} catch (IOException e) {
			n = null;
		}
		if (n == null || n.isMissingNode()) {
			throw new NodeException(Kind.PROTOCOL, where + " answered HTTP " + a.status() + " without JSON", null);
		}
		if (n.isObject() && n.hasNonNull("error")) {
			String error = n.path("error").asText();
			Kind kind = NodeException.meansLost(error) ? Kind.LOST
					: error.startsWith("Invalid authentication token") ? Kind.UNAUTHORIZED : Kind.REFUSED;
			throw new NodeException(kind, where + ": " + scrub(error), null);
		}
		if (a.status() != 200) {
			throw new NodeException(Kind.PROTOCOL, where + " answered HTTP " + a.status(), null);
		}
		return n;
	}

	private void success(JsonNode r, String route) throws NodeException {
		if (!r.path("success").asBoolean(false)) {
			throw new NodeException(Kind.PROTOCOL, base + route.substring(1) + " answered " + r, null);
		}
	}
}
