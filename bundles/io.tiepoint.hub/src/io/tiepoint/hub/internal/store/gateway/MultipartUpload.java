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

import java.util.Map;

/**
 * A multipart upload of the OSS gateway as stored ({@code oss.uploads}): what the object completed from it will be.
 *
 * @param id          its upload id
 * @param bucket      the object's bucket
 * @param key         the object's key
 * @param contentType the object's Content-Type
 * @param meta        the object's user metadata
 */
public record MultipartUpload(String id, String bucket, String key, String contentType, Map<String, String> meta) {
}
