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

/**
 * A part of a multipart upload as stored ({@code oss.parts}): a file of its own.
 *
 * @param number   its part number (1 to 10000)
 * @param etag     its ETag (without quotes)
 * @param size     its length in bytes
 * @param crc      its CRC64
 * @param file     the file holding its bytes
 * @param modified when it was stored
 */
public record UploadedPart(int number, String etag, long size, long crc, ChunkedFile file, Instant modified) {
}
