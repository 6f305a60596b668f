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
import java.io.InterruptedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Update;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageInspector;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.InspectionRun;
import io.tiepoint.platform.PlatformClient;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.Registration;
import io.tiepoint.platform.RemoteImage;

/**
 * Takes a project's images to {@code Ready} on its platform: inspects them into the journal, then,
 * on a bounded pool of transfers, {@code hasImage} -> register -> {@code startImageUpload} -> upload
 * through the storage provider -> {@code doneImageUpload} -> the platform's verification. Every state
 * change is committed to the journal before the next step starts; a new run reconciles with the
 * platform and resumes from what the destination reports. Transient faults are retried with
 * exponential backoff and jitter, expired targets are registered again, permanent faults are not retried.
 */
public final class IngestEngine {

	private static final long BACKOFF_BASE_MS = 250;
	private static final long BACKOFF_CAP_MS = 15_000;
	private static final String LINK_FILE = "link.properties";
	/** Attempts of one platform call that fails transiently, before the image's own retry takes over. */
	private static final int CALL_ATTEMPTS = 5;

	/** A platform call. */
	@FunctionalInterface
	private interface Call<T> {
		T run() throws PlatformException;
	}

	private final Workspace workspace;
	private final Journal journal;
	private final IngestOptions options;
	private final StorageProviders providers;
	private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * @param workspace the workspace (its journal is used)
	 * @param options   how to ingest
	 */
	public IngestEngine(Workspace workspace, IngestOptions options) {
		this(workspace, options, new StorageProviders(RegistryFactory.getRegistry()));
	}

	/**
	 * @param workspace the workspace
	 * @param options   how to ingest
	 * @param providers the storage providers to use
	 */
	public IngestEngine(Workspace workspace, IngestOptions options, StorageProviders providers) {
		this.workspace = workspace;
		this.journal = workspace.journal();
		this.options = options;
		this.providers = providers;
	}

	/** @param l receives progress */
	public void addListener(IngestListener l) {
		listeners.add(l);
	}

	/** @param l no longer receives progress */
	public void removeListener(IngestListener l) {
		listeners.remove(l);
	}

	// ------------------------------------------------------------------ inspection

	/**
	 * Records the image files under the roots in the project and inspects those not inspected yet (new
	 * or changed since): {@code Inspected}, or {@code Rejected} with the error findings as reasons.
	 *
	 * @param project the project (must exist)
	 * @param roots   folders (walked, hidden folders skipped) or files
	 * @param monitor progress and cancellation
	 * @return the summary
	 * @throws IOException when the journal fails or a root cannot be walked
	 */
	public IngestSummary inspect(String project, List<Path> roots, IProgressMonitor monitor) throws IOException {
		long t0 = System.nanoTime();
		requireProject(project);
		SubMonitor sm = SubMonitor.convert(monitor, "Inspecting images of " + project, 100);
		List<String> notes = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		List<ImageEntry> todo = discover(project, roots, files, notes);
		sm.worked(5);
		fire(new IngestProgress("inspecting", 0, todo.size(), 0, 0, 0, -1));
		if (!todo.isEmpty()) {
			InspectionRun run = new InspectionRun(CheckConfig.defaults(), options.readThreads(), RegistryFactory.getRegistry());
			InspectionResult result = run.run(todo.stream().map(e -> Path.of(e.path())).toList(), sm.split(90));
			Map<String, ImageRecord> byPath = new HashMap<>();
			result.records().forEach(r -> byPath.put(r.path(), r));
			Map<Long, Update> updates = new LinkedHashMap<>();
			for (ImageEntry e : todo) {
				ImageRecord r = byPath.get(e.path());
				updates.put(e.id(), r == null
						? Update.to(ImageState.REJECTED).error("not inspected: the file disappeared", false)
						: inspected(r));
			}
			journal.updateBatch(updates);
		}
		Map<ImageState, Integer> counts = journal.counts(project);
		fire(new IngestProgress("inspected", todo.size(), todo.size(), 0, 0, 0, 0));
		return new IngestSummary(project, counts, todo.size(), 0, 0, 0, 0, (System.nanoTime() - t0) / 1e9,
				rejections(project), notes);
	}

	/**
	 * Records the image files under the roots in the journal.
	 *
	 * @param files receives every image file under the roots
	 * @param notes receives a note about files skipped
	 * @return the images under the roots still to inspect (new or changed)
	 */
	private List<ImageEntry> discover(String project, List<Path> roots, List<Path> files, List<String> notes)
			throws IOException {
		int ignored = 0;
		for (Path root : roots) {
			if (!Files.exists(root)) {
				throw new IOException(root + ": no such file or folder");
			}
			ignored += walk(root.toAbsolutePath().normalize(), files);
		}
		if (ignored > 0) {
			notes.add(ignored + " file(s) without an image extension ignored");
		}
		journal.discover(project, files);
		Set<String> wanted = new java.util.HashSet<>();
		files.forEach(f -> wanted.add(f.toString()));
		return journal.images(project, ImageState.DISCOVERED).stream().filter(e -> wanted.contains(e.path())).toList();
	}

