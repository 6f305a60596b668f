/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.tiepoint.core.ingest.IngestListener;
import io.tiepoint.core.ingest.IngestProgress;
import io.tiepoint.core.ingest.Units;

/** Prints progress: a bar redrawn in place on a terminal, a plain line every few seconds otherwise. */
final class ProgressPrinter implements IngestListener {
	private final PrintWriter out;
	private final boolean terminal;
	private long lastLine;
	private boolean drawn;

	ProgressPrinter(PrintWriter out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	@Override
	public synchronized void progress(IngestProgress p) {
		String eta = p.etaSeconds() < 0 ? "" : ", " + Units.duration(p.etaSeconds()) + " left";
		String text = String.format(Locale.ROOT, "%s: %d/%d images, %s/%s, %s/s%s", p.phase(), p.filesDone(),
				p.filesTotal(), Units.bytes(p.bytesDone()), Units.bytes(p.bytesTotal()),
				Units.bytes((long) p.bytesPerSecond()), eta);
		if (terminal) {
			int width = 30;
			int filled = p.filesTotal() == 0 ? width : (int) ((long) width * p.filesDone() / p.filesTotal());
			out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + text + "\u001b[K");
			out.flush();
			drawn = true;
		} else {
			long now = System.currentTimeMillis();
			if (now - lastLine >= 5000 || p.phase().startsWith("done") || p.phase().equals("inspected")) {
				out.println(text);
				out.flush();
				lastLine = now;
			}
		}
	}

	synchronized void finish() {
		if (drawn) {
			out.println();
			drawn = false;
		}
	}
}
