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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.OperationCanceledException;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;

/**
 * The direct flow: the user's own destination (a bucket, a resource server, an album), without a
 * platform. A twin of an image the project already stored (the same bytes in another file) is {@code Existing}
 * there, by the journal. Each image is first looked up by checksum where the destination can tell (S3's
 * {@code x-amz-meta-sha1}, the resource service's md5): found, it is {@code Existing} (or {@code Stored}, when
 * this project's earlier run sent it and died before recording it); otherwise it is sent, resumed from
 * the parts or the offset the destination reports, and {@code Stored} once the destination's own integrity
 * check passed (Content-MD5, the stored size and checksum). An image's key is its file name; names that
 * more than one file of the project has get the content's short checksum ({@code DJI_0001-1a2b3c4d.JPG}),
 * so two cards' {@code DJI_0001.JPG} never overwrite each other and a second run finds the same keys.
 * <p>
 * A destination whose objects exist only once committed in batches ({@link BatchCommit}: Google Photos' upload
 * tokens and media items) has the images whose bytes arrived committed by {@link Commits}: they stay
 * {@code Uploading} with their handle until a commit answers for them. An image whose bytes all arrived in an
 * earlier run is looked up by checksum before anything else: its commit may have happened.
 */
final class DirectFlow implements Flow {

	private final IngestRun run;
	private final StorageSession session;
	private final String destination;
	private final Sending sending;
	/** The batched commits, when the destination has them; else null. */
	private final Commits commits;
	/** File names that more than one file of the project has. */
	private final Set<String> ambiguous = new HashSet<>();

	/**
	 * @param run         the run
	 * @param session     a session on the destination
	 * @param destination the destination URI, as the project records it (no secret in it)
	 */
	DirectFlow(IngestRun run, StorageSession session, String destination) {
		this.run = run;
		this.session = session;
		this.destination = destination.endsWith("/") ? destination.substring(0, destination.length() - 1) : destination;
		this.sending = new Sending(run, session);
		this.commits = session.feature(BatchCommit.class).map(b -> new Commits(run, b, this::location)).orElse(null);
	}

	@Override
	public void reconcile(List<ImageEntry> candidates) throws IOException {
		Map<String, String> firstPath = new HashMap<>();
		for (ImageEntry e : run.journal.images(run.project)) {
			String before = firstPath.putIfAbsent(e.name(), e.path());
			if (before != null && !before.equals(e.path())) {
				ambiguous.add(e.name());
			}
		}
	}

	/**
	 * @param e an image with its checksum
	 * @return its key at the destination
	 */
	String key(ImageEntry e) {
		if (!ambiguous.contains(e.name())) {
			return e.name();
		}
		int dot = e.name().lastIndexOf('.');
		String stem = dot > 0 ? e.name().substring(0, dot) : e.name();
		String ext = dot > 0 ? e.name().substring(dot) : "";
		return stem + "-" + e.sha1().substring(0, 8).toLowerCase(Locale.ROOT) + ext;
	}

	@Override
	public void sendOnce(ImageEntry e) throws StorageException, IOException {
		// a twin (the same bytes in another file of the project) already there: never a second copy
		for (ImageEntry twin : run.journal.withChecksum(run.project, e.sha1())) {
			if (twin.id() != e.id() && twin.location() != null && twin.state().arrived()) {
				settle(e, Update.to(ImageState.EXISTING).location(twin.location()).error("same content as " + twin.name(),
						false));
				return;
			}
		}
		if (commits != null && commits.follow(e)) {
			return; // its twin's bytes arrived and wait for their commit: this one waits for that
		}
		FileContent content = sending.content(e);
		StorageObject object = new StorageObject(e.name(), key(e), content, e.sha1(), e.md5(),
				e.mediaType() != null ? e.mediaType() : "image/jpeg", null, null);
		Optional<ExistsByChecksum> exists = session.feature(ExistsByChecksum.class);
		boolean arrived = e.size() > 0 && e.offset() >= e.size(); // in an earlier attempt: it may be complete there
		if (exists.isPresent() && (e.resumeToken() == null || arrived)) {
			Optional<StoredObject> found = exists.get().find(object, Inspection.cancelOnly(run::canceled));
			if (found.isPresent()) {
				// an earlier run of this project sent it and ended before it could say so, or it was there already
				boolean ours = e.state() == ImageState.UPLOADING;
				settle(e, Update.to(ours ? ImageState.STORED : ImageState.EXISTING).location(location(found.get()))
						.offset(ours ? e.size() : e.offset()).error(null, false));
				return;
			}
		}
		if (e.state() != ImageState.UPLOADING) {
			run.journal.update(e.id(), Update.to(ImageState.UPLOADING).error(null, false));
		}
		String[] handle = { e.resumeToken() };
		StoredObject stored = sending.put(e, object, t -> handle[0] = t);
		if (run.canceled()) {
			throw new OperationCanceledException();
		}
		if (stored.size() != e.size() || stored.sha1() != null && !stored.sha1().equalsIgnoreCase(e.sha1())) {
			throw new StorageException(StorageException.Kind.INTEGRITY, e.name() + ": the destination holds " + stored.size()
					+ " bytes with SHA-1 " + stored.sha1() + ", sent " + e.size() + " bytes with SHA-1 " + e.sha1());
		}
		run.filesSent.incrementAndGet();
		if (commits != null) {
			if (handle[0] == null) {
				throw new StorageException(StorageException.Kind.NOT_FOUND, e.name() + ": the destination reported no"
						+ " handle of the bytes it received: send them again");
			}
			// the bytes are there, the object is not yet: Stored once a commit answers for it
			run.journal.update(e.id(), Update.fields().offset(e.size()).resumeToken(handle[0]));
			commits.add(e, object, handle[0]);
			return;
		}
		settle(e, Update.to(ImageState.STORED).location(location(stored)).offset(e.size()).resumeToken(null)
				.error(null, false));
	}

	private String location(StoredObject o) {
		return destination + "/" + o.key();
	}

	private void settle(ImageEntry e, Update u) throws JournalException {
		run.journal.update(e.id(), u);
		run.settled(1);
	}

	@Override
	public void awaitSettled() {
		if (commits != null) {
			commits.drain(new ImageSender(run, this));
		}
	}

	@Override
	public void close() {
		session.close();
	}
}
