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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A complete, write-through copy of each touched project's images by checksum, so that
 * {@code hasImage} answers without a database read. Used only with the embedded database, which no
 * other process writes. Every image write goes through {@link ImageStore}, which passes the document
 * it got back here; documents carry a revision ({@code rev}, incremented by every update) and an older
 * revision never replaces a newer one, so concurrent writers cannot leave a stale copy (deletions
 * leave a marker with the highest revision). A project is
 * loaded on first use; the whole cache is dropped when it holds more than {@value #MAX} images.
 */
final class ImageCache {

	private static final int MAX = 200_000;
	private static final long GONE = Long.MAX_VALUE;
	private final Map<ObjectId, Map<String, Document>> projects = new ConcurrentHashMap<>();
	/** The same documents by id (those of the loaded projects). */
	private final Map<ObjectId, Document> byId = new ConcurrentHashMap<>();
	private final AtomicInteger size = new AtomicInteger();

	/**
	 * @param pid      project
	 * @param checksum checksum
	 * @param loader   loads all images of a project (on first use)
	 * @return the image, or null when the project has none with that checksum
	 */
	Document get(ObjectId pid, String checksum, Function<ObjectId, Iterable<Document>> loader) {
		Map<String, Document> images = projects.computeIfAbsent(pid, p -> {
			Map<String, Document> m = new ConcurrentHashMap<>();
			for (Document d : loader.apply(p)) {
				m.put(d.getString("checksum"), d);
				byId.merge(d.getObjectId("_id"), d, ImageCache::newer);
			}
			size.addAndGet(m.size());
			return m;
		});
		Document d = images.get(checksum);
		return d == null || rev(d) == GONE ? null : d;
	}

	/**
	 * @param id an image
	 * @return the newest copy seen of it, or null when its project is not loaded or it was deleted; may be
	 *         behind the database only while a write is on its way here (a compare-and-set against it fails)
	 */
	Document get(ObjectId id) {
		Document d = byId.get(id);
		return d == null || rev(d) == GONE ? null : d;
	}

	/** @param image an image as the database returned it after a write */
	void put(Document image) {
		apply(image.getObjectId("pid"), image.getString("checksum"), image);
	}

	/** @param image a deleted image */
	void remove(Document image) {
		apply(image.getObjectId("pid"), image.getString("checksum"), new Document("_id", image.getObjectId("_id")).append("rev", GONE));
	}

	/** @param pid a project whose images were all deleted */
	void dropProject(ObjectId pid) {
		projects.remove(pid);
		byId.clear();
	}

	/** Forgets everything (after a bulk update). */
	void clear() {
		projects.clear();
		byId.clear();
		size.set(0);
	}

	private void apply(ObjectId pid, String checksum, Document doc) {
		boolean[] added = { false };
		projects.computeIfPresent(pid, (p, images) -> {
			added[0] = !images.containsKey(checksum);
			images.merge(checksum, doc, ImageCache::newer);
			byId.merge(doc.getObjectId("_id"), doc, ImageCache::newer);
			return images;
		});
		if (added[0] && size.incrementAndGet() > MAX) {
			clear();
		}
	}

	/**
	 * The same image: the higher revision wins (a deletion is the highest). Another image with the same
	 * checksum (registered after a removal): the younger id wins; ids come from this process only.
	 */
	private static Document newer(Document old, Document now) {
		int age = now.getObjectId("_id").compareTo(old.getObjectId("_id"));
		if (age != 0) {
			return age > 0 ? now : old;
		}
		return rev(now) >= rev(old) ? now : old;
	}

	private static long rev(Document d) {
		Object r = d.get("rev");
		return r instanceof Number n ? n.longValue() : 0;
	}
}
