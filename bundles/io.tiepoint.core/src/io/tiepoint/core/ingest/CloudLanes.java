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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.platform.PlatformException;

/**
 * The platform flow over several clouds of one hub, in order: each image goes to the first cloud that is up;
 * a cloud that keeps failing ({@code after} transfer failures in a row without a success, or credentials
 * refused) is marked down and the images not yet stored move to the next one, whose registration the hub
 * takes as the newest (seeds: re-upload); a down cloud is tried again after {@code reprobe}. With
 * {@code auto}, the first images are spread over the clouds and each is timed: the probe is real work, nothing
 * is sent twice; then the clouds are ordered by the throughput they showed. The journal records each image's
 * cloud; the run's notes say what was measured, what went down, and how many images went where.
 */
final class CloudLanes implements Flow {

	/** One cloud of the run. Guarded by the lanes' lock. */
	static final class Lane {
		final PlatformFlow flow;
		int failuresInARow;
		long downUntil;
		int inFlight;
		int samples;
		long bytes;
		long nanos;
		int stored;

		Lane(PlatformFlow flow) {
			this.flow = flow;
		}

		String cloud() {
			return flow.cloud();
		}

		double mbPerSecond() {
			return nanos == 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
		}
	}

	private final IngestRun run;
	private final List<Lane> lanes;
	private final int after;
	private final long reprobeNanos;
	private boolean probing;
	private final List<Thread> resending = new ArrayList<>();

	/**
	 * @param run     the run
	 * @param flows   a flow per cloud, in the order to use them
	 * @param auto    measure the clouds on the first images and order them by throughput
	 * @param after   transfer failures in a row that mark a cloud down
	 * @param reprobe seconds before a down cloud is tried again
	 */
	CloudLanes(IngestRun run, List<PlatformFlow> flows, boolean auto, int after, long reprobe) {
		this.run = run;
		this.lanes = new ArrayList<>(flows.stream().map(Lane::new).toList());
		this.probing = auto && flows.size() > 1;
		this.after = Math.max(1, after);
		this.reprobeNanos = reprobe * 1_000_000_000L;
		run.verifying = () -> flows.stream().mapToInt(PlatformFlow::verifying).sum();
	}

	@Override
	public void reconcile(List<ImageEntry> candidates) throws IOException {
		lanes.get(0).flow.reconcile(candidates); // the hub's view of the project: one look serves every cloud
	}

	@Override
	public void start() {
		lanes.forEach(l -> l.flow.start());
	}

	@Override
	public boolean follow(ImageEntry e) {
		return lane(e.cloud()).flow.follow(e);
	}

	@Override
	public void sendOnce(ImageEntry first) throws PlatformException, StorageException, IOException {
		Lane lane = pick();
		ImageEntry e = first;
		if (e.cloud() != null && !e.cloud().equals(lane.cloud()) && (e.resumeToken() != null || e.offset() > 0)) {
			// what the other cloud holds of it is abandoned: the hub takes the newest registration
			run.journal.update(e.id(), Update.fields().resumeToken(null).offset(0));
			e = run.journal.image(e.id()).orElse(e);
		}
		long t0 = System.nanoTime();
		try {
			lane.flow.sendOnce(e);
		} catch (StorageException | PlatformException ex) {
			Exception out = failed(lane, ex);
			if (out instanceof StorageException se) {
				throw se;
			}
			throw (PlatformException) out;
		} finally {
			synchronized (this) {
				lane.inFlight--;
			}
		}
		ImageEntry now = run.journal.image(e.id()).orElse(e);
		// bytes went to this cloud in this attempt (not an image the hub already held, not a twin)
		boolean sent = now.bytesSent() > e.bytesSent() && now.state() != ImageState.EXISTING;
		succeeded(lane, sent ? e.size() : 0, System.nanoTime() - t0);
		if (now.state() == ImageState.UPLOADED && down(lane)) {
			resend(lane); // its bytes went to the cloud just before it went down: the hub may never read them
		}
	}

	private synchronized boolean down(Lane lane) {
		return lane.downUntil > System.nanoTime();
	}

	private synchronized Lane pick() {
		long now = System.nanoTime();
		List<Lane> up = lanes.stream().filter(l -> l.downUntil <= now).toList();
		Lane chosen;
		if (up.isEmpty()) {
			chosen = lanes.stream().min(Comparator.comparingLong(l -> l.downUntil)).orElseThrow();
		} else if (probing) {
			chosen = up.stream().filter(l -> l.samples == 0).min(Comparator.comparingInt(l -> l.inFlight))
					.orElse(up.get(0));
		} else {
			chosen = up.get(0);
		}
		chosen.inFlight++;
		return chosen;
	}

