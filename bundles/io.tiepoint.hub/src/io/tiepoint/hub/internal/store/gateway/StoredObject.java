/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An object of the OSS gateway as stored ({@code oss.objects}, one document per {@code BUCKET/KEY}).
 *
 * @param bucket      its bucket
 * @param key         its key
 * @param size        its length in bytes
 * @param etag        its ETag (without quotes)
 * @param crc         its CRC64
 * @param contentType its Content-Type
 * @param meta        its user metadata
 * @param files       the ids of the files that hold its bytes, in order
 * @param sizes       their lengths, in the same order
 * @param modified    when it was stored
 * @param multipart   whether it was assembled from a multipart upload's parts
 */
public record StoredObject(String bucket, String key, long size, String etag, long crc, String contentType,
		Map<String, String> meta, List<String> files, List<Long> sizes, Instant modified, boolean multipart) {
}
