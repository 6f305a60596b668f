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

import java.io.IOException;

import org.eclipse.core.runtime.OperationCanceledException;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.platform.PlatformException;

/**
 * Takes one image through its flow with the image's own retries: a transient failure waits a backoff with
 * jitter and tries again (an expired target at once), up to {@code maxAttempts}; a permanent one, or the
 * last attempt, leaves the image {@code Failed} with the reason and whether a later retry can help. A
 * destination that says another client is writing the same content ({@code BUSY}: a lease, perhaps of this
 * workspace's own run that was killed) is asked again for up to twice the stall timeout without using up
 * attempts: the lease lapses in that time.
 */
final class ImageSender {

	private final IngestRun run;
	private final Flow flow;

	ImageSender(IngestRun run, Flow flow) {
		this.run = run;
		this.flow = flow;
	}

	void send(ImageEntry first) {
		ImageEntry e = first;
		int attempt = e.attempts();
		long busyUntil = 0;
		while (!run.canceled()) {
			try {
				flow.sendOnce(e);
				return;
			} catch (OperationCanceledException oce) {
				return;
			} catch (PlatformException | StorageException | IOException ex) {
				run.firstOut.open(); // the first image's attempt failed: the other transfers go meanwhile
				if (run.canceled()) {
					return;
				}
				boolean retryable = ex instanceof PlatformException pe ? pe.retryable()
						: ex instanceof StorageException se ? se.retryable() : !(ex instanceof JournalException);
				boolean expired = ex instanceof StorageException se && se.kind() == StorageException.Kind.EXPIRED;
				boolean busy = ex instanceof StorageException se && se.kind() == StorageException.Kind.BUSY;
				if (busy) {
					busyUntil = busyUntil == 0 ? System.currentTimeMillis() + 2 * run.options.stallTimeout().toMillis() : busyUntil;
					if (System.currentTimeMillis() < busyUntil) {
						if (!Backoff.sleep(Backoff.delay(6), run::canceled)) {
							return;
						}
						continue;
					}
				}
				attempt++;
				String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
				try {
					if (!retryable || attempt >= run.options.maxAttempts()) {
						run.journal.update(e.id(), Update.to(ImageState.FAILED).error(message, retryable).attempts(attempt));
						run.settled(1);
						return;
					}
					Update retry = Update.fields().attempts(attempt).error(message, true);
					if (ex instanceof StorageException se && se.kind() == StorageException.Kind.NOT_FOUND) {
						retry.resumeToken(null).offset(0); // the upload is gone at the destination: start it anew
					}
					run.journal.update(e.id(), retry);
					if (!expired && !Backoff.sleep(Backoff.delay(attempt), run::canceled)) {
						return;
					}
					e = run.journal.image(e.id()).orElse(e);
				} catch (JournalException je) {
					run.notes.add(e.name() + ": journal failure: " + je.getMessage());
					run.stopping = true; // the journal is the truth: without it nothing may go on
					return;
				}
			}
		}
	}
}
