/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.platform;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.PlatformException.Kind;
import io.tiepoint.platform.Registration;
import io.tiepoint.platform.RemoteImage;
import io.tiepoint.platform.RemoteTask;
import io.tiepoint.platform.UploadRequest;
import io.tiepoint.testing.storage.memory.MemoryStore;

/**
 * A platform without a network, for tests of what talks to {@link PlatformApi} (the ingest engine): projects,
 * the image upload flow into {@link MemoryStore}s, verification, and faults. It behaves as the hub does:
 * <ul>
 * <li>{@link #register(UploadRequest)} is idempotent per project and checksum: a waiting image
 * ({@code Pending}, {@code Uploading}) gets a new URL, an {@code Uploaded} or {@code Ready} one none, an
 * {@code Invalid} one is reset to {@code Pending} (its stored object removed). The URL is a lease of the
 * cloud's store, {@code mem://STORE/PID/FILENAME?lease=...}, that the memory provider's sessions send to
 * (provider {@code memory}, whose extension declares the platform binding {@value #CLOUD} /
 * {@value #MUTATION}); it expires after {@link #urlValidity(Duration)};</li>
 * <li>{@link #doneImageUpload(String)} fails {@code REJECTED} ({@code NOT_UPLOADED}) when the store holds
 * nothing under the image's key, else makes it {@code Uploaded}; verification then makes it {@code Ready}
 * when the stored bytes' SHA-1 is the registered checksum, else {@code Invalid} with the reason, once
 * {@link #verifyAfter(Duration)} has passed (seen by the next read: {@code image}, {@code allImages},
 * {@code hasImage});</li>
 * <li>a reconstruction finishes at once ({@code Done}) when every image is Ready or Invalid and one is Ready.</li>
 * </ul>
 * Every call is counted per {@link Op} ({@link #calls(Op)}, {@link #registrations(String)}), and may be made
 * to fail or to lose its answer ({@link #faults()}). {@link #close()} does nothing: one stand-in serves
 * many clients' runs. Thread-safe.
 *
 * <pre>
 * MemoryStore bucket = MemoryStore.named("hub");
 * PlatformStandIn platform = new PlatformStandIn(bucket).verifyAfter(Duration.ofMillis(200));
 * platform.faults().loseAnswers(Op.REGISTER, 1).failNext(Op.DONE_UPLOAD, 2);
 * // ... an ingest run with cloud "memory" against platform ...
 * assertEquals(2, platform.registrations(sha1)); // once more after the lost answer, one image
 * assertEquals(before, bucket.bytesReceived()); // after a second run: it sent nothing
 * </pre>
 */
public final class PlatformStandIn implements PlatformApi {

	/** The operations of {@link PlatformApi}, as they are counted and as faults name them. */
	public enum Op {
		/** {@link PlatformApi#supportedClouds(String)} */
		SUPPORTED_CLOUDS,
		/** {@link PlatformApi#nearestBucket(String)} */
		NEAREST_BUCKET,
		/** {@link PlatformApi#createProject(String)} */
		CREATE_PROJECT,
		/** {@link PlatformApi#projectName(String)} */
		PROJECT_NAME,
		/** {@link PlatformApi#findProject(String)} */
		FIND_PROJECT,
		/** {@link PlatformApi#hasImage(String, String)} */
		HAS_IMAGE,
		/** {@link PlatformApi#register(UploadRequest)} */
		REGISTER,
		/** {@link PlatformApi#startImageUpload(String)} */
		START_UPLOAD,
		/** {@link PlatformApi#doneImageUpload(String)} */
		DONE_UPLOAD,
		/** {@link PlatformApi#image(String, String)} */
		IMAGE,
		/** {@link PlatformApi#allImages(String, String)} */
		ALL_IMAGES,
		/** {@link PlatformApi#startReconstruction(String, String)} */
		START_RECONSTRUCTION,
		/** {@link PlatformApi#preStartReconstruction(String, String, String)} */
		PRE_START_RECONSTRUCTION,
		/** {@link PlatformApi#stopReconstruction(String)} */
		STOP_RECONSTRUCTION,
		/** {@link PlatformApi#latestTask(String, String)} */
		LATEST_TASK,
		/** {@link PlatformApi#tasks(String)} */
		TASKS
	}

