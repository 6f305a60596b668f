/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.oss;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.StoreException;
import io.tiepoint.hub.internal.store.gateway.GatewayStore;
import io.tiepoint.hub.internal.store.gateway.Multiparts;

/**
 * The hub's OSS gateway: an endpoint on the hub's HTTP server that speaks the OSS object protocol uploaders use
 * (PutObject, HeadObject, GetObject, the multipart upload's requests) for the gateway's buckets, path-style
 * ({@code http://HOST:PORT/BUCKET/KEY}) or virtual-hosted ({@code Host: BUCKET.HOST}), and stores into the hub's
 * database. It checks what OSS checks ({@link GatewayAuth}, the STS's policy, Content-MD5) and answers with OSS's
 * error codes, statuses and XML; a refused request stores nothing. It issues the STS the hub's OSS cloud hands
 * out ({@link #issue(Policy, Duration)}); long-lived AccessKeys (settings) are for the direct flow and never handed to
 * clients.
 * <p>
 * Settings (the hub's {@code cloud.oss.*}): {@code bucket} (default {@code tiepoint}), {@code region} (default
 * {@code cn-hangzhou}, the SDKs' own), {@code gateway.access.key} and {@code gateway.secret.key} (optional).
 */
public final class OssGateway extends Handler.Abstract {

	/** The default bucket. */
	public static final String DEFAULT_BUCKET = "tiepoint";
	/** The default region. */
	public static final String DEFAULT_REGION = "cn-hangzhou";
	private static final HubLog LOG = HubLog.of(OssGateway.class);
	private static final long DRAIN = 64L << 20;
	private final List<String> buckets;
	private final String region;
	private final StsTokens sts;
	private final GatewayAuth auth;
	private final GatewayStore store;
	private final GatewayOps ops;
	private final Supplier<URI> publicUrl;

	/**
	 * @param settings  the hub's {@code cloud.oss.*} settings, without the prefix
	 * @param db        the hub's database
	 * @param secret    a server-only secret the STS key is derived from
	 * @param maxBytes  the largest object or part taken
	 * @param publicUrl the hub's public base URL (the endpoint handed out)
	 * @throws IllegalArgumentException naming a bad setting
	 */
	public OssGateway(Map<String, String> settings, Database db, String secret, long maxBytes, Supplier<URI> publicUrl) {
		String bucket = settings.getOrDefault("bucket", DEFAULT_BUCKET);
		if (!bucket.matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]") || bucket.equals("graphql")) {
			throw new IllegalArgumentException("cloud.oss.bucket '" + bucket + "' is not an OSS bucket name (3-63 lower-case"
					+ " letters, digits and hyphens, not graphql)");
		}
		this.buckets = List.of(bucket);
		this.region = settings.getOrDefault("region", DEFAULT_REGION);
		Map<String, String> keys = new HashMap<>();
		String ak = settings.get("gateway.access.key");
		String sk = settings.get("gateway.secret.key");
		if ((ak == null) != (sk == null)) {
			throw new IllegalArgumentException("cloud.oss.gateway.access.key and cloud.oss.gateway.secret.key go together");
		}
		if (ak != null) {
			keys.put(ak, sk);
		}
		this.sts = new StsTokens(derive(secret, "oss-gateway-sts"));
		this.auth = new GatewayAuth(sts, keys, region);
		this.store = new GatewayStore(db);
		this.ops = new GatewayOps(store, new Multiparts(db, store), maxBytes);
		this.publicUrl = publicUrl;
	}

	/** @return the buckets it serves, the first the default */
	public List<String> buckets() {
		return buckets;
	}

	/** @return the region V4 requests are signed for */
	public String region() {
		return region;
	}

	/** @return the endpoint clients reach it at: the hub's public URL, without a trailing '/' */
	public String endpoint() {
		String u = publicUrl.get().toString();
		return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
	}

	/** @return its objects */
	public GatewayStore store() {
		return store;
	}

	/**
	 * @param policy   what the STS may do (the gateway enforces it)
	 * @param validity how long it lasts
	 * @return a new STS
	 */
	public StsTokens.Credential issue(Policy policy, Duration validity) {
		return sts.issue(policy, validity);
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		OssRequest r = OssRequest.of(request, Set.copyOf(buckets));
		if (r == null) {
			return false;
		}
		OssReplies.common(response);
		boolean head = r.method().equals("HEAD");
		try {
			Policy policy = auth.check(r);
			if (policy != null && !policy.allows(r.action(), r.bucket(), r.key())) {
				throw OssError.denied("You have no right to access this object because of the security token's policy ("
						+ r.action() + " on " + r.bucket() + "/" + r.key() + ").");
			}
			ops.run(r, request, response, callback);
		} catch (OssError e) {
			if (e.status() < 500) {
				LOG.info("OSS gateway refused " + r.describe() + ": " + e.code());
			}
			drain(request);
			OssReplies.error(response, callback, head, e, request.getHttpURI().getHost());
		} catch (StoreException | IOException | IllegalStateException e) {
			LOG.warn("OSS gateway: " + r.describe() + " failed", e);
			OssReplies.error(response, callback, head, new OssError(503, "ServiceUnavailable", "Please reduce your request"
					+ " rate or try again."), request.getHttpURI().getHost());
		}
		return true;
	}

	/** Reads what is left of a refused request's body (up to 64 MiB), so the client reads the answer, not a reset. */
	private static void drain(Request request) {
		try (InputStream in = Content.Source.asInputStream(request)) {
			long left = DRAIN;
			byte[] buf = new byte[64 * 1024];
			for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0;) {
				left -= n;
			}
		} catch (IOException | RuntimeException e) {
			// the client went away
		}
	}

	private static byte[] derive(String secret, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
