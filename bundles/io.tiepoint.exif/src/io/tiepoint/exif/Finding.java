/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

import java.util.Objects;

/**
 * One quality-control result about one file (or about the set, then {@code path} names the file the
 * finding is attached to). Findings are results, not failures.
 *
 * @param id       stable identifier, one of {@link FindingIds}
 * @param severity how serious the finding is
 * @param message  human readable text that names the file and the reason
 * @param path     the file the finding is about, as given to the inspector
 */
public record Finding(String id, Severity severity, String message, String path) {

	/** How serious a finding is. */
	public enum Severity {
		/** The file is unusable or breaks the set (for example truncated or not an image). */
		ERROR,
		/** The file is usable but suspicious (for example no GPS or a duplicate). */
		WARNING,
		/** A classification or remark (for example nadir or oblique). */
		INFO
	}

	/** Validates that no component is null. */
	public Finding {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(path, "path");
	}

	/**
	 * Creates a finding whose message is {@code "<file name>: <reason>"}.
	 *
	 * @param id       stable identifier
	 * @param severity severity
	 * @param path     file path as given
	 * @param reason   why, without the file name
	 * @return the finding
	 */
	public static Finding of(String id, Severity severity, String path, String reason) {
		return new Finding(id, severity, displayName(path) + ": " + reason, path);
	}

	/**
	 * @param path a path as text
	 * @return its last segment, unchanged
	 */
	public static String fileName(String path) {
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
	}

	/**
	 * @param path a path as text
	 * @return the last path segment with control characters escaped so that it prints on one line
	 */
	public static String displayName(String path) {
		String name = fileName(path);
		StringBuilder sb = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '\n') {
				sb.append("\\n");
			} else if (c == '\r') {
				sb.append("\\r");
			} else if (c == '\t') {
				sb.append("\\t");
			} else if (Character.isISOControl(c)) {
				sb.append(String.format("\\u%04x", (int) c));
			} else {
				sb.append(c);
			}
		}
		return sb.toString();
	}
}
