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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.BatchCommit.Outcome;
import io.tiepoint.core.storage.BatchCommit.Pending;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;

/**
 * The commits of a destination whose objects exist only once committed, several at a time
 * ({@link BatchCommit}). An image whose bytes arrived waits here ({@code Uploading}, every byte acknowledged, the
 * handle as its resume token in the journal); a full batch is committed by the transfer that filled it, the rest
 * when the transfers are over ({@link #drain}). An image is {@code Stored} only once a commit answered for it.
 * One whose handle the destination no longer knows is sent again (looked up by checksum first, so that a commit
 * whose answer was lost never makes a second copy); one the destination refuses for good is {@code Failed}. A
 * run that ends before its commits leaves the handles in the journal, and the next run commits them.
 */
final class Commits {

	/** Attempts of one commit call that fails as a whole and transiently. */
	private static final int CALL_ATTEMPTS = 5;

	private final IngestRun run;
	private final BatchCommit commit;
	private final Function<StoredObject, String> location;
	/** Images whose bytes arrived, in the order they did; guarded by this. */
	private final List<Waiting> waiting = new ArrayList<>();
	/** Images to send again (their handles were refused), once the transfers are over. */
	private final Queue<Long> again = new ConcurrentLinkedQueue<>();
	/** Checksum -> the image of that content waiting to be committed; guarded by this. */
	private final Map<String, Long> leaders = new HashMap<>();
	/** Checksum -> twins (the same bytes in other files) waiting for that image; guarded by this. */
	private final Map<String, List<ImageEntry>> twins = new HashMap<>();

	private record Waiting(ImageEntry image, Pending pending) {
	}

	/**
	 * @param run      the run
	 * @param commit   the session's capability
	 * @param location an image's location from what the destination stored
	 */
	Commits(IngestRun run, BatchCommit commit, Function<StoredObject, String> location) {
		this.run = run;
		this.commit = commit;
		this.location = location;
	}

	/**
	 * An image whose bytes arrived: committed with the next full batch, or by {@link #drain}.
	 *
	 * @param e      the image
	 * @param object what was sent
	 * @param handle the handle its upload reported
	 */
	void add(ImageEntry e, StorageObject object, String handle) {
		List<Waiting> full = null;
		synchronized (this) {
			leaders.put(e.sha1(), e.id());
			waiting.add(new Waiting(e, new Pending(object, handle)));
			if (waiting.size() >= size()) {
				full = take();
			}
		}
		if (full != null) {
			commit(full);
		}
	}

	/**
	 * A twin of an image waiting to be committed (the same bytes in another file) waits for it: it is
	 * {@code Existing} where that one is stored, or sent itself when that one is not.
	 *
	 * @param e an image about to be sent
	 * @return true when it waits for its twin
	 */
	synchronized boolean follow(ImageEntry e) {
		Long leader = leaders.get(e.sha1());
		if (leader == null || leader == e.id()) {
			return false;
		}
		twins.computeIfAbsent(e.sha1(), k -> new ArrayList<>()).add(e);
		return true;
	}

	/**
	 * Commits what waits, and sends the images whose handles were refused again through the sender (which
	 * brings them back here), until nothing is left or the run is canceled.
	 *
	 * @param sender the run's sender
	 */
	void drain(ImageSender sender) {
		while (!run.canceled()) {
			List<Waiting> batch;
			synchronized (this) {
				batch = take();
			}
			if (!batch.isEmpty()) {
				commit(batch);
				continue;
			}
			Long id = again.poll();
			if (id == null) {
				return;
			}
			try {
				run.journal.image(id).ifPresent(sender::send);
			} catch (JournalException je) {
				stop(je);
				return;
			}
		}
	}

	private int size() {
		return Math.max(1, commit.batchSize());
	}

	/** @return up to one batch from the head of the queue, removed from it (under the lock) */
	private List<Waiting> take() {
		List<Waiting> head = waiting.subList(0, Math.min(size(), waiting.size()));
		List<Waiting> batch = new ArrayList<>(head);
		head.clear();
		return batch;
	}

