/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.storage.s3.internal.S3Config;
import io.tiepoint.storage.s3.internal.S3DirectSession;
import io.tiepoint.storage.s3.internal.S3PresignedSession;

/**
 * Amazon S3 and S3-compatible stores (MinIO, S3Proxy...), contributed as provider {@code s3}.
 * <p>
 * Two flows:
 * <ul>
 * <li><b>platform</b>: a target without credentials; the session only has
 * {@link io.tiepoint.core.storage.SinglePut}, which PUTs each object to the presigned URL the
 * platform handed out ({@link io.tiepoint.core.storage.StorageObject#url()}) with the object's
 * Content-Type;</li>
 * <li><b>direct</b>: the user's endpoint (AWS when null), bucket, prefix and credentials (secrets
 * {@code accessKey}, {@code secretKey}, optional {@code sessionToken}; options {@code region} (default
 * {@code us-east-1}), {@code multipart.threshold} (default 16 MiB), {@code multipart.partSize}
 * (default 8 MiB, at least 5 MiB: S3 refuses smaller parts but the last); sizes in bytes or with a suffix {@code k}, {@code m}, {@code g}
 * (binary)). The
 * session has SinglePut, MultipartPut, ExistsByChecksum and RangedDownload; objects carry their SHA-1
 * as user metadata {@code x-amz-meta-sha1} (and {@code x-amz-meta-md5} when known).</li>
 * </ul>
 * No AWS SDK type appears outside the internal package.
 */
public final class S3StorageProvider implements StorageProvider {

	/** The provider id. */
	public static final String ID = "s3";

	/** Creates the provider (the extension registry does). */
	public S3StorageProvider() {
	}

	@Override
	public StorageSession open(StorageTarget target) throws StorageException {
		if (target == null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "S3: no target given");
		}
		S3Config config = S3Config.of(target);
		return config.direct() ? new S3DirectSession(config) : new S3PresignedSession(config);
	}

	/**
	 * Your own bucket as a direct destination: {@code s3://BUCKET/PREFIX}; the endpoint (empty: AWS), region,
	 * credentials and multipart threshold come from the settings {@code s3.endpoint}, {@code s3.region},
	 * {@code s3.access.key}, {@code s3.secret.key}, {@code s3.session.token}, {@code s3.multipart.threshold}
	 * ({@code TIEPOINT_S3_ENDPOINT}...).
	 */
	@Override
	public StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		String bucket = destination.getRawAuthority();
		if (!"s3".equalsIgnoreCase(destination.getScheme()) || bucket == null || bucket.isBlank()) {
			throw new StorageException(StorageException.Kind.PERMANENT, "an S3 destination is s3://BUCKET/PREFIX");
		}
		if (destination.getRawUserInfo() != null || bucket.contains("@") || destination.getRawQuery() != null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "the destination must carry neither user"
					+ " information nor a query: the keys belong in the settings s3.access.key and s3.secret.key");
		}
		String access = settings.get("s3.access.key").orElse(null);
		String secret = settings.get("s3.secret.key").orElse(null);
		if (access == null || secret == null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "the setting " + (access == null ? "s3.access.key"
					: "s3.secret.key") + " is not set: put the bucket's credentials in the settings file or the environment"
					+ " variables TIEPOINT_S3_ACCESS_KEY and TIEPOINT_S3_SECRET_KEY");
		}
		URI endpoint;
		try {
			endpoint = settings.get("s3.endpoint").map(URI::create).orElse(null);
		} catch (IllegalArgumentException e) {
			throw new StorageException(StorageException.Kind.PERMANENT, "the setting s3.endpoint is not a URL");
		}
		Map<String, String> options = new HashMap<>();
		settings.get("s3.region").ifPresent(v -> options.put(S3Config.REGION, v));
		settings.get("s3.multipart.threshold").ifPresent(v -> options.put(S3Config.THRESHOLD, v));
		Map<String, String> secrets = new HashMap<>();
		secrets.put("accessKey", access);
		secrets.put("secretKey", secret);
		settings.get("s3.session.token").ifPresent(v -> secrets.put("sessionToken", v));
		String prefix = destination.getPath() == null ? "" : destination.getPath().replaceAll("^/+", "");
		return new StorageTarget(endpoint, bucket, prefix, options, secrets);
	}
}
