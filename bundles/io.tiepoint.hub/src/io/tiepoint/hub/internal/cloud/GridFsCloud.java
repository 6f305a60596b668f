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
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.StoreException;
import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.StoredFile;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubImage;
import io.tiepoint.hub.spi.UploadTarget;

/**
 * Images in the GridFS of the hub's own database, uploaded through the hub's resource service (seed 003):
 * registration hands out {@code /Resource/Upload?uid=<upload token>}; the resource service reports the
 * arrival with the GridFS file's id, the image's {@link HubImage#location()}.
 */
public final class GridFsCloud implements HubCloud, HubCloud.Hosted {

	/** The cloud's id. */
	public static final String ID = "gridfs";
	private final ChunkStore chunks;
	private final Supplier<URI> base;

	/**
	 * @param db   the database
	 * @param base the hub's base URI, asked when an upload URL is made
	 */
	public GridFsCloud(Database db, Supplier<URI> base) {
		this.chunks = new ChunkStore(db);
		this.base = base;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String mutation() {
		return "uploadImageGridFS";
	}

	/** @return the GridFS bucket itself ({@code gridfs.files}, {@code gridfs.chunks}), the one bucket clients name */
	@Override
	public List<String> buckets() {
		return List.of(Database.GRIDFS_BUCKET);
	}

	@Override
	public UploadTarget register(HubImage image) {
		return UploadTarget.url(base.get().resolve("Resource/Upload?uid=" + image.uploadToken()).toString());
	}

	@Override
	public OptionalLong stored(HubImage image) throws IOException {
		String id = fileId(image);
		if (id == null) {
			return OptionalLong.empty();
		}
		try {
			StoredFile f = chunks.file(id);
			return f == null ? OptionalLong.empty() : OptionalLong.of(f.length());
		} catch (StoreException e) {
			throw new IOException("GridFS lookup failed: " + e.getMessage(), e);
		}
	}

	@Override
	public InputStream open(HubImage image) throws IOException {
		String id = fileId(image);
		if (id == null) {
			throw new IOException("image " + image.id() + " has no GridFS file");
		}
		try {
			StoredFile f = chunks.file(id);
			if (f == null) {
				throw new IOException("GridFS file " + id + " of image " + image.id() + " not found");
			}
			return chunks.open(id, f.length(), 0);
		} catch (StoreException e) {
			throw new IOException("GridFS read failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void delete(HubImage image) throws IOException {
		String id = fileId(image);
		if (id == null) {
			return;
		}
		try {
			chunks.deleteFile(id);
		} catch (StoreException e) {
			throw new IOException("GridFS delete failed: " + e.getMessage(), e);
		}
	}

	private static String fileId(HubImage image) throws IOException {
		String location = image.location();
		if (location == null) {
			return null;
		}
		if (!ChunkStore.validId(location)) {
			throw new IOException("image " + image.id() + " has no valid GridFS file id");
		}
		return location;
	}
}
