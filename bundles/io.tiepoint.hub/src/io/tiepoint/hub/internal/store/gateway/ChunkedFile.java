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

/**
 * A file of the OSS gateway as written ({@link Chunks#write}): its id (24 hex digits), its length, its MD5 and its
 * CRC64 (OSS's ECMA-182 checksum). A file read back from a part's document has no MD5 ({@code null}) and CRC 0.
 *
 * @param id   the file's id
 * @param size its length in bytes
 * @param md5  the MD5 of its bytes, or null when not known
 * @param crc  the CRC64 of its bytes
 */
public record ChunkedFile(String id, long size, byte[] md5, long crc) {
}
