/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.server;

import java.io.IOException;
import java.io.InputStream;

import io.tiepoint.hub.HubDiagnostics;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.images.Verifier;
import io.tiepoint.hub.internal.resource.Uploads;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.files.ChunkStore;

/** The hub's {@link HubDiagnostics}, over its parts. */
final class Diagnostics implements HubDiagnostics {

	static {
		if (ChunkStore.CHUNK_SIZE != RESOURCE_CHUNK_SIZE) {
			throw new IllegalStateException("HubDiagnostics.RESOURCE_CHUNK_SIZE is not the resource service's chunk size");
		}
	}

	private final Database db;
	private final Uploads uploads;
	private final GridFsUploads gridFsUploads;
	private final Verifier verifier;

	Diagnostics(Database db, Uploads uploads, GridFsUploads gridFsUploads, Verifier verifier) {
		this.db = db;
		this.uploads = uploads;
		this.gridFsUploads = gridFsUploads;
		this.verifier = verifier;
	}

	@Override
	public long resourceBytesReceived() {
		return uploads.received();
	}

	@Override
	public long storedFiles(String md5) {
		return db.storedFiles(md5);
	}

	@Override
	public long[] verificationStats() {
		return verifier.stats();
	}

	@Override
	public void storeUpload(String uploadId, InputStream bytes) throws IOException {
		gridFsUploads.completed(uploadId, db.storeFile(uploadId, bytes));
	}
}
