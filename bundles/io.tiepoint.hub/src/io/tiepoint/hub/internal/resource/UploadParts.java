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

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * What the pieces of the upload side share.
 *
 * @param uploads the upload documents
 * @param store   the chunks and files
 * @param slots   the uploads' in-memory state and locks
 * @param quota   the users' unfinished uploads
 */
record UploadParts(MongoCollection<Document> uploads, ChunkStore store, UploadSlots slots, UploadQuota quota) {
}
