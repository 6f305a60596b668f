/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A destination where an object exists only once it is committed, and commits take several objects at a
 * time (Google Photos: the bytes become an upload token, then up to 50 tokens a call become media items).
 * <p>
 * The bytes are sent with the session's other capabilities; the <b>last resume token</b> the upload reported
 * ({@link TransferListener#resumeToken(String)}) is the <i>handle</i> of the bytes that arrived. Sending an
 * object again with its handle as the resume token sends nothing and reports the handle again, as long as the
 * destination knows it. Until {@link #commit} answers for an object, it is not stored: the engine keeps the
 * handle in the journal (an image stays {@code Uploading}, every byte acknowledged) and commits it later in the
 * run, or in the next run when this one ends first.
 * <p>
 * A handle the destination no longer knows (expired, used by a commit whose answer was lost) comes back as a
 * failure of kind {@code NOT_FOUND} or {@code EXPIRED}: the engine looks the object up by checksum
 * ({@link ExistsByChecksum}) and, when it is not there, sends the bytes again.
 */
public interface BatchCommit {

	/** @return how many objects one {@link #commit} takes at most (at least 1) */
	int batchSize();

	/**
	 * Commits objects whose bytes the destination holds, in one call.
	 *
	 * @param batch   at most {@link #batchSize()} objects, each with its handle
	 * @param monitor cancellation
	 * @return one outcome per object of the batch, in its order
	 * @throws StorageException when the call failed as a whole: no outcome is known (the kind says whether to
	 *                          try again)
	 */
	List<Outcome> commit(List<Pending> batch, IProgressMonitor monitor) throws StorageException;

	/**
	 * An object whose bytes arrived, waiting to be committed.
	 *
	 * @param object what was sent
	 * @param handle the last resume token its upload reported
	 */
	record Pending(StorageObject object, String handle) {
		/** Checks the parts. */
		public Pending {
			Objects.requireNonNull(object, "object");
			Objects.requireNonNull(handle, "handle");
		}
	}

	/**
	 * What became of one object: exactly one of the two is set.
	 *
	 * @param stored  the object as the destination now holds it (its key is where it is)
	 * @param failure why it was not committed; its kind says whether to send it again
	 */
	record Outcome(StoredObject stored, StorageException failure) {
		/** Checks that exactly one is set. */
		public Outcome {
			if ((stored == null) == (failure == null)) {
				throw new IllegalArgumentException("an outcome is either stored or a failure");
			}
		}

		/**
		 * @param stored the object as stored
		 * @return a success
		 */
		public static Outcome of(StoredObject stored) {
			return new Outcome(stored, null);
		}

		/**
		 * @param failure why it was not committed
		 * @return a failure
		 */
		public static Outcome failed(StorageException failure) {
			return new Outcome(null, failure);
		}
	}
}