	/** The cloud of the memory provider's platform binding. */
	public static final String CLOUD = "memory";
	/** The mutation of the memory provider's platform binding. */
	public static final String MUTATION = "uploadImageMemory";

	private final Map<String, Cloud> clouds = new LinkedHashMap<>();
	private final Map<String, String> projects = new LinkedHashMap<>();
	private final Map<String, StandInImage> images = new LinkedHashMap<>();
	/** Images by project and checksum. */
	private final Map<String, StandInImage> sums = new HashMap<>();
	private final StandInTasks tasks = new StandInTasks();
	private final Map<String, Integer> registrations = new HashMap<>();
	private final Map<Op, AtomicLong> calls = new EnumMap<>(Op.class);
	private final StandInFaults faults = new StandInFaults();
	private final AtomicLong ids = new AtomicLong();
	private Duration verifyAfter = Duration.ZERO;
	private Duration urlValidity = Duration.ofHours(1);

	/**
	 * A platform whose cloud {@value #CLOUD} (mutation {@value #MUTATION}) stores into {@code store}.
	 *
	 * @param store where registered images are sent
	 */
	public PlatformStandIn(MemoryStore store) {
		for (Op op : Op.values()) {
			calls.put(op, new AtomicLong());
		}
		cloud(CLOUD, MUTATION, store);
	}

	/**
	 * Serves one more cloud, e.g. {@code cloud("s3", "uploadImageS3", store)} to register as S3 does while the
	 * bytes go into a memory store (the URLs are still {@code mem://}).
	 *
	 * @param cloud    its name, as {@link #supportedClouds(String)} lists it
	 * @param mutation the {@code uploadImage*} mutation that registers for it
	 * @param store    where its images are sent; its name is the cloud's one bucket
	 * @return this
	 */
	public synchronized PlatformStandIn cloud(String cloud, String mutation, MemoryStore store) {
		clouds.put(mutation, new Cloud(cloud, store));
		return this;
	}

	/**
	 * @param delay how long after {@code doneImageUpload} the verdict shows (0 by default: at the next read)
	 * @return this
	 */
	public synchronized PlatformStandIn verifyAfter(Duration delay) {
		verifyAfter = delay;
		return this;
	}

	/**
	 * @param validity how long the URLs handed out work (1 hour by default; 0 hands out expired URLs)
	 * @return this
	 */
	public synchronized PlatformStandIn urlValidity(Duration validity) {
		urlValidity = validity;
		return this;
	}

	/**
	 * Verifies every Uploaded image now, whatever {@link #verifyAfter(Duration)} says.
	 *
	 * @return this
	 */
	public synchronized PlatformStandIn verifyNow() {
		images.values().forEach(i -> i.settle(Instant.now(), verifyAfter, true));
		return this;
	}

	/**
	 * Marks every image with this content Invalid, as a hub whose verification refused it: for tests of what a
	 * client makes of an image it sent that the hub does not hold Ready.
	 *
	 * @param checksum the images' SHA-1
	 * @param reason   the error the hub gives
	 * @return this
	 */
	public synchronized PlatformStandIn invalidate(String checksum, String reason) {
		images.values().stream().filter(i -> checksum.equals(i.checksum)).forEach(i -> {
			i.state = StandInImage.INVALID;
			i.error = List.of(reason);
		});
		return this;
	}

	/** @return the faults to inject into calls */
	public StandInFaults faults() {
		return faults;
	}

	/**
	 * @param op an operation
	 * @return how many calls were made (those that failed included)
	 */
	public long calls(Op op) {
		return calls.get(op).get();
	}

	/**
	 * @param checksum a SHA-1
	 * @return how many times an image of that checksum was registered, in any project (a call that failed
	 *         before taking effect is not counted, one whose answer was lost is)
	 */
	public synchronized int registrations(String checksum) {
		return registrations.getOrDefault(checksum, 0);
	}