	private synchronized void succeeded(Lane lane, long bytes, long nanos) {
		lane.failuresInARow = 0;
		if (bytes > 0) {
			lane.stored++;
			lane.bytes += bytes;
			lane.nanos += nanos;
			lane.samples++;
		}
		if (probing && lanes.stream().allMatch(l -> l.samples > 0 || l.downUntil > 0)) {
			probing = false;
			List<Lane> measured = new ArrayList<>(lanes);
			measured.sort(Comparator.comparingDouble(Lane::mbPerSecond).reversed());
			lanes.clear();
			lanes.addAll(measured);
			run.notes.add("cloud auto: " + lanes.stream().map(l -> String.format(Locale.ROOT, "%s %.1f MB/s (%d image(s))",
					l.cloud(), l.mbPerSecond(), l.samples)).collect(Collectors.joining(", ")) + ": " + lanes.get(0).cloud()
					+ " first");
		}
	}

	/** Counts a failure against the cloud; once it is down, an image it refused is retried on the next one. */
	private synchronized Exception failed(Lane lane, Exception ex) {
		boolean refused = ex instanceof StorageException se && se.kind() == StorageException.Kind.UNAUTHORIZED
				|| ex instanceof PlatformException pe && pe.kind() == PlatformException.Kind.REJECTED
						&& pe.code() != null && (pe.code().contains("CLOUD") || pe.code().contains("BUCKET"));
		boolean store = ex instanceof StorageException se && se.kind() != StorageException.Kind.CANCELED
				&& se.kind() != StorageException.Kind.BUSY;
		if (!refused && !store) {
			return ex; // the hub itself failed, or the image: not the cloud's doing
		}
		lane.failuresInARow++;
		if (lane.downUntil <= System.nanoTime() && (refused || lane.failuresInARow >= after) && lanes.size() > 1) {
			lane.downUntil = System.nanoTime() + reprobeNanos;
			Lane next = lanes.stream().filter(l -> l.downUntil <= System.nanoTime()).findFirst().orElse(null);
			run.notes.add("cloud " + lane.cloud() + " marked down after " + lane.failuresInARow + " failure(s) in a row ("
					+ ex.getMessage() + "); " + (next == null ? "every cloud is down"
							: "the images not yet stored go to "
									+ next.cloud())
					+ "; " + lane.cloud() + " is tried again in " + reprobeNanos / 1_000_000_000L + " s");
			if (next != null) {
				resend(lane);
			}
		}
		if (refused && lanes.stream().anyMatch(l -> l != lane && l.downUntil <= System.nanoTime())) {
			return new StorageException(StorageException.Kind.TRANSIENT, lane.cloud() + " refused it (" + ex.getMessage()
					+ "): it goes to another cloud", ex);
		}
		return ex;
	}

	/**
	 * The images whose bytes reached the cloud that went down but which the hub had not verified yet: it may
	 * never manage to read them, so they are sent again, to the next cloud (the hub takes the newest
	 * registration; one it had verified meanwhile is simply Ready).
	 */
	private void resend(Lane down) {
		Thread t = new Thread(() -> {
			List<Long> stuck = down.flow.releaseVerification(); // after the follower's round in progress
			if (!stuck.isEmpty()) {
				run.notes.add(stuck.size() + " image(s) " + down.cloud() + " held unverified sent again to another cloud");
			}
			for (Long id : stuck) {
				try {
					ImageEntry e = run.journal.image(id).orElse(null);
					if (e == null || e.state() != ImageState.UPLOADED || run.canceled()) {
						continue;
					}
					run.journal.update(id, Update.to(ImageState.FAILED).error("cloud " + down.cloud() + " went away before"
							+ " the hub verified it; sent again", true));
					new ImageSender(run, this).send(run.journal.image(id).orElseThrow());
				} catch (IOException e) {
					run.notes.add("cannot send image " + id + " again: " + e.getMessage());
				}
			}
		}, "tiepoint-cloud-resend");
		t.setDaemon(true);
		synchronized (resending) {
			resending.add(t);
		}
		t.start();
	}

	/** @return the clouds in the order the run ended with, with what was measured */
	synchronized List<CloudChoice> choices() {
		long now = System.nanoTime();
		return lanes.stream().map(l -> new CloudChoice(l.cloud(), l.mbPerSecond(), l.stored, l.downUntil > now)).toList();
	}

	private synchronized Lane lane(String cloud) {
		return lanes.stream().filter(l -> l.cloud().equals(cloud)).findFirst().orElse(lanes.get(0));
	}

	@Override
	public void awaitSettled() throws InterruptedException {
		List<Thread> threads;
		synchronized (resending) {
			threads = List.copyOf(resending);
		}
		for (Thread t : threads) {
			t.join();
		}
		for (Lane l : List.copyOf(lanes)) {
			l.flow.awaitSettled();
		}
		synchronized (this) {
			run.notes.add("sent by cloud: " + lanes.stream().map(l -> l.cloud() + " " + l.stored)
					.collect(Collectors.joining(", ")));
		}
	}

	@Override
	public void close() {
		lanes.forEach(l -> l.flow.close());
	}
}
