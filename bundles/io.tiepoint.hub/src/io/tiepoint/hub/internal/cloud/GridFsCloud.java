/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.MongoException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSFile;

import io.tiepoint.hub.internal.resource.ChunkStore;
import io.tiepoint.hub.internal.store.Database;

/**
 * Images in the GridFS of the hub's own database. An image's bytes are the GridFS file named by its
 * {@code gridFsId}, set when the resource service completes the upload.
 */
public final class GridFsCloud implements Cloud {

	private final GridFSBucket bucket;
	private final ChunkStore chunks;

	/** @param db the database */
	public GridFsCloud(Database db) {
		this.bucket = db.gridFs();
		this.chunks = new ChunkStore(db.database());
	}

	@Override
	public String name() {
		return "gridfs";
	}

	@Override
	public String bucket() {
		return Database.GRIDFS_BUCKET;
	}

	@Override
	public OptionalLong stored(Document image) throws IOException {
		ObjectId id = image.getObjectId("gridFsId");
		if (id == null) {
			return OptionalLong.empty();
		}
		try {
			GridFSFile f = bucket.find(new Document("_id", id)).first();
			return f == null ? OptionalLong.empty() : OptionalLong.of(f.getLength());
		} catch (MongoException e) {
			throw new IOException("GridFS lookup failed: " + e.getMessage(), e);
		}
	}

	@Override
	public InputStream open(Document image) throws IOException {
		ObjectId id = image.getObjectId("gridFsId");
		if (id == null) {
			throw new IOException("image " + image.getObjectId("_id") + " has no GridFS file");
		}
		try {
			GridFSFile f = bucket.find(new Document("_id", id)).first();
			if (f == null) {
				throw new IOException("GridFS file " + id + " of image " + image.getObjectId("_id") + " not found");
			}
			return chunks.open(id, f.getLength(), 0);
		} catch (MongoException e) {
			throw new IOException("GridFS read failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void delete(Document image) throws IOException {
		ObjectId id = image.getObjectId("gridFsId");
		if (id == null) {
			return;
		}
		try {
			bucket.delete(id);
		} catch (MongoException e) {
			throw new IOException("GridFS delete failed: " + e.getMessage(), e);
		}
	}
}