	/**
	 * The images of a project as they are now, without a counted call.
	 *
	 * @param pid a project id
	 * @return its images in registration order
	 */
	public synchronized List<RemoteImage> images(String pid) {
		return projectImages(pid).stream().map(StandInImage::view).toList();
	}

	// ------------------------------------------------------------------ PlatformApi

	@Override
	public List<String> supportedClouds(String kind) throws PlatformException {
		return call(Op.SUPPORTED_CLOUDS, () -> "Image".equals(kind)
				? clouds.values().stream().map(Cloud::name).distinct().toList()
				: List.of());
	}

	@Override
	public Optional<String> nearestBucket(String cloud) throws PlatformException {
		return call(Op.NEAREST_BUCKET, () -> clouds.values().stream().filter(c -> c.name.equals(cloud))
				.map(c -> c.store.name()).findFirst());
	}

	@Override
	public String createProject(String name) throws PlatformException {
		return call(Op.CREATE_PROJECT, () -> {
			if (name == null || name.isBlank()) {
				throw new PlatformException(Kind.REJECTED, "INVALID_NAME", "a project needs a name", null);
			}
			String pid = "project-" + ids.incrementAndGet();
			projects.put(pid, name.strip());
			return pid;
		});
	}

	@Override
	public Optional<String> projectName(String pid) throws PlatformException {
		return call(Op.PROJECT_NAME, () -> Optional.ofNullable(projects.get(pid)));
	}

	@Override
	public Optional<String> findProject(String name) throws PlatformException {
		return call(Op.FIND_PROJECT, () -> projects.entrySet().stream().filter(e -> e.getValue().equals(name))
				.map(Map.Entry::getKey).findFirst());
	}

	@Override
	public Optional<RemoteImage> hasImage(String pid, String checksum) throws PlatformException {
		return call(Op.HAS_IMAGE, () -> byChecksum(project(pid), checksum).map(StandInImage::view));
	}

	@Override
	public Registration register(UploadRequest r) throws PlatformException {
		return call(Op.REGISTER, () -> {
			Cloud cloud = clouds.get(r.mutation());
			if (cloud == null) {
				throw new PlatformException(Kind.REJECTED, "CLOUD_NOT_SUPPORTED", r.mutation() + " is not served", null);
			}
			if (r.bucket() != null && !r.bucket().equals(cloud.store.name())) {
				throw new PlatformException(Kind.REJECTED, "BUCKET_NOT_SUPPORTED", "bucket " + r.bucket() + " is not served", null);
			}
			String sum = r.checksum() != null ? r.checksum() : "unknown-" + ids.incrementAndGet();
			StandInImage image = byChecksum(project(r.pid()), sum).orElse(null);
			if (image == null) {
				image = new StandInImage("image-" + ids.incrementAndGet(), r.pid(), r.filename(), sum, cloud.store);
				images.put(image.id, image);
				sums.put(r.pid() + "\n" + sum, image);
			} else if (image.invalid()) {
				image.store.remove(image.key);
				image.reset(cloud.store);
			} else if (image.waiting() && image.store != cloud.store) {
				image.reset(cloud.store);
			}
			registrations.merge(sum, 1, Integer::sum);
			URI url = image.waiting() ? cloud.store.lease(image.key, urlValidity) : null;
			return new Registration(image.view(), url, url == null ? null : Instant.now().plus(urlValidity));
		});
	}

	@Override
	public RemoteImage startImageUpload(String iid) throws PlatformException {
		return call(Op.START_UPLOAD, () -> {
			StandInImage image = image(iid);
			if (StandInImage.PENDING.equals(image.state)) {
				image.state = StandInImage.UPLOADING;
			}
			return image.view();
		});
	}

	@Override
	public RemoteImage doneImageUpload(String iid) throws PlatformException {
		return call(Op.DONE_UPLOAD, () -> {
			StandInImage image = image(iid);
			if (image.waiting()) {
				if (image.store.object(image.key).isEmpty()) {
					throw new PlatformException(Kind.REJECTED, "NOT_UPLOADED", "no uploaded object for image " + iid, null);
				}
				image.state = StandInImage.UPLOADED;
				image.uploadedAt = Instant.now();
			}
			return image.view();
		});
	}

