/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.tiepoint.hub.internal.auth.PrivateFiles;

/**
 * The hub's MongoDB: the embedded mongo-java-server with its H2 file in the data directory, or a real
 * server given by URI. The embedded one is reached in-process ({@link InProcessMongo}): it listens on no
 * port, and its directory and file are readable by the hub's account only. Creates the unique indexes
 * that make double registration impossible.
 */
public final class Database implements AutoCloseable {

	/**
	 * Name of the GridFS bucket holding images and task files: the prefix of its collections
	 * ({@code gridfs.files}, {@code gridfs.chunks}), a collection name and no cloud id (the GridFS cloud lists it
	 * as the one bucket clients name).
	 */
	public static final String GRIDFS_BUCKET = "gridfs";
	private static final String DEFAULT_DB = "tiepoint";

	private final H2Backend backend;
	private final MongoClient client;
	private final MongoDatabase db;
	/** The indexes' creation: on its own thread for {@link #opening}, done for {@link #open}. */
	private final FutureTask<Void> indexes;

	private Database(H2Backend backend, MongoClient client, MongoDatabase db) {
		this.backend = backend;
		this.client = client;
		this.db = db;
		this.indexes = new FutureTask<>(() -> {
			createIndexes();
			return null;
		});
	}

	/**
	 * @param dataDir  data directory (embedded file {@code mongo/hub.mv}, mode 600 in a directory of mode 700)
	 * @param mongoUri a MongoDB URI, or null for the embedded server
	 * @return the opened database with its indexes
	 * @throws IOException when the embedded file cannot be created, or the indexes
	 */
	public static Database open(Path dataDir, String mongoUri) throws IOException {
		Database d = connect(dataDir, mongoUri);
		d.indexes.run();
		try {
			d.awaitIndexes();
		} catch (IOException | RuntimeException e) {
			d.close();
			throw e;
		}
		return d;
	}

	/**
	 * Opens the database and creates its indexes on a thread of their own: the first operation waits for the
	 * driver's discovery of the server (its monitor's handshake), a good part of the indexes' time on a cold
	 * JVM, while the hub's start has its services and schema to build. Whoever writes an image calls
	 * {@link #awaitIndexes()} first (the unique indexes keep one image per checksum and file name).
	 *
	 * @param dataDir  data directory (as {@link #open})
	 * @param mongoUri a MongoDB URI, or null for the embedded server
	 * @return the opened database, its indexes on their way
	 * @throws IOException when the embedded file cannot be created
	 */
	public static Database opening(Path dataDir, String mongoUri) throws IOException {
		Database d = connect(dataDir, mongoUri);
		Thread t = new Thread(d.indexes, "tiepoint-hub-indexes");
		t.setDaemon(true);
		t.start();
		return d;
	}

	/**
	 * Waits for the indexes.
	 *
	 * @throws IOException when they could not be created
	 */
	public void awaitIndexes() throws IOException {
		try {
			indexes.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while the hub's database created its indexes", e);
		} catch (ExecutionException e) {
			throw new IOException("cannot create the indexes of the hub's database: " + e.getCause().getMessage(),
					e.getCause());
		}
	}

	private static Database connect(Path dataDir, String mongoUri) throws IOException {
		H2Backend backend = null;
		MongoClient client;
		String name = DEFAULT_DB;
		if (mongoUri == null) {
			Path dir = PrivateFiles.directory(dataDir.resolve("mongo"));
			Path file = dir.resolve("hub.mv");
			try {
				backend = new DurableH2Backend(file.toString());
			} catch (RuntimeException e) {
				throw new IOException("cannot open the embedded database in " + dir
						+ " (is another hub running on this data directory?)", e);
			}
			try {
				PrivateFiles.file(file);
			} catch (IOException e) {
				backend.close();
				throw e;
			}
			client = InProcessMongo.client(backend);
		} else {
			ConnectionString cs = new ConnectionString(mongoUri);
			client = MongoClients.create(cs);
			name = cs.getDatabase() != null ? cs.getDatabase() : DEFAULT_DB;
		}
		return new Database(backend, client, client.getDatabase(name));
	}

	private void createIndexes() {
		IndexOptions unique = new IndexOptions().unique(true);
		images().createIndex(Indexes.ascending("pid", "checksum"), unique);
		images().createIndex(Indexes.ascending("pid", "filename"), unique);
		if (isEmbedded()) {
			// the state changes' compare-and-set (ImageStore): the embedded server uses an index only for a
			// query on exactly its keys, so {_id, state: {$in: ...}} would read the whole collection
			images().createIndex(Indexes.ascending("_id", "rev"), unique);
		}
	}

	/**
	 * @return true for the embedded server (mongo-java-server), whose query planner uses an index only for
	 *         a query on exactly its keys; false for a MongoDB given by URI
	 */
	public boolean isEmbedded() {
		return backend != null;
	}

	/** @return projects */
	public MongoCollection<Document> projects() {
		return db.getCollection("projects");
	}

	/** @return images */
	public MongoCollection<Document> images() {
		return db.getCollection("images");
	}

	/** @return reconstruction tasks */
	public MongoCollection<Document> tasks() {
		return db.getCollection("tasks");
	}

	/**
	 * @param name a collection's name (the OSS gateway's {@code oss.*})
	 * @return that collection
	 */
	public MongoCollection<Document> collection(String name) {
		return db.getCollection(name);
	}

	/** @return the GridFS bucket of images */
	public GridFSBucket gridFs() {
		return GridFSBuckets.create(db, GRIDFS_BUCKET);
	}

	/** @param md5 an md5 in hex @return how many files of the GridFS bucket have it ({@code metadata.md5}) */
	public long storedFiles(String md5) {
		return db.getCollection(GRIDFS_BUCKET + ".files").countDocuments(new Document("metadata.md5", md5));
	}

	/**
	 * @param name  the file's name
	 * @param bytes its content
	 * @return the id of the new file of the GridFS bucket (24 hex digits)
	 */
	public String storeFile(String name, InputStream bytes) {
		return gridFs().uploadFromStream(name, bytes).toHexString();
	}

	/** @return the underlying database (the resource service writes GridFS chunks here) */
	public MongoDatabase database() {
		return db;
	}

	@Override
	public void close() {
		try {
			indexes.get(); // not under the driver's feet (a failure was reported by awaitIndexes)
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException | CancellationException e) {
			// reported by awaitIndexes
		}
		client.close();
		if (backend != null) {
			backend.close();
		}
	}
}
