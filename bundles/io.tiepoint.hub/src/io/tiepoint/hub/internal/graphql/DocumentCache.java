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
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Caches parsed and validated documents by their text: clients send the same few documents again and
 * again with other variables. Bounded: cleared when it holds {@value #MAX} documents.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private static final int MAX = 500;
	private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry e = entries.get(input.getQuery());
		if (e == null) {
			e = parseAndValidate.apply(input);
			if (entries.size() >= MAX) {
				entries.clear();
			}
			entries.put(input.getQuery(), e);
		}
		return CompletableFuture.completedFuture(e);
	}
}
