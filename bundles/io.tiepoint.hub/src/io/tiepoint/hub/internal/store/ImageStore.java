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

import java.time.Instant;
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
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Image documents: {@code _id, pid, owner, name, filename, checksum, checksumKnown, type, contentType,
 * state, error, cloud, bucket, key, uploadId, gridFsId, size, width, height, megapixels, registeredAt,
 * updatedAt, verifying, rev}. Every state change is atomic and tests the expected states: against the
 * embedded server a compare-and-set on {@code rev}, against a MongoDB given by URI one
 * {@code findOneAndUpdate} with the states as its precondition (see {@link #compareAndSet}). Images come and
 * go as {@link ImageRecord}s; the changes are this class's methods, each named after what it does.
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

	/** @param id image id @return the image or null */
	public ImageRecord find(String id) {
		return ImageDocs.record(read(Ids.parse(id)));
	}

	private Document read(ObjectId id) {
		return id == null ? null : images.find(new Document("_id", id)).first();
	}

	/** @param pid project @param checksum sha1 @return the image or null (from the cache when kept) */
	public ImageRecord findByChecksum(String pid, String checksum) {
		ObjectId p = Ids.parse(pid);
		if (p == null) {
			return null;
		}
		if (cache != null) {
			return ImageDocs.record(cache.get(p, checksum, q -> images.find(new Document("pid", q))));
		}
		return readByChecksum(pid, checksum);
	}

	/** @param pid project @param checksum sha1 @return the image or null, read from the database */
	public ImageRecord readByChecksum(String pid, String checksum) {
		ObjectId p = Ids.parse(pid);
		return p == null ? null : ImageDocs.record(images.find(new Document("pid", p).append("checksum", checksum)).first());
	}

	/** @param pid project @param filename hashed name @return the image or null */
	public ImageRecord findByFilename(String pid, String filename) {
		ObjectId p = Ids.parse(pid);
		return p == null ? null : ImageDocs.record(images.find(new Document("pid", p).append("filename", filename)).first());
	}

	/**
	 * Inserts a new image: its registration fields ({@code size, width, ...} come later).
	 *
	 * @param image the image, with a new id ({@link Ids#next()})
	 * @return the image as stored, or null when (pid, checksum) or (pid, filename) already exists
	 */
	public ImageRecord insert(ImageRecord image) {
		Document doc = ImageDocs.registration(image);
		try {
			images.insertOne(doc.append("rev", 0L));
			if (cache != null) {
				cache.put(doc);
			}
			return ImageDocs.record(doc);
		} catch (MongoWriteException e) {
			if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return null;
			}
			throw new StoreException("cannot insert image " + image.id(), e);
		}
	}

	/** Atomically changes an image that is in one of the expected states; null when it is not. */
	private ImageRecord transition(String id, List<HubImageState> from, Bson update) {
		ObjectId oid = Ids.parse(id);
		if (oid == null) {
			return null;
		}
		List<String> names = HubImageState.names(from);
		return ImageDocs.record(cached(compareAndSet(oid, d -> names.contains(d.getString("state")), Filters.in("state", names),
				Updates.combine(update, Updates.set("updatedAt", new Date()), Updates.inc("rev", 1L)))));
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
				now = read(id); // a "no" comes from the database itself: the copy may be behind
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
	public ImageRecord setState(String id, List<HubImageState> from, HubImageState state, List<String> reasons) {
		return transition(id, from, Updates.combine(Updates.set("state", state.name()), Updates.set("error", reasons),
				Updates.unset("verifying")));
	}

	/** @param id the image @return it after, Uploading, or null when it was not Pending */
	public ImageRecord startUpload(String id) {
		return transition(id, List.of(HubImageState.Pending), Updates.set("state", HubImageState.Uploading.name()));
	}

	/**
	 * @param id       an image whose bytes arrived
	 * @param size     their size, or null when the cloud did not tell
	 * @param location where a hosted cloud stored them, or null
	 * @return the image after, Uploaded, or null when it was no longer waiting
	 */
	public ImageRecord markUploaded(String id, Long size, String location) {
		List<Bson> u = new ArrayList<>();
		if (size != null) {
			u.add(Updates.set("size", size));
		}
		if (location != null) {
			u.add(Updates.set(ImageDocs.GRIDFS_ID, Ids.stored(location)));
		}
		u.add(Updates.set("state", HubImageState.Uploaded.name()));
		return transition(id, HubImageState.WAITING, Updates.combine(u));
	}

	/**
	 * Registers an image again: Pending, for this target, stored bytes forgotten.
	 *
	 * @param id       the image
	 * @param from     expected states
	 * @param cloud    the cloud its bytes go to now
	 * @param bucket   the bucket there
	 * @param uploadId a hosted cloud's upload token, or null
	 * @param fresh    whether the registration starts again (its {@code registeredAt} is now)
	 * @return the image after, or null when not in an expected state
	 */
	public ImageRecord reset(String id, List<HubImageState> from, String cloud, String bucket, String uploadId,
			boolean fresh) {
		Bson u = Updates.combine(Updates.set("state", HubImageState.Pending.name()), Updates.set("error", List.of()),
				Updates.set("cloud", cloud), Updates.set("bucket", bucket), Updates.set(ImageDocs.UPLOAD_ID, uploadId),
				Updates.unset(ImageDocs.GRIDFS_ID), Updates.unset("verifying"));
		return transition(id, from, fresh ? Updates.combine(u, Updates.set("registeredAt", new Date())) : u);
	}

	/**
	 * What a verification found.
	 *
	 * @param state      Ready or Invalid
	 * @param reasons    why it is Invalid (empty when Ready)
	 * @param size       bytes read, or null when nothing was read
	 * @param width      pixels (0 when unknown)
	 * @param height     pixels (0 when unknown)
	 * @param megapixels its size in megapixels
	 */
	public record Verdict(HubImageState state, List<String> reasons, Long size, int width, int height, double megapixels) {
	}

	/** @param id a claimed Uploaded image @param v the verdict @return the image after, or null when no longer Uploaded */
	public ImageRecord settle(String id, Verdict v) {
		return transition(id, List.of(HubImageState.Uploaded), Updates.combine(Updates.set("state", v.state().name()),
				Updates.set("error", v.reasons()), Updates.unset("verifying"), Updates.set("size", v.size()),
				Updates.set("width", v.width()), Updates.set("height", v.height()), Updates.set("megapixels", v.megapixels())));
	}

	/** @param id an Uploaded image @return it after its verification claim is dropped, or null when not Uploaded */
	public ImageRecord release(String id) {
		return transition(id, List.of(HubImageState.Uploaded), Updates.unset("verifying"));
	}

	/**
	 * Claims an Uploaded image for verification.
	 *
	 * @param id the image
	 * @return the image, or null when it is not Uploaded or already claimed
	 */
	public ImageRecord claimForVerification(String id) {
		ObjectId oid = Ids.parse(id);
		return oid == null ? null
				: ImageDocs.record(cached(compareAndSet(oid,
						d -> HubImageState.Uploaded.name().equals(d.getString("state")) && !Boolean.TRUE.equals(d.get("verifying")),
						Filters.and(Filters.eq("state", HubImageState.Uploaded.name()), Filters.ne("verifying", Boolean.TRUE)),
						Updates.combine(Updates.set("verifying", Boolean.TRUE), Updates.inc("rev", 1L)))));
	}

	/** Drops verification claims (after a restart nothing is verifying). */
	public void releaseClaims() {
		images.updateMany(Filters.eq("verifying", Boolean.TRUE), Updates.combine(Updates.unset("verifying"), Updates.inc("rev", 1L)));
		if (cache != null) {
			cache.clear();
		}
	}

	/** @return the ids of Uploaded images no verification worker holds */
	public List<String> unclaimed() {
		List<String> out = new ArrayList<>();
		for (Document d : images.find(Filters.and(Filters.eq("state", HubImageState.Uploaded.name()),
				Filters.ne("verifying", Boolean.TRUE))).projection(new Document("_id", 1))) {
			out.add(Ids.text(d.get("_id")));
		}
		return out;
	}

	/** @param cloud a cloud @return its images waiting for their bytes (Pending or Uploading) */
	public List<ImageRecord> waiting(String cloud) {
		return list(Filters.and(Filters.eq("cloud", cloud), Filters.in("state", HubImageState.names(HubImageState.WAITING))));
	}

	/** @param cutoff a time @return the images not finished (Pending, Uploading, Uploaded) registered before it */
	public List<ImageRecord> unfinishedBefore(Instant cutoff) {
		return list(Filters.and(Filters.in("state", HubImageState.names(HubImageState.OPEN)),
				Filters.lt("registeredAt", Date.from(cutoff))));
	}

	/** @param pid project @param state only those in this state, or null for all @return its images, oldest first */
	public List<ImageRecord> inProject(String pid, HubImageState state) {
		ObjectId p = Ids.parse(pid);
		if (p == null) {
			return List.of();
		}
		Bson filter = state == null ? Filters.eq("pid", p) : Filters.and(Filters.eq("pid", p), Filters.eq("state", state.name()));
		return images.find(filter).sort(Sorts.ascending("_id")).map(ImageDocs::record).into(new ArrayList<>());
	}

	private List<ImageRecord> list(Bson filter) {
		return images.find(filter).map(ImageDocs::record).into(new ArrayList<>());
	}

	/** @param q which images @param r the page asked for @return the page, oldest first */
	public Pages.Page<ImageRecord> page(ImageQuery q, Pages.Request r) {
		Object p = Ids.stored(q.pid());
		Bson filter = q.state() == null ? Filters.eq("pid", p) : Filters.and(Filters.eq("pid", p), Filters.eq("state", q.state().name()));
		return Pages.page(images, filter, r, ImageDocs::record);
	}

	/** @param pid project @param states states @return how many images of the project are in them */
	public long count(String pid, List<HubImageState> states) {
		ObjectId p = Ids.parse(pid);
		return p == null ? 0 : images.countDocuments(Filters.and(Filters.eq("pid", p), Filters.in("state", HubImageState.names(states))));
	}

	/** @param id image @param pid project @return the deleted image or null */
	public ImageRecord delete(String id, String pid) {
		ObjectId i = Ids.parse(id);
		ObjectId p = Ids.parse(pid);
		Document gone = i == null || p == null ? null : images.findOneAndDelete(new Document("_id", i).append("pid", p));
		if (cache != null && gone != null) {
			cache.remove(gone);
		}
		return ImageDocs.record(gone);
	}

	/** @param pid project whose images are all deleted */
	public void deleteProject(String pid) {
		ObjectId p = Ids.parse(pid);
		if (p == null) {
			return;
		}
		images.deleteMany(Filters.eq("pid", p));
		if (cache != null) {
			cache.dropProject(p);
		}
	}
}
