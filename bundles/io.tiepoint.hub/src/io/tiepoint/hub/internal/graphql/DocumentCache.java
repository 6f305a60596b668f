/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Caches parsed and validated documents by their text: clients send the same few documents again and
 * again with other variables. Bounded by size, not by count: a document longer than
 * {@value #MAX_DOCUMENT} characters is parsed every time and never kept (clients' documents are a few
 * hundred), and the cache is cleared when the documents it holds reach {@value #MAX_TOTAL} characters
 * (their parsed form takes some tens of bytes per character: a few MB in all). Anybody with the app key
 * can send documents, so what they make the hub keep must stay small. Beside each document, its
 * estimated cost once known ({@link QueryLimits}).
 */
final class DocumentCache implements PreparsedDocumentProvider {

	/** Longest document kept, in characters. */
	static final int MAX_DOCUMENT = 4096;
	/** Characters of all documents kept. */
	static final long MAX_TOTAL = 256 * 1024;
	private final Map<String, Cached> entries = new ConcurrentHashMap<>();

	/** A parsed document and, once computed, its cost (-1 before). */
	private static final class Cached {
		final PreparsedDocumentEntry entry;
		volatile int cost = -1;

		Cached(PreparsedDocumentEntry entry) {
			this.entry = entry;
		}
	}

	private final AtomicLong characters = new AtomicLong();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		Cached c = entries.get(query);
		if (c != null) {
			return CompletableFuture.completedFuture(c.entry);
		}
		PreparsedDocumentEntry e = parseAndValidate.apply(input);
		if (query.length() <= MAX_DOCUMENT) {
			if (characters.addAndGet(query.length()) > MAX_TOTAL) {
				entries.clear();
				characters.set(query.length());
			}
			if (entries.put(query, new Cached(e)) != null) {
				characters.addAndGet(-query.length());
			}
		}
		return CompletableFuture.completedFuture(e);
	}

	/** @param query a document's text @return its cost when cached and known, else null */
	Integer cost(String query) {
		Cached c = entries.get(query);
		return c == null || c.cost < 0 ? null : c.cost;
	}

	/** Remembers the cost of a cached document (nothing when it is not cached). @param query its text @param cost the cost */
	void cost(String query, int cost) {
		Cached c = entries.get(query);
		if (c != null) {
			c.cost = cost;
		}
	}
}
