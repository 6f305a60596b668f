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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.OperationCanceledException;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.storage.PlatformBinding;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.Registration;
import io.tiepoint.platform.RemoteImage;
import io.tiepoint.platform.UploadRequest;

/**
 * The platform flow of the seeds: sha1 -> {@code hasImage} -> register (the cloud's {@code uploadImage*},
 * from the provider's declared binding) -> {@code startImageUpload} -> the provider sends to the target the
 * platform handed out -> {@code doneImageUpload} -> the platform's verification -> {@code Ready} |
 * {@code Invalid}. An image whose bytes the store acknowledged in a run that died before
 * {@code doneImageUpload} is finished with it, not sent again; twins (same checksum) are {@code Existing}.
 */
final class PlatformFlow implements Flow {

	private final IngestRun run;
	private final PlatformApi platform;
	private final StorageSession session;
	private final PlatformBinding binding;
	private final String pid;
	private final String bucket;
	private final Sending sending;
	private final VerificationFollower verification;
	/** The grant shared by the project's images, when the binding has one (else null). */
	private final Grants grants;
	/**
	 * Platform image id -> the journal entry that owns it: a twin with the same bytes is Existing (shared by the
	 * flows of every cloud of a run).
	 */
	private final Map<String, Long> claimed;

	PlatformFlow(IngestRun run, PlatformApi platform, StorageSession session, PlatformBinding binding, String pid,
			String bucket) {
		this(run, platform, session, binding, pid, bucket, new ConcurrentHashMap<>());
	}

	PlatformFlow(IngestRun run, PlatformApi platform, StorageSession session, PlatformBinding binding, String pid,
			String bucket, Map<String, Long> claimed) {
		this.claimed = claimed;
		this.run = run;
		this.platform = platform;
		this.session = session;
		this.binding = binding;
		this.pid = pid;
		this.bucket = bucket;
		this.grants = binding.sharedGrant() ? new Grants(platform, binding, pid, bucket, run::canceled) : null;
		this.sending = new Sending(run, session, grants == null ? null : grants::renewForSession);
		this.verification = new VerificationFollower(run, platform, pid);
	}

	@Override
	public void reconcile(List<ImageEntry> candidates) throws IOException {
		try {
			if (candidates.stream().anyMatch(e -> e.remoteId() != null)) {
				reconcileHalfWay(candidates);
			}
			run.journal.images(run.project).stream().filter(e -> e.remoteId() != null && e.state() != ImageState.EXISTING)
					.forEach(e -> claimed.putIfAbsent(e.remoteId(), e.id()));
		} catch (PlatformException e) {
			throw new IOException("the platform: " + e.getMessage(), e);
		}
	}

	/** Brings images an earlier run left half-way in line with what the platform says. */
	private void reconcileHalfWay(List<ImageEntry> candidates) throws PlatformException, JournalException {
		Map<String, RemoteImage> remote = new HashMap<>();
		for (RemoteImage r : call(() -> platform.allImages(pid, null))) {
			remote.put(r.id(), r);
		}
		Map<Long, Update> updates = new LinkedHashMap<>();
		for (ImageEntry e : candidates) {
			if (e.remoteId() == null) {
				continue;
			}
			RemoteImage r = remote.get(e.remoteId());
			if (r == null) {
				r = call(() -> platform.image(pid, e.remoteId())).orElse(null);
			}
			if (r == null) {
				updates.put(e.id(), Update.to(ImageState.INSPECTED).remoteId(null).offset(0).resumeToken(null).error(null, false));
			} else if (r.ready()) {
				updates.put(e.id(), Update.to(ImageState.READY).error(null, false));
			} else if (r.invalid()) {
				updates.put(e.id(), Update.to(ImageState.INVALID).error(String.join("; ", r.error()), false));
			} else if ("Uploaded".equals(r.state())) {
				updates.put(e.id(), Update.to(ImageState.UPLOADED));
			}
		}
		run.journal.updateBatch(updates);
		if (!updates.isEmpty()) {
			run.notes.add("reconciled " + updates.size() + " image(s) with the platform");
		}
	}

	@Override
	public void start() {
		verification.start();
	}

	@Override
	public boolean follow(ImageEntry e) {
		if (e.state() != ImageState.UPLOADED) {
			return false;
		}
		verification.await(e.id());
		return true;
	}

