/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Workspace;

/** What a run would send, and how long it would take at the link rate last measured: sends nothing. */
final class DryRun {

	private DryRun() {
	}

	static IngestSummary estimate(Workspace ws, IngestOptions options, String project, List<ImageEntry> all,
			List<ImageEntry> candidates, List<String> failures, long t0) throws JournalException {
		long bytes = candidates.stream().mapToLong(ImageEntry::size).sum();
		double gp = candidates.stream().filter(e -> e.width() != null && e.height() != null)
				.mapToDouble(e -> e.width() * (double) e.height() / 1e9).sum();
		List<String> notes = new ArrayList<>();
		notes.add(String.format(Locale.ROOT, "would send %d image(s), %.3f GP, %s", candidates.size(), gp,
				Units.bytes(bytes)));
		Optional<Double> rate = new LinkRate(ws.stateDir()).read();
		if (rate.isPresent() && rate.get() > 0) {
			double r = options.limitRate() > 0 ? Math.min(rate.get(), options.limitRate()) : rate.get();
			notes.add(String.format(Locale.ROOT, "estimated time: %s at %s/s (the link as last measured%s)",
					Units.duration(bytes / r), Units.bytes((long) r), options.limitRate() > 0 ? ", limited" : ""));
		} else {
			notes.add("estimated time: unknown (no upload measured from this workspace yet)");
		}
		long rejected = all.stream().filter(e -> e.state() == ImageState.REJECTED && !options.includeRejected()).count();
		if (rejected > 0) {
			notes.add(rejected + " rejected image(s) would not be sent (--include-rejected sends them)");
		}
		return new IngestSummary(project, ws.journal().counts(project), candidates.size(), 0, 0, bytes, gp,
				(System.nanoTime() - t0) / 1e9, failures, notes);
	}
}
