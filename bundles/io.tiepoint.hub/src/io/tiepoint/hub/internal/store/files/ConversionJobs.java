/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.files;

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
 * half-done job keeps them and resumes after them) and {@code error}. Database failures are
 * {@link io.tiepoint.hub.internal.store.StoreException}s.
 */
public final class ConversionJobs {

	/** A job state. */
	public static final String QUEUED = "queued";
	/** A job state. */
	public static final String RUNNING = "running";
	/** A job state. */
	public static final String DONE = "done";
	/** A job state. */
	public static final String FAILED = "failed";
	private final MongoCollection<Document> jobs;
	private final AtomicLong last = new AtomicLong();

	/** @param db the hub's database */
	public ConversionJobs(Database db) {
		this.jobs = db.database().getCollection("resource.conversions");
		StoreFailures.run(() -> jobs.createIndex(Indexes.ascending("state", "seq")));
	}

	private static Bson id(String key) {
		return Filters.eq("_id", key);
	}

	/** @param key a job @return it, or null */
	public ConversionJob get(String key) {
		return StoreFailures.call(() -> job(jobs.find(id(key)).first()));
	}

	/**
	 * Queues a job unless there is one with that key.
	 *
	 * @return the job
	 */
	public ConversionJob enqueue(String key, String source, String kind, String type, int level) {
		Document doc = new Document("_id", key).append("source", source).append("kind", kind).append("type", type)
				.append("level", level).append("state", QUEUED).append("seq", nextSeq()).append("attempts", 0)
				.append("list", new ArrayList<Document>());
		return StoreFailures.call(() -> {
			try {
				jobs.insertOne(doc);
				return job(doc);
			} catch (MongoWriteException e) {
				if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw e;
				}
				return job(jobs.find(id(key)).first());
			}
		});
	}

	/** Records a job finished at once (a document kept as it is, a file of no supported kind). */
	public void finished(String key, String source, String type, List<ConversionOutput> list) {
		Document doc = new Document("_id", key).append("source", source).append("type", type).append("state", DONE)
				.append("seq", nextSeq()).append("list", list.stream().map(ConversionJobs::output).toList());
		StoreFailures.run(() -> {
			try {
				jobs.insertOne(doc);
			} catch (MongoWriteException e) {
				if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw e;
				}
			}
		});
	}

	private long nextSeq() {
		long now = System.currentTimeMillis() * 1000;
		return last.updateAndGet(prev -> Math.max(prev + 1, now));
	}

	/** @param job a queued job @return its place in the queue, 1 for the next */
	public int position(ConversionJob job) {
		return (int) Math.min(Integer.MAX_VALUE, 1 + StoreFailures.call(
				() -> jobs.countDocuments(Filters.and(Filters.eq("state", QUEUED), Filters.lt("seq", job.seq())))));
	}

	/** @param sources FileIDs @return the jobs converting them (results of earlier versions too) */
	public List<ConversionJob> ofSources(java.util.Collection<String> sources) {
		List<ConversionJob> out = new ArrayList<>();
		if (!sources.isEmpty()) {
			StoreFailures.run(() -> {
				for (Document d : jobs.find(Filters.or(Filters.in("source", sources), Filters.in("_id", sources)))) {
					out.add(job(d));
				}
			});
		}
		return out;
	}

	/** @return how many jobs are queued */
	public long queued() {
		return StoreFailures.call(() -> jobs.countDocuments(Filters.eq("state", QUEUED)));
	}

	/** @return the oldest queued job, now running, or null when none waits */
	public synchronized ConversionJob claim() {
		return StoreFailures.call(() -> job(jobs.findOneAndUpdate(Filters.eq("state", QUEUED),
				Updates.combine(Updates.set("state", RUNNING), Updates.inc("attempts", 1),
						Updates.set("startedAt", System.currentTimeMillis())),
				new FindOneAndUpdateOptions().sort(Sorts.ascending("seq")).returnDocument(ReturnDocument.AFTER))));
	}

	/** Adds a result to a running job (a half-done job resumes after it). */
	public void progress(String key, ConversionOutput result) {
		update(key, Updates.push("list", output(result)));
	}

	/** Marks a job done, with its Type. */
	public void done(String key, String type) {
		update(key, Updates.combine(Updates.set("state", DONE), Updates.set("type", type)));
	}

	/**
	 * Marks a job failed, with the reason a client is told.
	 *
	 * @param retry whether a later Convert may try it again (FFmpeg was missing)
	 */
	public void failed(String key, String error, boolean retry) {
		update(key, Updates.combine(Updates.set("state", FAILED), Updates.set("error", error),
				Updates.set("retry", retry)));
	}

	/** Queues a failed job again, at the end, keeping its results. @return the job */
	public ConversionJob requeue(String key) {
		update(key, Updates.combine(Updates.set("state", QUEUED), Updates.set("seq", nextSeq()),
				Updates.unset("error"), Updates.unset("retry")));
		return get(key);
	}

	/**
	 * At start: the jobs that were running when the hub stopped (killed or not) are queued again, in their
	 * order, keeping the results they had.
	 *
	 * @return how many
	 */
	public long requeueRunning() {
		return StoreFailures.call(
				() -> jobs.updateMany(Filters.eq("state", RUNNING), Updates.set("state", QUEUED)).getModifiedCount());
	}

	private void update(String key, Bson change) {
		StoreFailures.run(() -> jobs.updateOne(id(key), change));
	}

	private static Document output(ConversionOutput o) {
		return new Document("FileID", o.fileId()).append("Level", o.level());
	}

	private static ConversionJob job(Document d) {
		if (d == null) {
			return null;
		}
		List<ConversionOutput> list = new ArrayList<>();
		for (Document o : d.getList("list", Document.class, List.of())) {
			list.add(new ConversionOutput(o.getString("FileID"), o.getInteger("Level")));
		}
		Number seq = d.get("seq", Number.class);
		return new ConversionJob(d.getString("_id"), d.getString("source"), d.getString("kind"), d.getInteger("level", 3),
				d.getString("type"), d.getString("state"), seq == null ? 0 : seq.longValue(), List.copyOf(list),
				d.getString("error"), Boolean.TRUE.equals(d.getBoolean("retry")));
	}
}