	@Override
	public Optional<RemoteImage> image(String pid, String iid) throws PlatformException {
		return call(Op.IMAGE, () -> {
			String p = project(pid);
			return Optional.ofNullable(images.get(iid)).filter(i -> i.pid.equals(p)).map(i -> settled(i).view());
		});
	}

	@Override
	public List<RemoteImage> allImages(String pid, String state) throws PlatformException {
		return call(Op.ALL_IMAGES, () -> projectImages(project(pid)).stream()
				.filter(i -> state == null || state.equals(i.state)).map(StandInImage::view).toList());
	}

	@Override
	public RemoteTask startReconstruction(String pid, String taskType) throws PlatformException {
		return call(Op.START_RECONSTRUCTION,
				() -> tasks.start("task-" + ids.incrementAndGet(), pid, taskType, projectImages(project(pid))));
	}

	@Override
	public Optional<RemoteTask> preStartReconstruction(String pid, String taskType, String engine)
			throws PlatformException {
		return call(Op.PRE_START_RECONSTRUCTION, () -> Optional
				.of(tasks.preStart("task-" + ids.incrementAndGet(), pid, taskType, projectImages(project(pid)))));
	}

	@Override
	public RemoteTask stopReconstruction(String pid) throws PlatformException {
		return call(Op.STOP_RECONSTRUCTION, () -> tasks.latest(project(pid)).orElseThrow(
				() -> new PlatformException(Kind.REJECTED, "NO_TASK", "project " + pid + " has no task", null)));
	}

	@Override
	public Optional<RemoteTask> latestTask(String pid, String extraFields) throws PlatformException {
		return call(Op.LATEST_TASK, () -> tasks.advance(project(pid), projectImages(project(pid))));
	}

	@Override
	public List<RemoteTask> tasks(String pid) throws PlatformException {
		return call(Op.TASKS, () -> tasks.all(project(pid)));
	}

	/** Does nothing: the stand-in and its state outlive the clients that use it. */
	@Override
	public void close() {
	}

	// ------------------------------------------------------------------ internals

	@FunctionalInterface
	private interface Body<T> {
		T run() throws PlatformException;
	}

	/** Counts a call, injects its faults and runs it under the lock. */
	private <T> T call(Op op, Body<T> body) throws PlatformException {
		calls.get(op).incrementAndGet();
		Kind failure = faults.failure(op);
		if (failure != null) {
			throw new PlatformException(failure, null, "injected " + failure + " failure of " + op, null);
		}
		T result;
		synchronized (this) {
			result = body.run();
		}
		if (faults.lose(op)) {
			throw new PlatformException(Kind.TRANSIENT, null, op + ": the connection broke before the answer arrived"
					+ " (injected; the call took effect)", null);
		}
		return result;
	}

	private String project(String pid) throws PlatformException {
		if (pid == null || !projects.containsKey(pid)) {
			throw new PlatformException(Kind.NOT_FOUND, "PROJECT_NOT_FOUND", "no project " + pid, null);
		}
		return pid;
	}

	private StandInImage image(String iid) throws PlatformException {
		StandInImage i = images.get(iid);
		if (i == null) {
			throw new PlatformException(Kind.NOT_FOUND, "IMAGE_NOT_FOUND", "no image " + iid, null);
		}
		return settled(i);
	}

	/** @return the image, verified when its time has come */
	private StandInImage settled(StandInImage i) {
		i.settle(Instant.now(), verifyAfter, false);
		return i;
	}

	private List<StandInImage> projectImages(String pid) {
		return images.values().stream().filter(i -> i.pid.equals(pid)).map(this::settled).toList();
	}

	private Optional<StandInImage> byChecksum(String pid, String checksum) {
		return Optional.ofNullable(sums.get(pid + "\n" + checksum)).map(this::settled);
	}

	private record Cloud(String name, MemoryStore store) {
	}
}
