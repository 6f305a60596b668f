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

import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * Sends one image's bytes through a storage session, for both flows: the capability the session offers
 * (offset-resumable > multipart above its threshold, without a platform URL > single put), the journal kept
 * up to date with what the destination acknowledged and how to resume, the bytes counted.
 */
final class Sending {

	/** Where a session's fresh grants come from ({@link TransferListener#renewGrant(Map)}). */
	@FunctionalInterface
	interface Renewal {
		Map<String, String> renew(Map<String, String> stale) throws StorageException;
	}

	private final IngestRun run;
	private final StorageSession session;
	private final Renewal renewal;

	Sending(IngestRun run, StorageSession session) {
		this(run, session, null);
	}

	/**
	 * @param run     the run
	 * @param session the destination
	 * @param renewal fresh grants for the sessions, or null when there are none to be had
	 */
	Sending(IngestRun run, StorageSession session, Renewal renewal) {
		this.run = run;
		this.session = session;
		this.renewal = renewal;
	}

	/**
	 * @param e the image
	 * @return its bytes, counted and limited by the run
	 * @throws StorageException {@code PERMANENT} when the file cannot be read any more
	 */
	FileContent content(ImageEntry e) throws StorageException {
		Path file = Path.of(e.path());
		if (!Files.isReadable(file)) {
			throw new StorageException(StorageException.Kind.PERMANENT, file + ": cannot be read any more");
		}
		return new FileContent(file, e.size(), run.limiter, run::gave, run::canceled);
	}

	/**
	 * Sends the object, recording each acknowledged offset and the resume token in the journal.
	 *
	 * @param e      the image
	 * @param object what to send (its content from {@link #content(ImageEntry)})
	 * @return what the destination holds
	 * @throws StorageException when the destination fails or the run is canceled ({@code CANCELED})
	 */
	StoredObject put(ImageEntry e, StorageObject object) throws StorageException {
		return put(e, object, t -> {
		});
	}

	/**
	 * Sends the object as {@link #put(ImageEntry, StorageObject)} does, and also hands each resume token the
	 * provider reports to {@code tokens} (the last one is the handle of a {@link io.tiepoint.core.storage.BatchCommit}).
	 *
	 * @param e      the image
	 * @param object what to send
	 * @param tokens receives the resume tokens, in order
	 * @return what the destination holds
	 * @throws StorageException when the destination fails or the run is canceled ({@code CANCELED})
	 */
	StoredObject put(ImageEntry e, StorageObject object, Consumer<String> tokens) throws StorageException {
		FileContent content = (FileContent) object.content();
		long t0 = System.nanoTime();
		try {
			return send(object, e.resumeToken(), journaling(e.id(), tokens));
		} finally {
			run.sendNanos.addAndGet(System.nanoTime() - t0);
			try {
				run.journal.update(e.id(), Update.fields().bytesSent(e.bytesSent() + content.given()));
			} catch (JournalException ignored) {
				// a statistic
			}
		}
	}

	private StoredObject send(StorageObject object, String resumeToken, TransferListener listener) throws StorageException {
		IProgressMonitor m = Inspection.cancelOnly(run::canceled);
		try {
			Optional<OffsetResumable> offset = session.feature(OffsetResumable.class);
			if (offset.isPresent()) {
				return offset.get().upload(object, resumeToken, listener, m);
			}
			Optional<MultipartPut> multi = session.feature(MultipartPut.class);
			if (multi.isPresent() && object.url() == null && object.size() >= multi.get().threshold()) {
				return multi.get().upload(object, resumeToken, listener, m);
			}
			SinglePut single = session.feature(SinglePut.class).orElseThrow(() -> new StorageException(
					StorageException.Kind.PERMANENT, "the destination cannot take " + object.name() + " (no way to send it)"));
			return single.put(object, listener, m);
		} catch (RuntimeException re) {
			if (re.getCause() instanceof InterruptedIOException || run.canceled()) {
				throw new StorageException(StorageException.Kind.CANCELED, object.name() + ": canceled", re);
			}
			throw new StorageException(StorageException.Kind.TRANSIENT, object.name() + ": " + re, re);
		}
	}

	private TransferListener journaling(long id, Consumer<String> tokens) {
		return new TransferListener() {
			@Override
			public void committed(long offset) {
				try {
					run.journal.update(id, Update.fields().offset(offset));
				} catch (JournalException je) {
					// the next committed offset or the final state is written; the destination stays the truth
				}
			}

			@Override
			public Map<String, String> renewGrant(Map<String, String> stale) throws StorageException {
				return renewal != null ? renewal.renew(stale) : TransferListener.super.renewGrant(stale);
			}

			@Override
			public void resumeToken(String token) {
				tokens.accept(token);
				try {
					run.journal.update(id, Update.fields().resumeToken(token));
				} catch (JournalException je) {
					// without it the next run asks the destination from the start
				}
			}
		};
	}
}
