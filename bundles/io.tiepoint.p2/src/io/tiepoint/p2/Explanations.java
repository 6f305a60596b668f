/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.p2;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;

/** Turns p2's nested statuses into lines a user can read: the requirement that is missing, the conflict. */
final class Explanations {

	private Explanations() {
	}

	/**
	 * @param what    what could not be done
	 * @param status  the planner's or engine's status
	 * @param details the operation's resolution details, or null
	 * @return "what: reason" and one indented line per distinct cause
	 */
	static String of(String what, IStatus status, String details) {
		Set<String> lines = new LinkedHashSet<>();
		collect(status, lines);
		if (status.isMultiStatus() && lines.size() > 1) {
			lines.remove(status.getMessage().strip()); // a heading such as "Operation details": the children say why
		}
		if (lines.size() <= 1 && details != null && !details.isBlank()) {
			details.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
		}
		StringBuilder b = new StringBuilder(what);
		String sep = ": ";
		for (String l : lines) {
			b.append(sep).append(l);
			sep = "\n  ";
		}
		return b.toString();
	}

	private static void collect(IStatus status, Set<String> lines) {
		if (status.getSeverity() == IStatus.OK || status.getSeverity() == IStatus.INFO) {
			return;
		}
		if (status.getMessage() != null && !status.getMessage().isBlank()) {
			lines.add(status.getMessage().strip());
		}
		if (status.getException() != null && status.getException().getMessage() != null) {
			lines.add(status.getException().getMessage().strip());
		}
		for (IStatus child : status.getChildren()) {
			collect(child, lines);
		}
	}
}
