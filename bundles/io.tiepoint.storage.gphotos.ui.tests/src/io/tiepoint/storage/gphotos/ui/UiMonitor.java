/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.wizard.ProgressMonitorPart;
import org.eclipse.swt.widgets.Display;

/**
 * A job's monitor shown in a progress part, as the Progress view shows it (its task, the line the ingest reports
 * twice a second): every call goes to the UI thread.
 */
final class UiMonitor extends NullProgressMonitor {

	private final ProgressMonitorPart part;
	private final Display display;

	UiMonitor(ProgressMonitorPart part, Display display) {
		this.part = part;
		this.display = display;
	}

	private void ui(Runnable r) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (!part.isDisposed()) {
					r.run();
				}
			});
		}
	}

	@Override
	public void beginTask(String name, int totalWork) {
		ui(() -> part.beginTask(name, totalWork == IProgressMonitor.UNKNOWN ? IProgressMonitor.UNKNOWN : totalWork));
	}

	@Override
	public void worked(int work) {
		ui(() -> part.worked(work));
	}

	@Override
	public void subTask(String name) {
		ui(() -> part.subTask(name));
	}

	/** The engine's parts say done as each finishes: the part keeps the last line until the job is over. */
	@Override
	public void done() {
		// shown by the Images view
	}
}
