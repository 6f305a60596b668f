/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.SignVersion;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;

/**
 * The session's SDK clients: one per endpoint, kept for the whole session, so that its connections serve every
 * image (the seeds: a client per image exhausts the sockets). In the platform flow its credentials are the newest
 * STS it was offered: a renewed STS switches the client's credentials, it does not make a new client (requests are
 * signed when they are sent, each with the credentials of that moment). In the direct flow, the user's AccessKey.
 */
final class OssClients implements AutoCloseable {

	/** A grant's fields, as the platform names them ({@code sts { id secret token bucket endpoint expire }}). */
	static final String ID = "sts.id";
	static final String SECRET = "sts.secret";
	static final String TOKEN = "sts.token";
	static final String BUCKET = "sts.bucket";
	static final String ENDPOINT = "sts.endpoint";
	static final String EXPIRE = "sts.expire";

	/** One endpoint's client and the grant whose credentials it signs with (null in the direct flow). */
	static final class Client implements CredentialsProvider {
		final OSS oss;
		private volatile Credentials credentials;
		private volatile Map<String, String> grant;
		private volatile Instant expires = Instant.MIN;

		private Client(OssConfig config, URI endpoint, Credentials credentials, Map<String, String> grant) {
			this.credentials = credentials;
			this.grant = grant;
			this.expires = grant == null ? Instant.MAX : expiry(grant);
			ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
			conf.setMaxErrorRetry(0); // the engine retries, resuming from what the store holds
			conf.setSocketTimeout((int) Math.min(Integer.MAX_VALUE, config.stall().toMillis()));
			conf.setConnectionTimeout(30_000);
			conf.setSignatureVersion(config.v4() ? SignVersion.V4 : SignVersion.V1);
			OSSClientBuilder.OSSClientBuilderImpl b = OSSClientBuilder.create().endpoint(endpoint.toString())
					.credentialsProvider(this).clientConfiguration(conf);
			if (config.v4()) {
				b.region(config.regionOf(endpoint));
			}
			this.oss = b.build();
		}

		@Override
		public void setCredentials(Credentials creds) {
			this.credentials = creds;
		}

		@Override
		public Credentials getCredentials() {
			return credentials;
		}

		/** @return the grant the client signs with now (platform flow), or null */
		Map<String, String> grant() {
			return grant;
		}

		/** Switches to a grant that expires later than the one in use. */
		synchronized void offer(Map<String, String> fresh) {
			Instant e = expiry(fresh);
			if (grant == null || e.isAfter(expires) || (e.equals(expires) && !fresh.equals(grant))) {
				credentials = new DefaultCredentials(fresh.get(ID), fresh.get(SECRET), fresh.get(TOKEN));
				grant = Map.copyOf(fresh);
				expires = e;
			}
		}
	}

	private final OssConfig config;
	private final Map<URI, Client> clients = new ConcurrentHashMap<>();

	OssClients(OssConfig config) {
		this.config = config;
	}

	/**
	 * @param object what is sent or looked up
	 * @return the client for its destination: the grant's endpoint (offered the grant) or the configured one
	 * @throws StorageException {@code PERMANENT} when a platform object carries no usable grant
	 */
	Client client(StorageObject object) throws StorageException {
		if (config.direct()) {
			return clients.computeIfAbsent(config.endpoint(), e -> new Client(config, e, new DefaultCredentials(
					config.accessKey(), config.secretKey(), config.securityToken()), null));
		}
		Map<String, String> grant = object.grant();
		for (String f : new String[] { ID, SECRET, TOKEN, BUCKET, ENDPOINT }) {
			if (grant.get(f) == null || grant.get(f).isBlank()) {
				throw OssConfig.permanent("OSS upload of " + object.name() + ": the platform's grant has no " + f);
			}
		}
		Client c = clients.computeIfAbsent(OssConfig.endpoint(grant.get(ENDPOINT)), e -> new Client(config, e,
				new DefaultCredentials(grant.get(ID), grant.get(SECRET), grant.get(TOKEN)), grant));
		c.offer(grant);
		return c;
	}

	/** @param object an object @return its bucket: the grant's, or the configured one */
	String bucket(StorageObject object) {
		return config.direct() ? config.bucket() : object.grant().get(BUCKET);
	}

	/** @param object an object @return its key in the bucket */
	String key(StorageObject object) {
		return config.fullKey(object.key());
	}

	/** @return whether requests run with grants the platform renews */
	boolean platform() {
		return !config.direct();
	}

	OssConfig config() {
		return config;
	}

	static Instant expiry(Map<String, String> grant) {
		String v = grant.get(EXPIRE);
		try {
			return v == null ? Instant.MAX : v.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(v)) : Instant.parse(v);
		} catch (DateTimeParseException e) {
			return Instant.MAX;
		}
	}

	@Override
	public void close() {
		clients.values().forEach(c -> c.oss.shutdown());
		clients.clear();
	}
}
