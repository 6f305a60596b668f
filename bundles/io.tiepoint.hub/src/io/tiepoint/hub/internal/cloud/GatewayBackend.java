/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.tiepoint.hub.internal.oss.OssGateway;
import io.tiepoint.hub.internal.oss.Policy;
import io.tiepoint.hub.internal.oss.StsTokens;
import io.tiepoint.hub.internal.store.StoreException;
import io.tiepoint.hub.internal.store.gateway.StoredObject;

/** The OSS cloud on the hub's own gateway: it mints the STS and reads what was stored, in the hub's database. */
final class GatewayBackend implements OssCloud.Backend {

	private final OssGateway gateway;
	private final Duration validity;

	GatewayBackend(OssGateway gateway, Duration validity) {
		this.gateway = gateway;
		this.validity = validity;
	}

	@Override
	public List<String> buckets() {
		return gateway.buckets();
	}

	@Override
	public OssCloud.Sts mint(String projectId, String bucket) {
		StsTokens.Credential c = gateway.issue(Policy.parse(Policy.writeOnly(bucket, projectId + "/")), validity);
		return new OssCloud.Sts(c.accessKeyId(), c.secret(), c.token(), bucket, gateway.endpoint(), c.expires());
	}

	@Override
	public OptionalLong stored(String bucket, String key) throws IOException {
		try {
			return gateway.store().head(bucket, key).map(o -> OptionalLong.of(o.size())).orElse(OptionalLong.empty());
		} catch (StoreException e) {
			throw new IOException("the OSS gateway's store: " + e.getMessage(), e);
		}
	}

	@Override
	public InputStream open(String bucket, String key) throws IOException {
		try {
			StoredObject o = gateway.store().head(bucket, key).orElseThrow(() -> new IOException("no object "
					+ bucket + "/" + key + " in the OSS gateway"));
			return gateway.store().open(o, 0, o.size());
		} catch (StoreException e) {
			throw new IOException("the OSS gateway's store: " + e.getMessage(), e);
		}
	}

	@Override
	public void delete(String bucket, String key) throws IOException {
		try {
			gateway.store().delete(bucket, key);
		} catch (StoreException e) {
			throw new IOException("the OSS gateway's store: " + e.getMessage(), e);
		}
	}
}
