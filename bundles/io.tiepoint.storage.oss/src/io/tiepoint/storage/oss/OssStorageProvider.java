/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.storage.oss.internal.OssConfig;
import io.tiepoint.storage.oss.internal.OssSession;

/**
 * Aliyun OSS on the official SDK ({@code com.aliyun.oss:aliyun-sdk-oss}), contributed as provider {@code oss}.
 * <ul>
 * <li><b>platform</b> ({@code --cloud oss}): each object carries the STS the hub handed out
 * ({@code sts.id}, {@code sts.secret}, {@code sts.token}, {@code sts.bucket}, {@code sts.endpoint},
 * {@code sts.expire}), shared by the project's images and renewed by the engine; the object goes to
 * {@code ${pid}/${image.filename}} of the STS's bucket;</li>
 * <li><b>direct</b> ({@code --to oss://BUCKET/PREFIX}): the user's AccessKey or STS from the settings.</li>
 * </ul>
 * Both sign with V4 ({@code OSS4-HMAC-SHA256}) by default or V1 ({@code oss.signature=v1}). No SDK type appears
 * outside the internal package.
 */
public final class OssStorageProvider implements StorageProvider {

	/** The provider id. */
	public static final String ID = "oss";

	/** Creates the provider (the extension registry does). */
	public OssStorageProvider() {
	}

	@Override
	public StorageSession open(StorageTarget target) throws StorageException {
		if (target == null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "OSS: no target given");
		}
		return new OssSession(OssConfig.of(target));
	}

	/**
	 * Your own bucket: {@code oss://BUCKET/PREFIX}; the endpoint (default {@code https://oss-cn-hangzhou.aliyuncs.com}),
	 * region, signature version, credentials and multipart threshold come from the settings {@code oss.endpoint},
	 * {@code oss.region}, {@code oss.signature}, {@code oss.access.key}, {@code oss.secret.key},
	 * {@code oss.security.token}, {@code oss.multipart.threshold} ({@code TIEPOINT_OSS_ACCESS_KEY}...).
	 */
	@Override
	public StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		String bucket = destination.getRawAuthority();
		if (!ID.equalsIgnoreCase(destination.getScheme()) || bucket == null || bucket.isBlank()) {
			throw new StorageException(StorageException.Kind.PERMANENT, "an OSS destination is oss://BUCKET/PREFIX");
		}
		if (destination.getRawUserInfo() != null || bucket.contains("@") || destination.getRawQuery() != null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "the destination must carry neither user"
					+ " information nor a query: the keys belong in the settings oss.access.key and oss.secret.key");
		}
		if (!bucket.matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")) {
			throw new StorageException(StorageException.Kind.PERMANENT, "'" + bucket + "' is not an OSS bucket name (3-63"
					+ " lower-case letters, digits and hyphens, neither first nor last a hyphen)");
		}
		String access = settings.get("oss.access.key").orElse(null);
		String secret = settings.get("oss.secret.key").orElse(null);
		if (access == null || secret == null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "the setting " + (access == null ? "oss.access.key"
					: "oss.secret.key") + " is not set: put the bucket's AccessKey in the settings file or the environment"
					+ " variables TIEPOINT_OSS_ACCESS_KEY and TIEPOINT_OSS_SECRET_KEY");
		}
		Map<String, String> options = new HashMap<>();
		for (String key : new String[] { OssConfig.REGION, OssConfig.SIGNATURE, OssConfig.THRESHOLD }) {
			settings.get(key).ifPresent(v -> options.put(key, v));
		}
		Map<String, String> secrets = new HashMap<>();
		secrets.put("accessKey", access);
		secrets.put("secretKey", secret);
		settings.get("oss.security.token").ifPresent(v -> secrets.put("securityToken", v));
		URI endpoint = OssConfig.endpoint(settings.get(OssConfig.ENDPOINT).orElse(OssConfig.DEFAULT_ENDPOINT.toString()));
		String prefix = destination.getPath() == null ? "" : destination.getPath().replaceAll("^/+", "");
		StorageTarget target = new StorageTarget(endpoint, bucket, prefix, options, secrets);
		OssConfig.of(target); // refuses bad settings now, naming them
		return target;
	}
}
