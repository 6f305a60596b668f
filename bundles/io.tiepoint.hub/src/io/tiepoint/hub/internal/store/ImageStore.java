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

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Image documents: {@code _id, pid, owner, name, filename, checksum, checksumKnown, type, contentType,
 * state, error, cloud, bucket, key, uploadId, gridFsId, size, width, height, megapixels, registeredAt,
 * updatedAt, verifying, rev}. Every state change is atomic and tests the expected states: against the
 * embedded server a compare-and-set on {@code rev}, against a MongoDB given by URI one
 * {@code findOneAndUpdate} with the states as its precondition (see {@link #compareAndSet}).
 */
public final class ImageStore {

	/** Compare-and-set rounds before the database decides with the whole condition as its query. */
	private static final int CAS_ATTEMPTS = 8;
	private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
			.returnDocument(ReturnDocument.AFTER);
	private final MongoCollection<Document> images;
	private final ImageCache cache;
	/** State changes as a read and a compare-and-set on the revision (the embedded server), else one query. */
	private final boolean byRevision;

	/**
	 * @param db    the database
	 * @param cache whether to keep the write-through checksum cache (only when no other process writes
	 *              the database: the embedded one)
	 */
	public ImageStore(Database db, boolean cache) {
		this.images = db.images();
		this.cache = cache ? new ImageCache() : null;
		this.byRevision = db.isEmbedded();
	}

	/** @return the collection (paging) */
	public MongoCollection<Document> collection() {
		return images;
	}

	/** @param id image id @return the image or null */
	public Document find(ObjectId id) {
		return id == null ? null : images.find(new Document("_id", id)).first();
	}

	/** @param pid project @param checksum sha1 @return the image or null (from the cache when kept) */
	public Document findByChecksum(ObjectId pid, String checksum) {
		if (cache != null) {
			return cache.get(pid, checksum, p -> images.find(new Document("pid", p)));
		}
		return readByChecksum(pid, checksum);
	}

	/** @param pid project @param checksum sha1 @return the image or null, read from the database */
	public Document readByChecksum(ObjectId pid, String checksum) {
		return images.find(new Document("pid", pid).append("checksum", checksum)).first();
	}

	/** @param pid project @param filename hashed name @return the image or null */
	public Document findByFilename(ObjectId pid, String filename) {
		return images.find(new Document("pid", pid).append("filename", filename)).first();
	}

	/**
	 * Inserts a new image.
	 *
	 * @param doc the document
	 * @return true when inserted, false when (pid, checksum) or (pid, filename) already exists
	 */
	public boolean insert(Document doc) {
		try {
			images.insertOne(doc.append("rev", 0L));
			if (cache != null) {
				cache.put(doc);
			}
			return true;
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw e;
		}
	}

	/**
	 * Atomically changes an image that is in one of the expected states.
	 *
	 * @param id     the image
	 * @param from   expected states
	 * @param update the change ({@code updatedAt} is added)
	 * @return the image after the change, or null when it was not in an expected state
	 */
	public Document transition(ObjectId id, List<String> from, Bson update) {
		return cached(compareAndSet(id, d -> from.contains(d.getString("state")), Filters.in("state", from),
				Updates.combine(update, Updates.set("updatedAt", new Date()), Updates.inc("rev", 1L))));
	}

	/**
	 * Changes an image when it satisfies a condition, as one compare-and-set on its revision: read it by
	 * id, test the condition, update where {@code _id} and {@code rev} are still what was read (every change
	 * increments {@code rev}); again when another change came between. Both queries are on the keys of an
	 * index, which the embedded server needs to not read the whole collection (it uses an index only for a
	 * query on exactly its keys); a change of state is then O(1) at 10,000 images instead of O(n). The
	 * embedded hub reads its write-through cache first: a copy behind the database fails the set (or the
	 * condition), and the image is then read from the database. A MongoDB given by URI serves the condition
	 * as a query through its {@code _id} index: there it is one {@code findOneAndUpdate}.
	 *
	 * @param id       the image
	 * @param expected the condition, on the image as read
	 * @param filter   the same condition as a query (images written before revisions; contention)
	 * @param update   the change, incrementing {@code rev}
	 * @return the image after the change, or null when the condition does not hold
	 */
	private Document compareAndSet(ObjectId id, Predicate<Document> expected, Bson filter, Bson update) {
		for (int attempt = 0; byRevision && attempt < CAS_ATTEMPTS; attempt++) {
			Document now = attempt == 0 && cache != null ? cache.get(id) : null;
			if (now == null || !expected.test(now)) {
				now = find(id); // a "no" comes from the database itself: the copy may be behind
			}
			if (now == null || !expected.test(now)) {
				return null;
			}
			if (!(now.get("rev") instanceof Long rev)) {
				break;
			}
			Document after = images.findOneAndUpdate(new Document("_id", id).append("rev", rev), update, AFTER);
			if (after != null) {
				return after;
			}
		}
		return images.findOneAndUpdate(Filters.and(Filters.eq("_id", id), filter), update, AFTER);
	}

	private Document cached(Document after) {
		if (cache != null && after != null) {
			cache.put(after);
		}
		return after;
	}

	/**
	 * @param id      the image
	 * @param from    expected states
	 * @param state   new state
	 * @param reasons why (for Invalid)
	 * @return the image after, or null when not in an expected state
	 */
	public Document setState(ObjectId id, List<String> from, HubImageState state, List<String> reasons) {
		return transition(id, from, Updates.combine(Updates.set("state", state.name()), Updates.set("error", reasons),
				Updates.unset("verifying")));
	}

	/**
	 * Claims an Uploaded image for verification.
	 *
	 * @param id the image
	 * @return the image, or null when it is not Uploaded or already claimed
	 */
	public Document claimForVerification(ObjectId id) {
		return cached(compareAndSet(id,
				d -> HubImageState.Uploaded.name().equals(d.getString("state")) && !Boolean.TRUE.equals(d.get("verifying")),
				Filters.and(Filters.eq("state", HubImageState.Uploaded.name()), Filters.ne("verifying", Boolean.TRUE)),
				Updates.combine(Updates.set("verifying", Boolean.TRUE), Updates.inc("rev", 1L))));
	}

	/** Drops verification claims (after a restart nothing is verifying). */
	public void releaseClaims() {
		images.updateMany(Filters.eq("verifying", Boolean.TRUE), Updates.combine(Updates.unset("verifying"), Updates.inc("rev", 1L)));
		if (cache != null) {
			cache.clear();
		}
	}

	/**
	 * @param filter a query
	 * @return the ids of matching images
	 */
	public List<ObjectId> ids(Bson filter) {
		List<ObjectId> out = new ArrayList<>();
		for (Document d : images.find(filter).projection(new Document("_id", 1))) {
			out.add(d.getObjectId("_id"));
		}
		return out;
	}

	/**
	 * @param filter a query
	 * @return matching images
	 */
	public List<Document> list(Bson filter) {
		return images.find(filter).into(new ArrayList<>());
	}

	/** @param pid project @param states states @return how many images of the project are in them */
	public long count(ObjectId pid, List<String> states) {
		return images.countDocuments(Filters.and(Filters.eq("pid", pid), Filters.in("state", states)));
	}

	/** @param id image @param pid project @return the deleted image or null */
	public Document delete(ObjectId id, ObjectId pid) {
		Document gone = images.findOneAndDelete(new Document("_id", id).append("pid", pid));
		if (cache != null && gone != null) {
			cache.remove(gone);
		}
		return gone;
	}

	/** @param pid project whose images are all deleted */
	public void deleteProject(ObjectId pid) {
		images.deleteMany(Filters.eq("pid", pid));
		if (cache != null) {
			cache.dropProject(pid);
		}
	}
}