	@Override
	public void sendOnce(ImageEntry e) throws PlatformException, StorageException, IOException {
		if (e.remoteId() == null) {
			Optional<RemoteImage> has = call(() -> platform.hasImage(pid, e.sha1()));
			if (has.isPresent() && has.get().ready()) {
				settle(e, Update.to(ImageState.EXISTING).remoteId(has.get().id()).error(null, false));
				return;
			}
		}
		// a shared grant (STS) is asked for on its own; while it is valid, registrations ask only for the image
		Map<String, String> shared = grants == null ? null : grants.fresh();
		Registration reg = call(() -> platform.register(new UploadRequest(binding.mutation(), binding.bucketType(), pid,
				binding.buckets() ? bucket : null, e.name(), imageType(e), e.sha1(), shared != null ? "" : binding.payload())));
		Map<String, String> grant = shared != null ? shared : reg.grant();
		RemoteImage img = reg.image();
		Long owner = claimed.putIfAbsent(img.id(), e.id());
		if (owner != null && owner != e.id()) {
			String twin = run.journal.image(owner).map(ImageEntry::name).orElse("another image");
			settle(e, Update.to(ImageState.EXISTING).remoteId(img.id()).error("same content as " + twin, false));
			return;
		}
		if (shared == null && reg.url() == null && reg.grant().isEmpty() || img.ready() || "Uploaded".equals(img.state())) {
			if (img.ready()) {
				// the platform holds it already, perhaps on another cloud: the journal keeps the cloud it knows
				settle(e, Update.to(ImageState.READY).remoteId(img.id()).error(null, false));
			} else {
				run.journal.update(e.id(), Update.to(ImageState.UPLOADED).remoteId(img.id()).error(null, false));
				verification.await(e.id());
			}
			return;
		}
		if (e.state() == ImageState.UPLOADING && img.id().equals(e.remoteId()) && e.size() > 0 && e.offset() >= e.size()) {
			// the store acknowledged every byte in an earlier run that ended before doneImageUpload
			try {
				done(e, call(() -> platform.doneImageUpload(img.id())));
				return;
			} catch (PlatformException pe) {
				if (pe.retryable()) {
					throw pe;
				}
				// the platform does not see the object: send it again
			}
		}
		if (e.state() != ImageState.UPLOADING || !img.id().equals(e.remoteId())) {
			run.journal.update(e.id(), Update.to(ImageState.REGISTERED).remoteId(img.id()).cloud(binding.cloud()));
		}
		call(() -> platform.startImageUpload(img.id()));
		run.journal.update(e.id(), Update.to(ImageState.UPLOADING).remoteId(img.id()).cloud(binding.cloud()));
		FileContent content = sending.content(e);
		StorageObject object = new StorageObject(e.name(), img.filename() == null ? e.name() : pid + "/" + img.filename(),
				content, e.sha1(), e.md5(), e.mediaType() != null ? e.mediaType() : "image/jpeg", reg.url(), reg.expires(),
				grant);
		try {
			sending.put(e, object);
		} catch (StorageException se) {
			if (grants != null && se.kind() == StorageException.Kind.EXPIRED) {
				grants.expired(grant); // the next attempt asks for a fresh one
			}
			throw se;
		}
		if (run.canceled()) {
			throw new OperationCanceledException();
		}
		run.filesSent.incrementAndGet();
		done(e, call(() -> platform.doneImageUpload(img.id())));
	}

	/** Records what the platform said to doneImageUpload. */
	private void done(ImageEntry e, RemoteImage img) throws JournalException {
		if (img.ready()) {
			settle(e, Update.to(ImageState.READY).offset(e.size()).error(null, false));
		} else if (img.invalid()) {
			settle(e, Update.to(ImageState.INVALID).offset(e.size()).error(String.join("; ", img.error()), false));
		} else {
			run.journal.update(e.id(), Update.to(ImageState.UPLOADED).offset(e.size()).error(null, false));
			verification.await(e.id());
		}
	}

	private void settle(ImageEntry e, Update u) throws JournalException {
		run.journal.update(e.id(), u);
		run.settled(1);
	}

	private static String imageType(ImageEntry e) {
		return e.mediaType() == null ? null : switch (e.mediaType()) {
		case "image/tiff" -> "TIFF";
		case "image/png" -> "PNG";
		default -> "JPEG";
		};
	}

	private <T> T call(Backoff.Call<T> c) throws PlatformException {
		return Backoff.retrying(c, run::canceled);
	}

	@Override
	public void awaitSettled() throws InterruptedException {
		verification.join();
		if (grants != null) {
			run.notes.add("asked the platform for " + grants.requests() + " " + binding.mutation() + " grant(s)");
		}
	}

	/** @return the images of this cloud it no longer follows (see {@link VerificationFollower#releaseAll()}) */
	List<Long> releaseVerification() {
		return verification.releaseAll();
	}

	/** @return how many of its images wait for the platform's verification */
	int verifying() {
		return verification.waiting();
	}

	/** @return the cloud this flow registers for */
	String cloud() {
		return binding.cloud();
	}

	@Override
	public void close() {
		session.close();
		platform.close();
	}
}