	private static int walk(Path root, List<Path> files) throws IOException {
		int[] ignored = { 0 };
		if (Files.isRegularFile(root)) {
			files.add(root);
			return 0;
		}
		Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				Path n = dir.getFileName();
				return !dir.equals(root) && n != null && n.toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (ImageInspector.hasImageExtension(file.getFileName().toString())) {
					files.add(file.toAbsolutePath().normalize());
				} else {
					ignored[0]++;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) {
				// an unreadable entry with an image name is still recorded, inspection rejects it with the reason
				if (ImageInspector.hasImageExtension(file.getFileName().toString())) {
					files.add(file.toAbsolutePath().normalize());
				}
				return FileVisitResult.CONTINUE;
			}
		});
		Collections.sort(files);
		return ignored[0];
	}

	private Update inspected(ImageRecord r) {
		List<String> errors = new ArrayList<>();
		for (Finding f : r.findings()) {
			if (f.severity() == Finding.Severity.ERROR
					|| f.severity() == Finding.Severity.WARNING && options.rejectFindings().contains(f.id())) {
				errors.add(f.id() + ": " + f.message());
			}
		}
		boolean rejected = r.mediaType() == null || !errors.isEmpty();
		Update u = Update.to(rejected ? ImageState.REJECTED : ImageState.INSPECTED).sha1(r.sha1()).md5(r.md5())
				.mediaType(r.mediaType()).camera(r.make(), r.model())
				.taken(r.dateTimeOriginal() == null ? null : r.dateTimeOriginal().toString())
				.position(r.latitude(), r.longitude(), r.altitude(), r.relativeAltitude())
				.attitude(r.gimbalYaw() != null ? r.gimbalYaw() : r.flightYaw(), r.gimbalPitch())
				.dimensions(r.width(), r.height()).findings(findingLines(r));
		if (rejected) {
			u.error(errors.isEmpty() ? "not an image" : String.join("; ", errors), false);
		} else {
			u.error(null, false);
		}
		return u;
	}

	private List<String> rejections(String project) throws JournalException {
		List<String> out = new ArrayList<>();
		for (ImageEntry e : journal.images(project, ImageState.REJECTED)) {
			out.add(e.name() + ": rejected: " + e.error());
		}
		return out;
	}

	private Project requireProject(String project) throws JournalException {
		return journal.project(project).orElseThrow(() -> new JournalException("no project '" + project
				+ "' in " + workspace.root() + " (create it first)"));
	}

	// ------------------------------------------------------------------ ingest: inspection and sending at once

	/**
	 * Inspects the images under the roots and sends each one as soon as it passes, while the others are
	 * still being inspected; waits for their verification. Images inspected by an earlier run that are not
	 * on the platform yet go first. The findings that need the whole set (another camera, positions far
	 * from the rest, gaps, overlap) are known before anything is sent: they come from a first pass over
	 * the metadata of every file under the roots (a few milliseconds a file); the full inspection then
	 * checks each file's bytes (SHA-1, MD5, decode) and hands it to the transfers. The set-level findings
	 * are computed again from the complete records at the end and stored with each image; exact
	 * duplicates need every checksum and are therefore found by the platform flow instead (the twin is
	 * {@code Existing}). A dry run inspects first and then estimates, as before.
	 *
	 * @param project the project (must exist)
	 * @param roots   folders (walked, hidden folders skipped) or files
	 * @param monitor progress and cancellation (canceling leaves every image resumable)
	 * @return the summary of the whole run
	 * @throws IOException when the journal fails, a root cannot be walked, or the platform or the storage
	 *                     provider cannot be used at all
	 */
	public IngestSummary ingest(String project, List<Path> roots, IProgressMonitor monitor) throws IOException {
		IProgressMonitor mon = monitor == null ? new NullProgressMonitor() : monitor;
		if (options.dryRun()) {
			inspect(project, roots, mon);
			return upload(project, mon);
		}
		long t0 = System.nanoTime();
		Project p = requireProject(project);
		String hub = options.hub() != null ? options.hub() : p.hub();
		if (options.connector() != null) {
			// an embedded hub takes seconds to open its store: it starts while the folders are read
			Thread warm = new Thread(() -> {
				try {
					options.connector().connect(hub);
				} catch (IOException | RuntimeException e) {
					// the upload connects again and reports the failure
				}
			}, "tiepoint-hub-start");
			warm.setDaemon(true);
			warm.start();
		}
		List<String> notes = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		List<ImageEntry> todo = discover(project, roots, files, notes);
		InspectionRun.SetFindings early = null;
		String where = roots.isEmpty() ? "" : roots.get(0).toString();
		if (!todo.isEmpty()) {
			fire(new IngestProgress("reading metadata", 0, files.size(), 0, 0, 0, -1));
			InspectionRun meta = new InspectionRun(CheckConfig.defaults().with(CheckConfig.Key.HASH_ENABLED, 0),
					options.readThreads(), RegistryFactory.getRegistry());
			early = meta.checkSet(meta.inspectFiles(files, cancelOnly(mon::isCanceled), null), where, null);
		}
		InspectionRun.SetFindings setLevel = early;
		long[] inspectNanos = { 0 };
		IngestSummary s = send(project, mon, new Feed() {
			@Override
			public int expected() {
				return todo.size();
			}

			@Override
			public void feed(Run run) throws IOException {
				if (todo.isEmpty()) {
					return;
				}
				long i0 = System.nanoTime();
				run.inspectTotal = todo.size();
				run.inspectedSoFar = 0;
				Map<String, ImageEntry> byPath = new HashMap<>();
				todo.forEach(e -> byPath.put(e.path(), e));
				InspectionRun full = new InspectionRun(CheckConfig.defaults(), options.readThreads(),
						RegistryFactory.getRegistry());
				List<ImageRecord> records;
				try {
					records = full.inspectFiles(todo.stream().map(e -> Path.of(e.path())).toList(),
							cancelOnly(run::canceled), r -> {
						ImageEntry e = byPath.get(r.path());
						if (e == null) {
							return;
						}
						Update u = inspected(r.withFindings(setLevel.of(r.path())));
						try {
							journal.update(e.id(), u);
							run.inspectedSoFar++;
							ImageEntry now = journal.image(e.id()).orElse(null);
							if (now != null && candidate(now)) {
								run.submit(now);
							}
						} catch (JournalException je) {
							throw new java.io.UncheckedIOException(je);
						}
					});
				} catch (java.io.UncheckedIOException ue) {
					throw ue.getCause();
				}
				// the set-level findings again, from the complete records: stored with each image
				InspectionRun.SetFindings late = full.checkSet(records, where, null);
				Map<Long, Update> updates = new LinkedHashMap<>();
				Set<String> seen = new java.util.HashSet<>();
				for (ImageRecord r : records) {
					ImageEntry e = byPath.get(r.path());
					if (e == null || !seen.add(r.path())) {
						continue;
					}
					ImageRecord complete = r.withFindings(late.of(r.path()));
					updates.put(e.id(), Update.fields().findings(findingLines(complete)));
					for (Finding f : late.of(r.path())) {
						if (options.rejectFindings().contains(f.id()) && setLevel.of(r.path()).stream()
								.noneMatch(g -> g.id().equals(f.id()))) {
							run.notes.add(e.name() + ": " + f.id() + " found only with the complete records, after it was"
									+ " handed to the transfers: " + f.message());
						}
					}
				}
				for (ImageEntry e : todo) {
					if (!seen.contains(e.path())) {
						updates.put(e.id(), Update.to(ImageState.REJECTED).error("not inspected: the file disappeared", false));
					}
				}
				journal.updateBatch(updates);
				inspectNanos[0] = System.nanoTime() - i0;
			}
		});
		List<String> allNotes = new ArrayList<>(notes);
		allNotes.add(0, String.format(Locale.ROOT, "inspected %d new image(s) in %.1f s%s", todo.size(),
				inspectNanos[0] / 1e9, todo.isEmpty() ? "" : ", each sent as soon as it passed"));
		allNotes.addAll(s.notes());
		Set<Long> fresh = new java.util.HashSet<>();
		todo.forEach(e -> fresh.add(e.id()));
		List<String> failures = new ArrayList<>();
		for (ImageEntry e : journal.images(project, ImageState.REJECTED)) {
			if (fresh.contains(e.id())) {
				failures.add(e.name() + ": rejected: " + e.error());
			}
		}
		failures.addAll(s.failures());
		return new IngestSummary(project, s.counts(), s.filesHandled(), s.filesSent(), s.bytesSent(), 0, 0,
				(System.nanoTime() - t0) / 1e9, failures, allNotes);
	}

	/** A monitor for work whose progress the caller reports itself: it only carries the cancellation. */
	private static IProgressMonitor cancelOnly(java.util.function.BooleanSupplier canceled) {
		return new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				return canceled.getAsBoolean();
			}
		};
	}

	private static String findingLines(ImageRecord r) {
		List<String> lines = new ArrayList<>();
		for (Finding f : r.findings()) {
			lines.add(f.severity() + " " + f.id() + ": " + f.message());
		}
		return String.join("\n", lines);
	}

	// ------------------------------------------------------------------ upload

	/**
	 * Sends the project's inspected images to its platform and waits for their verification.
	 *
	 * @param project the project
	 * @param monitor progress and cancellation (canceling leaves every image resumable)
	 * @return the summary
	 * @throws IOException when the journal fails, or the platform or the storage provider cannot be
	 *                     used at all (per-image failures are results, not exceptions)
	 */
	public IngestSummary upload(String project, IProgressMonitor monitor) throws IOException {
		return send(project, monitor, null);
	}

	/** Images handed to an upload run while it is already sending (a pipelined ingest's inspection). */
	private interface Feed {
		/** @return how many images it expects to hand over, at most */
		int expected();

		/**
		 * Hands images over with {@link Run#submit} until done, failed or canceled.
		 *
		 * @param run the run
		 * @throws IOException when the journal or the walk fails
		 */
		void feed(Run run) throws IOException;
	}

	private IngestSummary send(String project, IProgressMonitor monitor, Feed feed) throws IOException {
		IProgressMonitor mon = monitor == null ? new NullProgressMonitor() : monitor;
		long t0 = System.nanoTime();
		Project p = requireProject(project);
		String hub = options.hub() != null ? options.hub() : p.hub();
		String cloud = options.cloud() != null ? options.cloud() : p.cloud();
		if (options.retryFailed()) {
			Map<Long, Update> again = new LinkedHashMap<>();
			for (ImageEntry e : journal.images(project)) {
				if (e.state() == ImageState.FAILED || e.state() == ImageState.INVALID) {
					again.put(e.id(), Update.to(ImageState.INSPECTED).error(null, false).attempts(0));
				}
			}
			journal.updateBatch(again);
		}
		List<ImageEntry> all = journal.images(project);
		List<ImageEntry> candidates = all.stream().filter(this::candidate).toList();
		long bytesTotal = candidates.stream().mapToLong(ImageEntry::size).sum();
		if (options.dryRun()) {
			return dryRun(project, all, candidates, bytesTotal, t0);
		}
		if (options.connector() == null) {
			throw new IOException("no way to reach hub '" + hub + "' (no connector)");
		}
		HubEndpoint endpoint = options.connector().connect(hub);
		try (PlatformClient client = new PlatformClient(endpoint.uri(), endpoint.key(), endpoint.token(),
				options.stallTimeout()); StorageSession session = openSession(cloud, endpoint)) {
			String pid = remoteProject(p, client, mon);
			String bucket = options.bucket();
			boolean buckets = providers.forCloud(cloud).flatMap(io.tiepoint.core.storage.StorageProviderDescriptor::platformBinding)
					.map(io.tiepoint.core.storage.PlatformBinding::buckets).orElse(false);
			if (bucket == null && buckets) {
				bucket = retrying(() -> client.nearestBucket(cloud), mon::isCanceled).orElseThrow(() -> new IOException(
						"hub " + endpoint.uri() + " offers no " + cloud + " bucket (it supports: " + supported(client) + ")"));
			}
			Run run = new Run(project, pid, cloud, bucket, client, session, mon);
			reconcile(run, candidates);
			List<ImageEntry> ready = journal.images(project).stream().filter(this::candidate).toList();
			if (feed == null) {
				run.execute(ready);
			} else if (run.start(ready.size() + feed.expected())) {
				try {
					ready.forEach(run::submit);
					feed.feed(run);
				} catch (OperationCanceledException oce) {
					run.stopping = true;
				} finally {
					run.finish();
				}
			}
			long sent = run.sent.get();
			double seconds = (System.nanoTime() - t0) / 1e9;
			if (sent > 0 && run.sendNanos.get() > 0) {
				saveLinkRate(sent / (run.sendNanos.get() / 1e9 / Math.max(1, Math.min(options.threads(), run.filesSent.get()))));
			}
			List<String> failures = new ArrayList<>();
			for (ImageEntry e : journal.images(project)) {
				if (e.state() == ImageState.FAILED || e.state() == ImageState.INVALID) {
					failures.add(e.name() + ": " + e.state().label() + ": " + e.error());
				}
			}
			List<String> notes = new ArrayList<>(run.notes);
			if (mon.isCanceled()) {
				notes.add("canceled: run the same command again to resume");
			}
			int handled = candidates.size() + (feed == null ? 0 : feed.expected());
			return new IngestSummary(project, journal.counts(project), handled, run.filesSent.get(), sent, 0, 0, seconds,
					failures, notes);
		} catch (PlatformException e) {
			throw new IOException("hub " + endpoint.uri() + ": " + e.getMessage(), e);
		} catch (StorageException e) {
			throw new IOException("storage '" + cloud + "': " + e.getMessage(), e);
		}
	}

	private static String supported(PlatformClient client) {
		try {
			return String.join(", ", client.supportedClouds("Image"));
		} catch (PlatformException e) {
			return "unknown";
		}
	}

	private boolean candidate(ImageEntry e) {
		if (e.excluded()) {
			return false;
		}
		return switch (e.state()) {
		case INSPECTED, REGISTERED, UPLOADING, UPLOADED -> true;
		case FAILED -> e.retryable();
		case REJECTED -> options.includeRejected() && e.sha1() != null;
		default -> false;
		};
	}

	private IngestSummary dryRun(String project, List<ImageEntry> all, List<ImageEntry> candidates, long bytes, long t0)
			throws JournalException {
		double gp = candidates.stream().filter(e -> e.width() != null && e.height() != null)
				.mapToDouble(e -> e.width() * (double) e.height() / 1e9).sum();
		List<String> notes = new ArrayList<>();
		notes.add(String.format(Locale.ROOT, "would send %d image(s), %.3f GP, %s", candidates.size(), gp, Units.bytes(bytes)));
		Optional<Double> rate = linkRate();
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
		return new IngestSummary(project, journal.counts(project), candidates.size(), 0, 0, bytes, gp,
				(System.nanoTime() - t0) / 1e9, rejections(project), notes);
	}

	private StorageSession openSession(String cloud, HubEndpoint endpoint) throws StorageException {
		Map<String, String> secrets = new HashMap<>();
		secrets.put("appId", endpoint.key());
		if (endpoint.token() != null) {
			secrets.put("license", endpoint.token());
		}
		StorageTarget target = new StorageTarget(endpoint.uri(), null, "", Map.of("packageName", "tiepoint",
				"stall.timeout", String.valueOf(options.stallTimeout().toSeconds())), secrets);
		return providers.provider(cloud).open(target);
	}

	/**
	 * The project on the platform: the one the journal knows, else the caller's project of that name, else a
	 * new one. A creation whose answer was lost is found by name on the next attempt, not created twice.
	 */
	private String remoteProject(Project p, PlatformClient client, IProgressMonitor mon)
			throws PlatformException, JournalException {
		if (p.remoteId() != null && retrying(() -> client.projectName(p.remoteId()), mon::isCanceled).isPresent()) {
			return p.remoteId();
		}
		for (int attempt = 1;; attempt++) {
			Optional<String> found = retrying(() -> client.findProject(p.name()), mon::isCanceled);
			String pid;
			if (found.isPresent()) {
				pid = found.get();
			} else {
				try {
					pid = client.createProject(p.name());
				} catch (PlatformException e) {
					if (!e.retryable() || attempt >= CALL_ATTEMPTS || mon.isCanceled()) {
						throw e;
					}
					pause(attempt, mon::isCanceled);
					continue;
				}
			}
			journal.setProjectRemoteId(p.name(), pid);
			return pid;
		}
	}

	/**
	 * Runs a platform call, again after a short backoff while it fails transiently (a lost answer, a 5xx, a
	 * reset): every call the engine repeats this way is idempotent on the platform.
	 */
	private static <T> T retrying(Call<T> call, java.util.function.BooleanSupplier canceled) throws PlatformException {
		for (int attempt = 1;; attempt++) {
			try {
				return call.run();
			} catch (PlatformException e) {
				if (!e.retryable() || attempt >= CALL_ATTEMPTS || canceled.getAsBoolean()) {
					throw e;
				}
				pause(attempt, canceled);
			}
		}
	}

	/** @return exponential backoff with "equal jitter" for the attempt-th failure (from 1) */
	private static long backoff(int attempt) {
		long cap = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS << Math.min(16, attempt - 1));
		return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
	}

	private static void pause(int attempt, java.util.function.BooleanSupplier canceled) {
		sleep(backoff(attempt), canceled);
	}

	/** @return whether the whole time passed (false when canceled or interrupted first) */
	private static boolean sleep(long ms, java.util.function.BooleanSupplier canceled) {
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) {
			if (canceled.getAsBoolean()) {
				return false;
			}
			try {
				Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
			} catch (InterruptedException ie) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** Brings images an earlier run left half-way in line with what the platform says. */
	private void reconcile(Run run, List<ImageEntry> candidates) throws PlatformException, JournalException {
		boolean any = candidates.stream().anyMatch(e -> e.remoteId() != null);
		if (!any) {
			return;
		}
		Map<String, RemoteImage> remote = new HashMap<>();
		for (RemoteImage r : retrying(() -> run.client.allImages(run.pid, null), run::canceled)) {
			remote.put(r.id(), r);
		}
		Map<Long, Update> updates = new LinkedHashMap<>();
		for (ImageEntry e : candidates) {
			if (e.remoteId() == null) {
				continue;
			}
			RemoteImage r = remote.get(e.remoteId());
			if (r == null) {
				r = retrying(() -> run.client.image(run.pid, e.remoteId()), run::canceled).orElse(null);
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
		journal.updateBatch(updates);
		if (!updates.isEmpty()) {
			run.notes.add("reconciled " + updates.size() + " image(s) with the platform");
		}
	}

	private void fire(IngestProgress p) {
		for (IngestListener l : listeners) {
			try {
				l.progress(p);
			} catch (RuntimeException e) {
				// a listener's failure does not stop the run
			}
		}
	}

	// ------------------------------------------------------------------ link rate

	private Optional<Double> linkRate() {
		Path f = workspace.stateDir().resolve(LINK_FILE);
		if (!Files.isRegularFile(f)) {
			return Optional.empty();
		}
		Properties props = new Properties();
		try (var in = Files.newInputStream(f)) {
			props.load(in);
			return Optional.of(Double.parseDouble(props.getProperty("bytesPerSecond", "0")));
		} catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	private void saveLinkRate(double bytesPerSecond) {
		Properties props = new Properties();
		props.setProperty("bytesPerSecond", String.valueOf((long) bytesPerSecond));
		props.setProperty("measured", java.time.Instant.now().toString());
		try {
			Files.createDirectories(workspace.stateDir());
			try (var out = Files.newOutputStream(workspace.stateDir().resolve(LINK_FILE))) {
				props.store(out, "Tiepoint: the upload rate last measured from this workspace");
			}
		} catch (IOException ignored) {
			// only the dry run's estimate suffers
		}
	}

	// ------------------------------------------------------------------ one run

	/** The state of one upload run. */
	private final class Run {
		final String project;
		final String pid;
		final String cloud;
		final String bucket;
		final PlatformClient client;
		final StorageSession session;
		final IProgressMonitor monitor;
		final RateLimiter limiter = new RateLimiter(options.limitRate());
		final AtomicLong sent = new AtomicLong();
		final AtomicLong sendNanos = new AtomicLong();
		final AtomicInteger filesSent = new AtomicInteger();
		final AtomicInteger done = new AtomicInteger();
		/** Images of this run and the bytes they still need: set once reconciliation has settled what it could. */
		final AtomicInteger filesTotal = new AtomicInteger();
		final AtomicLong bytesTotal = new AtomicLong();
		/** Uploaded images waiting for the platform's verification: journal id -> the order they arrived in. */
		final Map<Long, Long> verifying = new ConcurrentHashMap<>();
		final AtomicLong verifyOrder = new AtomicLong();
		final List<String> notes = new CopyOnWriteArrayList<>();
		/** Platform image id -> the journal entry that owns it: a twin with the same bytes is Existing. */
		final Map<String, Long> claimed = new ConcurrentHashMap<>();
		volatile boolean stopping;

		Run(String project, String pid, String cloud, String bucket, PlatformClient client, StorageSession session,
				IProgressMonitor monitor) {
			this.project = project;
			this.pid = pid;
			this.cloud = cloud;
			this.bucket = bucket;
			this.client = client;
			this.session = session;
			this.monitor = monitor;
		}

		boolean canceled() {
			return stopping || monitor.isCanceled();
		}

		void execute(List<ImageEntry> todo) throws JournalException {
			if (!start(todo.size())) {
				return;
			}
			try {
				todo.forEach(this::submit);
			} finally {
				finish();
			}
		}

		/** Whether more images may still be submitted: verification must not end before the last one. */
		volatile boolean feeding;
		/** What the inspection running beside the transfers has done, for the progress line (-1: none). */
		volatile int inspectedSoFar = -1;
		volatile int inspectTotal;
		private ExecutorService pool;
		private Thread progressThread;
		private Thread verifier;
		private final java.util.Queue<Future<?>> futures = new java.util.concurrent.ConcurrentLinkedQueue<>();
		/** Checksum -> the last image of that checksum queued: a twin goes after it, and is then Existing. */
		private final Map<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();

		/**
		 * Starts the transfer pool, the verification and the progress report.
		 *
		 * @param expected images expected (the monitor's work)
		 * @return false when the journal cannot be read
		 */
		boolean start(int expected) {
			feeding = true; // until finish(): the verification waits for every submitted image
			monitor.beginTask("Uploading " + expected + " image(s) of " + project, expected);
			try {
				journal.images(project).stream().filter(e -> e.remoteId() != null && e.state() != ImageState.EXISTING)
						.forEach(e -> claimed.putIfAbsent(e.remoteId(), e.id()));
			} catch (JournalException je) {
				notes.add("journal failure: " + je.getMessage());
				return false;
			}
			pool = Executors.newFixedThreadPool(options.threads(), r -> {
				Thread t = new Thread(r, "tiepoint-transfer");
				t.setDaemon(true);
				return t;
			});
			progressThread = new Thread(this::reportLoop, "tiepoint-progress");
			progressThread.setDaemon(true);
			progressThread.start();
			verifier = new Thread(this::verifyLoop, "tiepoint-verify");
			verifier.setDaemon(true);
			verifier.start();
			return true;
		}

		/** @param id an Uploaded image: followed by {@link #verifyLoop()}, in the order it arrived */
		void awaitVerification(long id) {
			verifying.putIfAbsent(id, verifyOrder.incrementAndGet());
		}

		/**
		 * Queues an image: one image per checksum is sent at a time, its twins follow once it is done
		 * (they are then Existing). An Uploaded image only waits for its verification.
		 */
		void submit(ImageEntry e) {
			// the totals grow while a pipelined ingest is still inspecting
			bytesTotal.addAndGet(e.state() == ImageState.UPLOADED ? 0 : e.size());
			if (e.state() == ImageState.UPLOADED) {
				awaitVerification(e.id());
				filesTotal.incrementAndGet();
				return;
			}
			filesTotal.incrementAndGet();
			Runnable task = () -> {
				if (!canceled()) {
					send(e);
					monitor.worked(1);
				}
			};
			String key = e.sha1() == null ? "id:" + e.id() : e.sha1();
			CompletableFuture<Void> f = chains.compute(key, (k, prev) -> prev == null
					? CompletableFuture.runAsync(task, pool)
					: prev.handle((v, t) -> null).thenRunAsync(task, pool));
			futures.add(f);
		}

		/** Waits for every queued image, then for the verification; stops the threads. */
		void finish() {
			feeding = false;
			try {
				for (Future<?> f : futures) {
					try {
						while (true) {
							try {
								f.get(200, TimeUnit.MILLISECONDS);
								break;
							} catch (java.util.concurrent.TimeoutException te) {
								if (monitor.isCanceled()) {
									stopping = true;
								}
							}
						}
					} catch (java.util.concurrent.ExecutionException ee) {
						notes.add("internal error: " + ee.getCause());
					} catch (java.util.concurrent.CancellationException ce) {
						// stopped
					}
				}
				verifier.join(); // ends when nothing is left to verify, on timeout, or when canceled
			} catch (InterruptedException ie) {
				Thread.currentThread().interrupt();
				stopping = true;
			} finally {
				stopping = stopping || monitor.isCanceled();
				pool.shutdownNow();
				try {
					pool.awaitTermination(30, TimeUnit.SECONDS);
				} catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
				}
				progressThread.interrupt();
				reportOnce("done");
				monitor.done();
			}
		}

		/** Sends one image with retries. */
		void send(ImageEntry first) {
			ImageEntry e = first;
			int attempt = e.attempts();
			while (!canceled()) {
				try {
					sendOnce(e);
					return;
				} catch (OperationCanceledException oce) {
					return;
				} catch (PlatformException | StorageException | IOException ex) {
					if (canceled()) {
						return;
					}
					boolean retryable = ex instanceof PlatformException pe ? pe.retryable()
							: ex instanceof StorageException se ? se.retryable() : !(ex instanceof JournalException);
					boolean expired = ex instanceof StorageException se && se.kind() == StorageException.Kind.EXPIRED;
					attempt++;
					String message = message(ex);
					try {
						if (!retryable || attempt >= options.maxAttempts()) {
							journal.update(e.id(), Update.to(ImageState.FAILED).error(message, retryable).attempts(attempt));
							done.incrementAndGet();
							return;
						}
						journal.update(e.id(), Update.fields().attempts(attempt).error(message, true));
						if (!expired && !sleep(backoff(attempt))) {
							return;
						}
						e = journal.image(e.id()).orElse(e);
					} catch (JournalException je) {
						notes.add(e.name() + ": journal failure: " + je.getMessage());
						stopping = true; // the journal is the truth: without it nothing may go on
						return;
					}
				}
			}
		}

		private String message(Exception ex) {
			String m = ex.getMessage();
			return m == null ? ex.getClass().getSimpleName() : m;
		}

		private boolean sleep(long ms) {
			return IngestEngine.sleep(ms, this::canceled);
		}

		/** One attempt: every step commits its state before the next starts. */
		void sendOnce(ImageEntry e) throws PlatformException, StorageException, IOException {
			Path file = Path.of(e.path());
			if (!Files.isReadable(file)) {
				throw new StorageException(StorageException.Kind.PERMANENT, file + ": cannot be read any more");
			}
			if (e.remoteId() == null) {
				Optional<RemoteImage> has = call(() -> client.hasImage(pid, e.sha1()));
				if (has.isPresent() && has.get().ready()) {
					journal.update(e.id(), Update.to(ImageState.EXISTING).remoteId(has.get().id()).error(null, false));
					done.incrementAndGet();
					return;
				}
			}
			Registration reg = register(e);
			RemoteImage img = reg.image();
			Long owner = claimed.putIfAbsent(img.id(), e.id());
			if (owner != null && owner != e.id()) {
				String twin = journal.image(owner).map(ImageEntry::name).orElse("another image");
				journal.update(e.id(), Update.to(ImageState.EXISTING).remoteId(img.id()).error("same content as " + twin, false));
				done.incrementAndGet();
				return;
			}
			if (reg.url() == null || img.ready() || "Uploaded".equals(img.state())) {
				if (img.ready()) {
					journal.update(e.id(), Update.to(ImageState.READY).remoteId(img.id()).error(null, false));
					done.incrementAndGet();
				} else {
					journal.update(e.id(), Update.to(ImageState.UPLOADED).remoteId(img.id()).error(null, false));
					awaitVerification(e.id());
				}
				return;
			}
			if (e.state() == ImageState.UPLOADING && img.id().equals(e.remoteId()) && e.size() > 0
					&& e.offset() >= e.size()) {
				// the store acknowledged every byte in an earlier run that ended before doneImageUpload
				try {
					finish(e, call(() -> client.doneImageUpload(img.id())));
					return;
				} catch (PlatformException pe) {
					if (pe.retryable()) {
						throw pe;
					}
					// the platform does not see the object: send it again
				}
			}
			if (e.state() != ImageState.UPLOADING || !img.id().equals(e.remoteId())) {
				journal.update(e.id(), Update.to(ImageState.REGISTERED).remoteId(img.id()));
			}
			call(() -> client.startImageUpload(img.id()));
			journal.update(e.id(), Update.to(ImageState.UPLOADING).remoteId(img.id()));
			String contentType = e.mediaType() != null ? e.mediaType() : "image/jpeg";
			long t0 = System.nanoTime();
			FileContent content = new FileContent(file, e.size(), limiter, sent, this::canceled);
			StorageObject object = new StorageObject(e.name(), img.filename() == null ? e.name() : pid + "/" + img.filename(),
					content, e.sha1(), e.md5(), contentType, reg.url(), reg.expires(), reg.grant());
			TransferListener listener = new TransferListener() {
				@Override
				public void committed(long offset) {
					try {
						journal.update(e.id(), Update.fields().offset(offset));
					} catch (JournalException je) {
						// the next committed offset or the final state is written; the destination stays the truth
					}
				}

				@Override
				public void resumeToken(String token) {
					try {
						journal.update(e.id(), Update.fields().resumeToken(token));
					} catch (JournalException je) {
						// without it the next run asks the destination from the start
					}
				}
			};
			try {
				put(object, e.resumeToken(), listener);
			} catch (StorageException se) {
				throw se;
			} finally {
				sendNanos.addAndGet(System.nanoTime() - t0);
				try {
					journal.update(e.id(), Update.fields().bytesSent(e.bytesSent() + content.given()));
				} catch (JournalException ignored) {
					// a statistic
				}
			}
			if (canceled()) {
				throw new OperationCanceledException();
			}
			filesSent.incrementAndGet();
			finish(e, call(() -> client.doneImageUpload(img.id())));
		}

		/** Records what the platform said to doneImageUpload. */
		private void finish(ImageEntry e, RemoteImage doneImg) throws JournalException {
			if (doneImg.ready()) {
				journal.update(e.id(), Update.to(ImageState.READY).offset(e.size()).error(null, false));
				done.incrementAndGet();
			} else if (doneImg.invalid()) {
				journal.update(e.id(), Update.to(ImageState.INVALID).offset(e.size()).error(String.join("; ", doneImg.error()), false));
				done.incrementAndGet();
			} else {
				journal.update(e.id(), Update.to(ImageState.UPLOADED).offset(e.size()).error(null, false));
				awaitVerification(e.id());
			}
		}

		private Registration register(ImageEntry e) throws PlatformException {
			String type = e.mediaType() == null ? null : switch (e.mediaType()) {
			case "image/tiff" -> "TIFF";
			case "image/png" -> "PNG";
			default -> "JPEG";
			};
			io.tiepoint.core.storage.PlatformBinding binding = providers.forCloud(cloud)
					.flatMap(io.tiepoint.core.storage.StorageProviderDescriptor::platformBinding)
					.orElseThrow(() -> new PlatformException(PlatformException.Kind.REJECTED, "CLOUD_NOT_SUPPORTED",
							"no installed storage provider serves the platform cloud '" + cloud + "'", null));
			io.tiepoint.platform.UploadRequest request = new io.tiepoint.platform.UploadRequest(binding.mutation(),
					binding.bucketType(), pid, binding.buckets() ? bucket : null, e.name(), type, e.sha1(), binding.payload());
			return call(() -> client.register(request));
		}

		private void put(StorageObject object, String resumeToken, TransferListener listener) throws StorageException {
			IProgressMonitor m = new NullProgressMonitor() {
				@Override
				public boolean isCanceled() {
					return canceled();
				}
			};
			try {
				Optional<OffsetResumable> offset = session.feature(OffsetResumable.class);
				if (offset.isPresent()) {
					offset.get().upload(object, resumeToken, listener, m);
					return;
				}
				Optional<MultipartPut> multi = session.feature(MultipartPut.class);
				if (multi.isPresent() && object.url() == null && object.size() >= multi.get().threshold()) {
					multi.get().upload(object, resumeToken, listener, m);
					return;
				}
				SinglePut single = session.feature(SinglePut.class).orElseThrow(() -> new StorageException(
						StorageException.Kind.PERMANENT, "storage '" + cloud + "' cannot send " + object.name()));
				single.put(object, listener, m);
			} catch (RuntimeException re) {
				if (re.getCause() instanceof InterruptedIOException || canceled()) {
					throw new StorageException(StorageException.Kind.CANCELED, object.name() + ": canceled", re);
				}
				throw new StorageException(StorageException.Kind.TRANSIENT, object.name() + ": " + re, re);
			}
		}

		<T> T call(Call<T> c) throws PlatformException {
			return retrying(c, this::canceled);
		}

		/** Images asked for at most per round of {@link #verifyLoop()}. */
		static final int POLL_MAX = 64;
		/** A round stops after this many images in a row still being verified. */
		static final int POLL_PENDING_RUN = 4;

		/** Polls the platform for the verification of Uploaded images until none is left. */
		void verifyLoop() {
			long deadline = Long.MAX_VALUE;
			long pause = 500;
			int skip = 0;
			while (!canceled()) {
				boolean transfersDone = !feeding && (done.get() + verifying.size() >= filesTotal.get() || filesTotal.get() == 0);
				if (verifying.isEmpty()) {
					if (transfersDone && allSettled()) {
						return;
					}
					sleep(200);
					continue;
				}
				if (transfersDone && deadline == Long.MAX_VALUE) {
					deadline = System.currentTimeMillis() + options.verifyTimeout().toMillis();
				}
				if (System.currentTimeMillis() > deadline) {
					notes.add(verifying.size() + " image(s) still being verified by the platform after "
							+ options.verifyTimeout().toSeconds() + " s: run again later to see their state");
					return;
				}
				try {
					// oldest first, image by image, until a few in a row are still being verified: the platform
					// verifies in about the order it was told, so a round costs about one call per image that
					// settled (no listing of everything still waiting: at 10,000 images that was the cost); a
					// round that settles nothing starts further on next time, past images held up longer
					List<Long> queue = verifying.entrySet().stream().sorted(Map.Entry.comparingByValue())
							.map(Map.Entry::getKey).toList();
					int from = queue.isEmpty() ? 0 : skip % queue.size();
					int asked = 0;
					int pendingInARow = 0;
					// one image's failed call costs that image this round, not the round: under a 10 % fault
					// rate a round of 20 calls would almost never complete
					boolean failed = false;
					Map<Long, Update> updates = new LinkedHashMap<>();
					for (int k = 0; k < queue.size() && asked < POLL_MAX && pendingInARow < POLL_PENDING_RUN; k++) {
						Long id = queue.get((from + k) % queue.size());
						ImageEntry e = journal.image(id).orElse(null);
						if (e == null) {
							verifying.remove(id);
							done.incrementAndGet();
							continue;
						}
						if (e.remoteId() == null) {
							updates.put(id, Update.to(ImageState.FAILED).error("no platform id to follow", true));
							continue;
						}
						RemoteImage r;
						asked++;
						try {
							r = call(() -> client.image(pid, e.remoteId())).orElse(null);
						} catch (PlatformException pe) {
							failed = true;
							continue;
						}
						if (r == null) {
							updates.put(id, Update.to(ImageState.FAILED).error("the platform lost the image", true));
						} else if (r.ready()) {
							updates.put(id, Update.to(ImageState.READY).error(null, false));
						} else if (r.invalid()) {
							updates.put(id, Update.to(ImageState.INVALID).error(String.join("; ", r.error()), false));
						} else {
							pendingInARow++;
							continue;
						}
						pendingInARow = 0;
					}
					skip = updates.isEmpty() && !failed ? skip + asked : 0;
					journal.updateBatch(updates);
					updates.keySet().forEach(verifying::remove);
					done.addAndGet(updates.size());
					pause = failed ? Math.min(5000, pause * 2) : updates.isEmpty() ? Math.min(2000, pause + 250) : 500;
					if (transfersDone && !failed && verifying.size() <= 20) {
						pause = Math.min(pause, 250); // the last few: nothing else to wait for, a few small calls
					}
				} catch (JournalException je) {
					notes.add("journal failure while verifying: " + je.getMessage());
					return;
				}
				sleep(pause);
			}
		}

		private boolean allSettled() {
			return !feeding && done.get() >= filesTotal.get();
		}

		void reportLoop() {
			while (!Thread.currentThread().isInterrupted()) {
				String phase = verifying.isEmpty() ? "uploading" : "uploading, verifying";
				int inspected = inspectedSoFar;
				reportOnce(inspected >= 0 && feeding ? "inspecting " + inspected + "/" + inspectTotal + ", " + phase : phase);
				try {
					Thread.sleep(500);
				} catch (InterruptedException ie) {
					return;
				}
			}
		}

		private long lastBytes;
		private long lastNanos = System.nanoTime();
		private double rate;

		synchronized void reportOnce(String phase) {
			long now = System.nanoTime();
			long bytes = sent.get();
			double dt = (now - lastNanos) / 1e9;
			if (dt > 0.05) {
				double inst = (bytes - lastBytes) / dt;
				rate = rate == 0 ? inst : 0.7 * rate + 0.3 * inst;
				lastBytes = bytes;
				lastNanos = now;
			}
			int files = filesTotal.get();
			long total = bytesTotal.get();
			long left = Math.max(0, total - bytes);
			long eta = rate > 1 ? (long) (left / rate) : -1;
			fire(new IngestProgress(phase, Math.min(done.get(), files), files, bytes, total, rate, eta));
			monitor.subTask(String.format(Locale.ROOT, "%d/%d images, %s of %s, %s/s%s", done.get(), files,
					Units.bytes(bytes), Units.bytes(total), Units.bytes((long) rate), eta >= 0 ? ", " + Units.duration(eta) + " left" : ""));
		}
	}
}
