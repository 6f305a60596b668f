/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.platform.PlatformClient;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.UploadRequest;

/**
 * A hub with its OSS gateway on loopback (bucket {@code tiepoint}, region cn-hangzhou), a long-lived AccessKey the
 * gateway accepts (for the direct flow and for reading back), STS of a chosen validity, and the official SDK's
 * clients against it.
 */
final class GatewayFixture implements AutoCloseable {

	static final String BUCKET = "tiepoint";
	static final String ACCESS = "LTAItiepointtest";
	static final String SECRET = "long-lived-secret-of-the-test";
	static final String PAYLOAD = "sts { id secret token bucket endpoint expire }";
	final Hub hub;
	final PlatformClient platform;

	GatewayFixture(Path dir, int stsSeconds) throws IOException {
		hub = Hub.start(HubConfig.builder(dir).cloudSetting("oss", "sts.validity", String.valueOf(stsSeconds))
				.cloudSetting("oss", "gateway.access.key", ACCESS).cloudSetting("oss", "gateway.secret.key", SECRET).build());
		platform = new PlatformClient(hub.uri(), hub.appKey(), hub.userToken());
	}

	/** @return the endpoint, as the STS names it */
	String endpoint() {
		String u = hub.uri().toString();
		return u.substring(0, u.length() - 1);
	}

	/** @return a fresh STS for the project, as the official clients refresh it */
	Map<String, String> sts(String pid) throws PlatformException {
		return platform.refreshGrant(new UploadRequest("uploadImageOSS", "BucketOSS", pid, BUCKET, "random-name.jpg", null,
				null, PAYLOAD));
	}

	static OSS client(String endpoint, String id, String secret, String token, SignVersion v, long tickOffset) {
		ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
		conf.setMaxErrorRetry(0);
		conf.setSignatureVersion(v);
		if (tickOffset != 0) {
			conf.setTickOffset(System.currentTimeMillis() + tickOffset); // the SDK takes the clock it should have
		}
		OSSClientBuilder.OSSClientBuilderImpl b = OSSClientBuilder.create().endpoint(endpoint)
				.credentialsProvider(token == null ? new DefaultCredentialProvider(id, secret)
						: new DefaultCredentialProvider(id, secret, token))
				.clientConfiguration(conf);
		if (v == SignVersion.V4) {
			b.region("cn-hangzhou");
		}
		return b.build();
	}

	OSS stsClient(Map<String, String> sts, SignVersion v) {
		return client(sts.get("sts.endpoint"), sts.get("sts.id"), sts.get("sts.secret"), sts.get("sts.token"), v, 0);
	}

	OSS owner(SignVersion v) {
		return client(endpoint(), ACCESS, SECRET, null, v, 0);
	}

	@Override
	public void close() {
		platform.close();
		hub.close();
	}
}
