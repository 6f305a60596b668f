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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.tiepoint.hub.internal.store.Database;

/**
 * The conversion queue of the resource service, in the hub's database ({@code resource.conversions}), so
 * that it survives a restart: one document per job, {@code _id} (the source's FileID for an image, else
 * {@code FileID:kind[:level]}), {@code source}, {@code kind} ({@code image}, {@code video}, {@code audio},
 * {@code text}), {@code level} (audio), {@code type} (the seed's Type), {@code state} ({@code queued},
 * {@code running}, {@code done}, {@code failed}; absent in results of earlier versions: done), {@code seq}
 * (queue order), {@code attempts}, {@code list} (the results so far: {@code FileID}, {@code Level}; a
 * half-done job keeps them and resumes after them) and {@code error}.
 */
final class ConversionJobs {

	static final String QUEUED = "queued";
	static final String RUNNING = "running";
	static final String DONE = "done";
	static final String FAILED = "failed";
	private final MongoCollection<Document> jobs;
	private final AtomicLong last = new AtomicLong();

	/** @param db the hub's database */
	ConversionJobs(Database db) {
		this.jobs = db.database().getCollection("resource.conversions");
		jobs.createIndex(Indexes.ascending("state", "seq"));
	}

	private static Bson id(String key) {
		return Filters.eq("_id", key);
	}

	/** @param key a job @return its document, or null */
	Document get(String key) {
		return jobs.find(id(key)).first();
	}

	/**
	 * Queues a job unless there is one with that key.
	 *
	 * @return the job's document
	 */
	Document enqueue(String key, String source, String kind, String type, int level) {
		Document doc = new Document("_id", key).append("source", source).append("kind", kind).append("type", type)
				.append("level", level).append("state", QUEUED).append("seq", nextSeq()).append("attempts", 0)
				.append("list", new ArrayList<Document>());
		try {
			jobs.insertOne(doc);
			return doc;
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
			return get(key);
		}
	}

	/** Records a job finished at once (a document kept as it is, a file of no supported kind). */
	void finished(String key, String source, String type, List<Document> list) {
		Document doc = new Document("_id", key).append("source", source).append("type", type).append("state", DONE)
				.append("seq", nextSeq()).append("list", list);
		try {
			jobs.insertOne(doc);
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
		}
	}

	private long nextSeq() {
		long now = System.currentTimeMillis() * 1000;
		return last.updateAndGet(prev -> Math.max(prev + 1, now));
	}

	/** @param doc a queued job @return its place in the queue, 1 for the next */
	int position(Document doc) {
		return (int) Math.min(Integer.MAX_VALUE,
				1 + jobs.countDocuments(Filters.and(Filters.eq("state", QUEUED), Filters.lt("seq", doc.getLong("seq")))));
	}

	/** @param sources FileIDs @return the jobs converting them (results of earlier versions too) */
	List<Document> ofSources(java.util.Collection<String> sources) {
		List<Document> out = new ArrayList<>();
		if (!sources.isEmpty()) {
			jobs.find(Filters.or(Filters.in("source", sources), Filters.in("_id", sources))).into(out);
		}
		return out;
	}

	/** @return how many jobs are queued */
	long queued() {
		return jobs.countDocuments(Filters.eq("state", QUEUED));
	}

	/** @return the oldest queued job, now running, or null when none waits */
	synchronized Document claim() {
		return jobs.findOneAndUpdate(Filters.eq("state", QUEUED),
				Updates.combine(Updates.set("state", RUNNING), Updates.inc("attempts", 1),
						Updates.set("startedAt", System.currentTimeMillis())),
				new FindOneAndUpdateOptions().sort(Sorts.ascending("seq")).returnDocument(ReturnDocument.AFTER));
	}

	/** Adds a result to a running job (a half-done job resumes after it). */
	void progress(String key, Document result) {
		jobs.updateOne(id(key), Updates.push("list", result));
	}

	/** Marks a job done, with its Type. */
	void done(String key, String type) {
		jobs.updateOne(id(key), Updates.combine(Updates.set("state", DONE), Updates.set("type", type)));
	}

	/**
	 * Marks a job failed, with the reason a client is told.
	 *
	 * @param retry whether a later Convert may try it again (FFmpeg was missing)
	 */
	void failed(String key, String error, boolean retry) {
		jobs.updateOne(id(key), Updates.combine(Updates.set("state", FAILED), Updates.set("error", error),
				Updates.set("retry", retry)));
	}

	/** Queues a failed job again, at the end, keeping its results. @return the job */
	Document requeue(String key) {
		jobs.updateOne(id(key), Updates.combine(Updates.set("state", QUEUED), Updates.set("seq", nextSeq()),
				Updates.unset("error"), Updates.unset("retry")));
		return get(key);
	}

	/**
	 * At start: the jobs that were running when the hub stopped (killed or not) are queued again, in their
	 * order, keeping the results they had.
	 *
	 * @return how many
	 */
	long requeueRunning() {
		return jobs.updateMany(Filters.eq("state", RUNNING), Updates.set("state", QUEUED)).getModifiedCount();
	}
}
