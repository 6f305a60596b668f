/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import java.util.ArrayList;
import java.util.List;

/** Extracts the GraphQL documents from the fenced {@code graphql} blocks of a Markdown file. */
final class ReferenceDocs {

	private ReferenceDocs() {
	}

	/** @param markdown the text @return each document, comments removed */
	static List<String> extract(String markdown) {
		List<String> docs = new ArrayList<>();
		boolean inBlock = false;
		StringBuilder current = new StringBuilder();
		int depth = 0;
		for (String line : markdown.split("\n")) {
			if (line.startsWith("```")) {
				inBlock = !inBlock && line.startsWith("```graphql");
				continue;
			}
			if (!inBlock) {
				continue;
			}
			String code = line.replaceAll("(\\})\\s+#.*$", "$1");
			if (code.isBlank() && depth == 0) {
				continue;
			}
			current.append(code).append('\n');
			for (char c : code.toCharArray()) {
				depth += c == '{' ? 1 : c == '}' ? -1 : 0;
			}
			if (depth == 0 && current.indexOf("{") >= 0) {
				docs.add(current.toString().strip());
				current.setLength(0);
			}
		}
		return docs;
	}
}
