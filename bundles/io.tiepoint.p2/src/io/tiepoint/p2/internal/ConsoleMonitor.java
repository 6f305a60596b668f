/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.p2.internal;

import java.io.PrintWriter;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;

/** Progress on the error stream: the task, then a line with the percentage when the sub-task changes. */
final class ConsoleMonitor extends NullProgressMonitor {
	private final PrintWriter err;
	private int total;
	private double worked;
	private String last = "";

	ConsoleMonitor(PrintWriter err) {
		this.err = err;
	}

	@Override
	public void beginTask(String name, int totalWork) {
		total = totalWork;
		if (name != null && !name.isBlank()) {
			print(name);
		}
	}

	@Override
	public void worked(int work) {
		internalWorked(work);
	}

	@Override
	public void internalWorked(double work) {
		worked += work;
	}

	@Override
	public void subTask(String name) {
		if (name != null && !name.isBlank()) {
			print(name);
		}
	}

	@Override
	public void setTaskName(String name) {
		subTask(name);
	}

	private void print(String text) {
		String line = text.strip();
		if (line.equals(last)) {
			return;
		}
		last = line;
		int pct = total <= 0 ? 0 : (int) Math.min(100, Math.round(100 * worked / total));
		err.println(String.format(Locale.ROOT, "[%3d%%] %s", pct, line));
		err.flush();
	}
}
