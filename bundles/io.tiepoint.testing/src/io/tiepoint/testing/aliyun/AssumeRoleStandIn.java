/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Aliyun STS's {@code AssumeRole} (API version 2015-04-01) on loopback, checking what the real service
 * checks of an RPC request: the common parameters ({@code Format}, {@code Version}, {@code AccessKeyId},
 * {@code SignatureMethod=HMAC-SHA1}, {@code SignatureVersion=1.0}, {@code SignatureNonce} used once,
 * {@code Timestamp} in UTC within 15 minutes), the signature ({@code Base64(HMAC-SHA1(secret + "&",
 * METHOD + "&" + enc("/") + "&" + enc(sorted, encoded query)))} over the query and form parameters alike, with
 * {@code %20}, {@code %2A} and a bare {@code ~}), a known AccessKey, and AssumeRole's own parameters
 * ({@code RoleArn} of the form {@code acs:ram::UID:role/NAME}, {@code RoleSessionName} of 2 to 64 of
 * {@code [\w.@-]}, {@code DurationSeconds} 900 to 3600, a JSON {@code Policy}). It answers as STS does (JSON, or
 * XML for {@code Format=XML}) with credentials from its {@link Issuer}, which mints them for the policy asked for, and
 * with STS's error codes otherwise. Every call is recorded.
 */
public final class AssumeRoleStandIn implements AutoCloseable {

	/** Mints the temporary credentials the store will accept for a policy. */
	public interface Issuer {
		/**
		 * @param policy   the inline policy the caller asked for (JSON)
		 * @param duration how long the credentials last
		 * @return them
		 * @throws IllegalArgumentException when the policy is not one the store understands
		 */
		Credentials issue(String policy, Duration duration);
	}

	/** Temporary credentials. */
	public record Credentials(String accessKeyId, String accessKeySecret, String securityToken, Instant expiration) {
		@Override
		public String toString() {
			return "Credentials[" + accessKeyId + ", expires " + expiration + "]";
		}
	}

	/** One request as the stand-in saw it: its parameters (no signature) and the error code answered, or null. */
	public record Call(Map<String, String> parameters, String error) {
		/** @param name a parameter @return its value, or null */
		public String get(String name) {
			return parameters.get(name);
		}
	}

	private static final Set<String> COMMON = Set.of("Format", "Version", "AccessKeyId", "SignatureMethod", "Timestamp",
			"SignatureVersion", "SignatureNonce", "Action");
	private final HttpServer server;
	private final ExecutorService pool = Executors.newFixedThreadPool(4);
	private final Map<String, String> keys;
	private final Issuer issuer;
	private final Set<String> nonces = ConcurrentHashMap.newKeySet();
	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private AssumeRoleStandIn(Map<String, String> keys, Issuer issuer) throws IOException {
		this.keys = Map.copyOf(keys);
		this.issuer = issuer;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(pool);
		server.start();
	}

	/**
	 * @param keys   AccessKeyId to AccessKeySecret of the RAM users allowed to assume roles
	 * @param issuer mints the credentials
	 * @return a running stand-in
	 * @throws IOException when it cannot listen
	 */
	public static AssumeRoleStandIn start(Map<String, String> keys, Issuer issuer) throws IOException {
		return new AssumeRoleStandIn(keys, issuer);
	}

	/** @return {@code http://127.0.0.1:PORT}, the STS endpoint */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/** @return every request so far */
	public List<Call> calls() {
		return List.copyOf(calls);
	}

	private void handle(HttpExchange x) throws IOException {
		Map<String, String> params = new TreeMap<>();
		String signature = null;
		try (InputStream in = x.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String query = x.getRequestURI().getRawQuery();
			for (String part : ((query == null ? "" : query) + "&" + body).split("&")) {
				if (!part.isEmpty()) {
					int eq = part.indexOf('=');
					String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
					String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
					if (k.equals("Signature")) {
						signature = v;
					} else {
						params.put(k, v);
					}
				}
			}
		}
		boolean xml = "XML".equalsIgnoreCase(params.get("Format"));
		try {
			Credentials c = assume(x.getRequestMethod(), params, signature);
			calls.add(new Call(Map.copyOf(params), null));
			String id = "stand-in-" + calls.size();
			Map<String, Object> creds = Map.of("AccessKeyId", c.accessKeyId(), "AccessKeySecret", c.accessKeySecret(),
					"SecurityToken", c.securityToken(), "Expiration", c.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
			Map<String, Object> user = Map.of("Arn", params.get("RoleArn").replace(":role/", ":assumed-role/") + "/"
					+ params.get("RoleSessionName"), "AssumedRoleId", "300000000000000000:" + params.get("RoleSessionName"));
			answer(x, 200, xml, Map.of("RequestId", id, "Credentials", creds, "AssumedRoleUser", user));
		} catch (Refused e) {
			calls.add(new Call(Map.copyOf(params), e.code));
			answer(x, e.status, xml, Map.of("RequestId", "stand-in-" + calls.size(), "HostId", "sts.aliyuncs.com", "Code",
					e.code, "Message", e.getMessage()));
		}
	}

	private Credentials assume(String method, Map<String, String> p, String signature) throws Refused {
		for (String k : COMMON) {
			if (p.get(k) == null || p.get(k).isEmpty()) {
				throw new Refused(400, "MissingParameter", "The input parameter \"" + k + "\" that is mandatory for processing"
						+ " this request is not supplied.");
			}
		}
		if (signature == null) {
			throw new Refused(400, "MissingSignature", "The input parameter \"Signature\" that is mandatory for processing"
					+ " this request is not supplied.");
		}
		if (!p.get("SignatureMethod").equals("HMAC-SHA1") || !p.get("SignatureVersion").equals("1.0")) {
			throw new Refused(400, "InvalidParameter", "SignatureMethod HMAC-SHA1 and SignatureVersion 1.0 are supported");
		}
		String secret = keys.get(p.get("AccessKeyId"));
		if (secret == null) {
			throw new Refused(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
		}
		Instant ts;
		try {
			ts = Instant.parse(p.get("Timestamp"));
		} catch (RuntimeException e) {
			throw new Refused(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
		}
		if (Duration.between(ts, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
			throw new Refused(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
		}
		String expected = RpcSignature.sign(method, p, secret);
		if (!expected.equals(signature)) {
			throw new Refused(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
		}
		if (!nonces.add(p.get("SignatureNonce"))) {
			throw new Refused(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
		}
		if (!p.get("Version").equals("2015-04-01") || !p.get("Action").equals("AssumeRole")) {
			throw new Refused(400, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
		}
		return AssumeRoleChecks.credentials(p, issuer);
	}

	private static void answer(HttpExchange x, int status, boolean xml, Map<String, Object> body) throws IOException {
		byte[] bytes = xml ? AssumeRoleChecks.xml(body).getBytes(StandardCharsets.UTF_8)
				: new ObjectMapper().writeValueAsBytes(body);
		x.getResponseHeaders().set("Content-Type", xml ? "text/xml;charset=utf-8" : "application/json;charset=utf-8");
		x.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = x.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		pool.shutdownNow();
	}

	/** A refusal with STS's status and code. */
	static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;
		final int status;
		final String code;

		Refused(int status, String code, String message) {
			super(message);
			this.status = status;
			this.code = code;
		}
	}
}
