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
 * (default 8 MiB, at least 5 MiB: S3 refuses smaller parts but the last); sizes in bytes or with a suffix {@code k}, {@code m}, {@code g} (binary)). The
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
}
