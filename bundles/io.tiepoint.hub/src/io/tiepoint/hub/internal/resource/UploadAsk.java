/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

/**
 * A GetUploadState call.
 *
 * @param user      the caller
 * @param md5       32 lower-case hex digits
 * @param filename  the file name (checked), or null (progress query)
 * @param directory the directory (checked)
 * @param uid       an upload id: of an image the platform registered, or of an earlier answer
 *                  (claims the lease); or null
 * @param length    the length the caller declares, or -1
 * @param fileInfo  the file's description (checked), or null
 */
record UploadAsk(String user, String md5, String filename, String directory, String uid, long length,
		String fileInfo) {
}