	private void commit(List<Waiting> batch) {
		List<Pending> pending = batch.stream().map(Waiting::pending).toList();
		List<Outcome> outcomes = null;
		StorageException failure = null;
		for (int attempt = 1; outcomes == null; attempt++) {
			try {
				outcomes = commit.commit(pending, Inspection.cancelOnly(run::canceled));
				if (outcomes == null || outcomes.size() != batch.size()) {
					failure = new StorageException(Kind.TRANSIENT, "the destination answered " + (outcomes == null ? 0
							: outcomes.size()) + " outcome(s) to a commit of " + batch.size());
					outcomes = null;
					break;
				}
			} catch (StorageException | RuntimeException ex) {
				failure = ex instanceof StorageException se ? se : new StorageException(Kind.TRANSIENT, ex.toString(), ex);
				if (!failure.retryable() || attempt >= CALL_ATTEMPTS || run.canceled()
						|| !Backoff.sleep(Backoff.delay(attempt), run::canceled)) {
					break;
				}
			}
		}
		try {
			for (int i = 0; i < batch.size(); i++) {
				Waiting w = batch.get(i);
				if (outcomes == null) {
					callFailed(w, failure);
				} else if (outcomes.get(i).stored() != null) {
					stored(w, outcomes.get(i).stored());
				} else {
					refused(w, outcomes.get(i).failure());
				}
			}
		} catch (JournalException je) {
			stop(je);
		}
	}

	/** The call failed as a whole: the images keep their handles; the next run commits them. */
	private void callFailed(Waiting w, StorageException failure) throws JournalException {
		if (run.canceled() || failure.kind() == Kind.CANCELED) {
			return; // resumable as it is
		}
		settle(w, Update.to(ImageState.FAILED).error(w.pending.object().name() + ": not committed: " + failure.getMessage(),
				failure.retryable()));
		releaseToSend(w.image);
	}

	private void stored(Waiting w, StoredObject s) throws JournalException {
		ImageEntry e = w.image;
		if (s.size() != e.size() || s.sha1() != null && !s.sha1().equalsIgnoreCase(e.sha1())) {
			settle(w, Update.to(ImageState.FAILED).error(e.name() + ": the destination committed " + s.size()
					+ " bytes with SHA-1 " + s.sha1() + ", sent " + e.size() + " bytes with SHA-1 " + e.sha1(), false));
			releaseToSend(e);
			return;
		}
		String at = location.apply(s);
		settle(w, Update.to(ImageState.STORED).location(at).offset(e.size()).resumeToken(null).error(null, false));
		for (ImageEntry twin : released(e)) {
			run.journal.update(twin.id(), Update.to(ImageState.EXISTING).location(at).error("same content as " + e.name(),
					false));
			run.settled(1);
		}
	}

	/** @return the twins that waited for the image, no longer waiting; the image no longer leads its content */
	private synchronized List<ImageEntry> released(ImageEntry e) {
		leaders.remove(e.sha1(), e.id());
		List<ImageEntry> t = twins.remove(e.sha1());
		return t == null ? List.of() : t;
	}

	/** The image was not stored: the twins that waited for it are sent themselves (looked up first). */
	private void releaseToSend(ImageEntry e) {
		released(e).forEach(t -> again.add(t.id()));
	}

	private void refused(Waiting w, StorageException f) throws JournalException {
		ImageEntry e = run.journal.image(w.image.id()).orElse(w.image);
		int attempts = e.attempts() + 1;
		String message = f.getMessage() == null ? f.kind().toString() : f.getMessage();
		if (f.kind() == Kind.CANCELED) {
			return;
		}
		if (!f.retryable() || attempts >= run.options.maxAttempts()) {
			settle(w, Update.to(ImageState.FAILED).error(message, f.retryable()).attempts(attempts));
			releaseToSend(e);
			return;
		}
		if (f.kind() == Kind.TRANSIENT || f.kind() == Kind.BUSY) {
			// the handle is still good: commit it again, after a pause
			run.journal.update(e.id(), Update.fields().attempts(attempts).error(message, true));
			Backoff.sleep(Backoff.delay(attempts), run::canceled);
			synchronized (this) {
				waiting.add(w);
			}
			return;
		}
		// the destination no longer knows the handle: look the image up, and send it again when it is not there
		run.journal.update(e.id(), Update.fields().attempts(attempts).error(message, true).resumeToken(null).offset(0));
		again.add(e.id());
		releaseToSend(e);
	}

	private void settle(Waiting w, Update u) throws JournalException {
		run.journal.update(w.image.id(), u);
		run.settled(1);
	}

	private void stop(JournalException je) {
		run.notes.add("journal failure while committing: " + je.getMessage());
		run.stopping = true; // the journal is the truth: without it nothing may go on
	}
}
