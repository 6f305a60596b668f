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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * Relay-style paging over a collection ordered by {@code _id}: {@code first/last/before/after} with
 * opaque cursors.
 */
public final class Pages {

	private static final String PREFIX = "c1:";
	private static final int MAX = 10_000;

	/**
	 * A page request as GraphQL gives it.
	 *
	 * @param first  at most this many from the start, or null
	 * @param last   at most this many from the end, or null
	 * @param before only elements before this cursor, or null
	 * @param after  only elements after this cursor, or null
	 */
	public record Request(Integer first, Integer last, String before, String after) {
	}

	/**
	 * One page.
	 *
	 * @param <T>         the type of the elements
	 * @param items       the elements
	 * @param totalCount  elements matching the filter, ignoring cursors and limits
	 * @param hasPrevious whether elements exist before the first one
	 * @param hasNext     whether elements exist after the last one
	 */
	public record Page<T>(List<T> items, long totalCount, boolean hasPrevious, boolean hasNext) {
	}

	private Pages() {
	}

	/**
	 * @param id an element's id (24 hex digits)
	 * @return its opaque cursor
	 */
	public static String cursor(String id) {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
	}

	private static ObjectId decode(String cursor) {
		try {
			String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (s.startsWith(PREFIX) && ObjectId.isValid(s.substring(PREFIX.length()))) {
				return new ObjectId(s.substring(PREFIX.length()));
			}
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("invalid cursor: " + cursor, e);
		}
		throw new IllegalArgumentException("invalid cursor: " + cursor);
	}

	/**
	 * @param <T>    the type of the elements
	 * @param c      the collection
	 * @param filter what belongs to the list
	 * @param r      the request
	 * @param map    a document as an element
	 * @return the page
	 */
	static <T> Page<T> page(MongoCollection<Document> c, Bson filter, Request r, Function<Document, T> map) {
		if ((r.first() != null && r.first() < 0) || (r.last() != null && r.last() < 0)) {
			throw new IllegalArgumentException("first and last must not be negative");
		}
		long total = c.countDocuments(filter);
		ObjectId after = r.after() == null ? null : decode(r.after());
		ObjectId before = r.before() == null ? null : decode(r.before());
		List<Bson> parts = new ArrayList<>(List.of(filter));
		if (after != null) {
			parts.add(Filters.gt("_id", after));
		}
		if (before != null) {
			parts.add(Filters.lt("_id", before));
		}
		Bson windowed = Filters.and(parts);
		List<Document> docs;
		boolean hasNext;
		boolean hasPrevious;
		if (r.first() != null || r.last() == null) {
			int limit = r.first() == null ? MAX : Math.min(r.first(), MAX);
			docs = c.find(windowed).sort(Sorts.ascending("_id")).limit(limit + 1).into(new ArrayList<>());
			hasNext = docs.size() > limit;
			if (hasNext) {
				docs = new ArrayList<>(docs.subList(0, limit));
			}
			hasNext = hasNext || (before != null && exists(c, filter, Filters.gte("_id", before)));
			hasPrevious = after != null && exists(c, filter, Filters.lte("_id", after));
			if (r.last() != null && docs.size() > r.last()) {
				docs = new ArrayList<>(docs.subList(docs.size() - r.last(), docs.size()));
				hasPrevious = true;
			}
		} else {
			int limit = Math.min(r.last(), MAX);
			docs = c.find(windowed).sort(Sorts.descending("_id")).limit(limit + 1).into(new ArrayList<>());
			hasPrevious = docs.size() > limit;
			if (hasPrevious) {
				docs = new ArrayList<>(docs.subList(0, limit));
			}
			Collections.reverse(docs);
			hasPrevious = hasPrevious || (after != null && exists(c, filter, Filters.lte("_id", after)));
			hasNext = before != null && exists(c, filter, Filters.gte("_id", before));
		}
		return new Page<>(docs.stream().map(map).toList(), total, hasPrevious, hasNext);
	}

	private static boolean exists(MongoCollection<Document> c, Bson filter, Bson extra) {
		return c.find(Filters.and(filter, extra)).limit(1).first() != null;
	}
}
