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
 * The answer of GetUploadState.
 *
 * @param allow        0 (being uploaded), 1 (may upload), 2 (complete)
 * @param fileLength   the declared length, 0 when not known yet
 * @param fileId       the FileID when complete, else ""
 * @param uid          the upload id to put in the UUrl when {@code allow == 1}, else null
 * @param uploadLength bytes the server holds
 */
record UploadState(int allow, long fileLength, String fileId, String uid, long uploadLength) {
}
