/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * HTTP client of the resource service: sends the seed's {@code APPID}, {@code License} and
 * {@code PackageName} headers (only to allowed hosts), follows {@code code 300} client redirects to
 * allowed hosts only, and maps failures to {@link StorageException} kinds. Messages never contain the
 * licence or the app id.
 */
public final class ResourceClient {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final int MAX_REDIRECTS = 3;
	private final HttpClient http;
	private final URI endpoint;
	private final String appId;
	private final String license;
	private final String packageName;
	private final Set<String> allowed;
	private final Duration timeout;

	/**
	 * @param endpoint    the service base URI
	 * @param appId       the app id (secret)
	 * @param license     the licence (secret)
	 * @param packageName the client's package name
	 * @param allowed     {@code host:port} the client may talk to
	 * @param timeout     per request
	 */
	public ResourceClient(URI endpoint, String appId, String license, String packageName, Set<String> allowed,
			Duration timeout) {
		String path = endpoint.getPath() == null || endpoint.getPath().isEmpty() ? "/" : endpoint.getPath();
		this.endpoint = endpoint.resolve(path.endsWith("/") ? path : path + "/");
		this.appId = appId;
		this.license = license;
		this.packageName = packageName;
		this.allowed = Set.copyOf(allowed);
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
				.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** @param uri a URI @return {@code host:port} (lower case, default port filled in) */
	public static String authority(URI uri) {
		int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
		return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
	}

	/** @return the base URI */
	public URI endpoint() {
		return endpoint;
	}

	/** @return the HTTP client */
	HttpClient http() {
		return http;
	}

	/** @return the timeout of one request */
	Duration timeout() {
		return timeout;
	}

	/**
	 * @param uri  a URI the server handed out
	 * @param what the file, for messages
	 * @throws StorageException {@code PERMANENT} when its host is not allowed
	 */
	void checkAllowed(URI uri, String what) throws StorageException {
		if (uri.getHost() == null || !allowed.contains(authority(uri))) {
			throw new StorageException(Kind.PERMANENT, what + ": the server sent the client to " + uri.getHost() + ":"
					+ uri.getPort() + ", which is not the endpoint nor in the option allowedHosts");
		}
	}

	/**
	 * @param builder a request to an allowed host
	 * @return it with the credentials
	 */
	HttpRequest.Builder authorize(HttpRequest.Builder builder) {
		return builder.header("APPID", appId).header("License", license).header("PackageName", packageName);
	}

	/**
	 * Calls an action, following client redirects.
	 *
	 * @param action e.g. {@code GetUploadState}
	 * @param params query parameters (null values left out)
	 * @param what   the file, for messages
	 * @return the whole JSON answer with code 200
	 * @throws StorageException mapped from the failure
	 */
	public JsonNode call(String action, Map<String, String> params, String what) throws StorageException {
		String query = params.entrySet().stream().filter(e -> e.getValue() != null)
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		URI base = endpoint;
		for (int redirects = 0;; redirects++) {
			URI uri = base.resolve("Resource/" + action + (query.isEmpty() ? "" : "?" + query));
			HttpRequest request = authorize(HttpRequest.newBuilder(uri).timeout(timeout).GET()).build();
			HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), what);
			JsonNode body = parse(response.body(), response.statusCode(), what);
			int code = body.path("code").asInt(response.statusCode());
			if (code == 300) {
				JsonNode data = body.path("data");
				String host = data.path("HostName").asText("");
				int port = data.path("Port").asInt(-1);
				if (host.isEmpty() || port <= 0) {
					throw new StorageException(Kind.PERMANENT, what + ": malformed client redirect from " + uri.getHost());
				}
				if (redirects >= MAX_REDIRECTS) {
					throw new StorageException(Kind.PERMANENT, what + ": more than " + MAX_REDIRECTS + " client redirects");
				}
				URI next;
				try {
					next = new URI(endpoint.getScheme(), null, host, port, endpoint.getPath(), null, null);
				} catch (java.net.URISyntaxException e) {
					throw new StorageException(Kind.PERMANENT, what + ": malformed client redirect to " + host, e);
				}
				checkAllowed(next, what);
				base = next;
				continue;
			}
			if (code != 200 || response.statusCode() != 200) {
				throw failure(code != 200 ? code : response.statusCode(), body.path("message").asText(""), what);
			}
			return body;
		}
	}

	/**
	 * @param <T>     body type
	 * @param request the request
	 * @param handler body handler
	 * @param what    the file
	 * @return the response
	 * @throws StorageException {@code TRANSIENT} on I/O failures, {@code CANCELED} when interrupted
	 */
	<T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what)
			throws StorageException {
		try {
			return http.send(request, handler);
		} catch (IOException e) {
			throw new StorageException(Kind.TRANSIENT, what + ": connection to " + request.uri().getHost() + ":"
					+ request.uri().getPort() + " failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StorageException(Kind.CANCELED, what + ": interrupted");
		}
	}

	/**
	 * @param bytes  a body
	 * @param status the HTTP status
	 * @param what   the file
	 * @return the JSON
	 * @throws StorageException when it is not JSON
	 */
	static JsonNode parse(byte[] bytes, int status, String what) throws StorageException {
		try {
			JsonNode n = JSON.readTree(bytes);
			if (n == null || !n.isObject()) {
				throw new JsonProcessingException("not an object") {
					private static final long serialVersionUID = 1L;
				};
			}
			return n;
		} catch (IOException e) {
			throw failure(status == 200 ? 502 : status, "answer is not the resource service's JSON", what);
		}
	}

	/**
	 * @param in     a body stream
	 * @param status the HTTP status
	 * @param what   the file
	 * @return the failure it describes
	 */
	static StorageException failure(InputStream in, int status, String what) {
		try (in) {
			JsonNode n = JSON.readTree(in.readNBytes(64 * 1024));
			return failure(n == null ? status : n.path("code").asInt(status), n == null ? "" : n.path("message").asText(""),
					what);
		} catch (IOException e) {
			return failure(status, "", what);
		}
	}

	/**
	 * @param code    the JSON code or HTTP status
	 * @param message the server's message (never contains a secret)
	 * @param what    the file
	 * @return the exception of the right kind
	 */
	static StorageException failure(int code, String message, String what) {
		Kind kind;
		if (code == 401 || code == 403) {
			kind = Kind.UNAUTHORIZED;
		} else if (code == 404) {
			kind = Kind.NOT_FOUND;
		} else if (code == 409) {
			kind = Kind.BUSY;
		} else if (code == 422) {
			kind = Kind.INTEGRITY;
		} else if (code == 408 || code == 416 || code == 429 || code >= 500) {
			kind = Kind.TRANSIENT;
		} else {
			kind = Kind.PERMANENT;
		}
		return new StorageException(kind, what + ": " + (message.isEmpty() ? "failed" : message) + " (code " + code + ")");
	}

	/** @param params alternating names and values @return an ordered map */
	static Map<String, String> params(String... params) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < params.length; i += 2) {
			m.put(params[i], params[i + 1]);
		}
		return m;
	}
}
