/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

/**
 * What a destination holds.
 *
 * @param key  the key (or file id)
 * @param size its length in bytes
 * @param sha1 its SHA-1 as the destination records it, or null when unknown
 * @param md5  its MD5, or null when unknown
 */
public record StoredObject(String key, long size, String sha1, String md5) {
}
