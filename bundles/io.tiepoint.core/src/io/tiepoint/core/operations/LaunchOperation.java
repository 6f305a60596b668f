/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.core.ingest.HubConnector;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.ingest.PlatformFactory;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.RemoteEngine;
import io.tiepoint.platform.RemoteTask;

/**
 * Starts a reconstruction of a project's {@code Ready} images on its hub ({@code startReconstructionWithError}, or
 * {@code preStartReconstruction} to let the hub start once what arrived is verified) after comparing them with
 * what the journal meant to send ({@link ReadyCheck}: refused when images are missing unless asked to start
 * anyway) and, when asked to follow it, reports each change of its step until it ends, then downloads the files it
 * produced into {@code WORKSPACE/results/PROJECT/TASK/} (a partial file is resumed). Canceling stops
 * following, not the task ({@link #cancel} stops the task).
 */
public final class LaunchOperation implements TiepointOperation {

	private final Workspace workspace;
	private final String project;
	private final String taskType;
	private final boolean follow;
	private final HubConnector hubs;
	private final StorageProviders providers;
	private PlatformFactory platforms = PlatformFactory.GRAPHQL;
	private String engine;
	private boolean anyway;
	private boolean whenReady;
	private ReadyCheck check;
	private Consumer<RemoteTask> changes = t -> {
	};
	private RemoteTask task;
	private final Map<String, Path> downloaded = new LinkedHashMap<>();
	private String downloadError;

	/**
	 * @param workspace the workspace
	 * @param project   the project (uploaded to a hub)
	 * @param taskType  a TASK_TYPE, or null for the hub's default
	 * @param follow    follow the task to its end and download its files
	 * @param hubs      reaches the project's hub
	 * @param providers the storage providers (one fetches the platform's task results)
	 */
	public LaunchOperation(Workspace workspace, String project, String taskType, boolean follow, HubConnector hubs,
			StorageProviders providers) {
		this.workspace = workspace;
		this.project = project;
		this.taskType = taskType;
		this.follow = follow;
		this.hubs = hubs;
		this.providers = providers;
	}

	/** @param c receives the task whenever its state or step changes @return this */
	public LaunchOperation onChange(Consumer<RemoteTask> c) {
		changes = c;
		return this;
	}

	/** @param id the hub's engine to run (its {@code support.engines} id), or null for the hub's choice @return this */
	public LaunchOperation engine(String id) {
		engine = id;
		return this;
	}

	/**
	 * @param yes start even when images the journal meant to send are not Ready on the hub (otherwise
	 *            {@link #execute} refuses with {@link ReadyCheck.Incomplete}, naming them)
	 * @return this
	 */
	public LaunchOperation anyway(boolean yes) {
		anyway = yes;
		return this;
	}

	/**
	 * @param yes let the hub start the task once every image that arrived is verified
	 *            ({@code preStartReconstruction}) instead of starting it now ({@code startReconstructionWithError})
	 * @return this
	 */
	public LaunchOperation whenReady(boolean yes) {
		whenReady = yes;
		return this;
	}

	/** @param f opens the hub's platform API (a stand-in in tests) @return this */
	public LaunchOperation platforms(PlatformFactory f) {
		platforms = f;
		return this;
	}

	@Override
	public void execute(IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Reconstruction of " + project, 1000);
		Project p = onHub(workspace, project);
		HubEndpoint endpoint = hubs.connect(p.hub());
		try (PlatformApi api = platforms.open(endpoint, Duration.ofSeconds(60))) {
			check = ReadyCheck.of(workspace.journal(), project, api, p.remoteId(), whenReady);
			if (!check.complete() && !anyway) {
				throw new ReadyCheck.Incomplete(check);
			}
			task = whenReady ? preStart(api, p.remoteId()) : api.startReconstruction(p.remoteId(), taskType, engine);
			changes.accept(task);
			progress.worked(10);
			if (!follow) {
				return;
			}
			String last = task.state() + task.step();
			int reported = 0;
			while (!task.finished()) {
				if (progress.isCanceled()) {
					throw new OperationCanceledException();
				}
				sleep();
				task = api.latestTask(p.remoteId(), RemoteTask.RESULT_FIELDS).orElse(task);
				if (!(task.state() + task.step()).equals(last)) {
					last = task.state() + task.step();
					changes.accept(task);
				}
				int permille = task.totalSteps() <= 0 ? 0 : (int) (890L * task.step() / task.totalSteps());
				if (permille > reported) {
					progress.worked(permille - reported);
					reported = permille;
				}
			}
			progress.setWorkRemaining(100);
			if ("Done".equals(task.state())) {
				download(endpoint, workspace.root().resolve("results").resolve(project).resolve(task.id()), progress.split(100));
			}
		} catch (PlatformException e) {
			throw new IOException("hub " + endpoint.uri() + " refused the reconstruction of " + project + ": "
					+ (e.code() == null ? "" : e.code() + ": ") + e.getMessage(), e);
		}
	}

	private RemoteTask preStart(PlatformApi api, String pid) throws PlatformException, IOException {
		Optional<RemoteTask> t = api.preStartReconstruction(pid, taskType, engine);
		if (t.isPresent()) {
			return t.get();
		}
		return api.latestTask(pid, "").orElseThrow(() -> new IOException("the hub accepted preStartReconstruction of "
				+ project + " but shows no task"));
	}

	/**
	 * Stops the project's running reconstruction.
	 *
	 * @param workspace the workspace
	 * @param project   the project
	 * @param hubs      reaches its hub
	 * @param platforms opens the hub's API
	 * @return the stopped task
	 * @throws IOException when the hub refuses or cannot be reached
	 */
	public static RemoteTask cancel(Workspace workspace, String project, HubConnector hubs, PlatformFactory platforms)
			throws IOException {
		Project p = onHub(workspace, project);
		HubEndpoint endpoint = hubs.connect(p.hub());
		try (PlatformApi api = platforms.open(endpoint, Duration.ofSeconds(60))) {
			return api.stopReconstruction(p.remoteId());
		} catch (PlatformException e) {
			throw new IOException("hub " + endpoint.uri() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The reconstruction engines of the project's hub, for a client to choose one.
	 *
	 * @param workspace the workspace
	 * @param project   the project
	 * @param hubs      reaches its hub
	 * @param platforms opens the hub's API
	 * @return the engines the hub lists (empty when it lists none: an Altizure platform, an older hub)
	 * @throws IOException when the hub cannot be reached
	 */
	public static List<RemoteEngine> engines(Workspace workspace, String project, HubConnector hubs,
			PlatformFactory platforms) throws IOException {
		Project p = workspace.journal().project(project).orElseThrow(() -> new IllegalArgumentException("no project '"
				+ project + "' in " + workspace.root()));
		if (p.direct()) {
			return List.of();
		}
		HubEndpoint endpoint = hubs.connect(p.hub());
		try (PlatformApi api = platforms.open(endpoint, Duration.ofSeconds(30))) {
			return api.engines();
		} catch (PlatformException e) {
			throw new IOException("hub " + endpoint.uri() + ": " + e.getMessage(), e);
		}
	}

	private static Project onHub(Workspace workspace, String project) throws IOException {
		Project p = workspace.journal().project(project).orElseThrow(() -> new IllegalArgumentException("no project '"
				+ project + "' in " + workspace.root()));
		if (p.direct()) {
			throw new IllegalArgumentException(project + " sends to " + p.destination() + ", not to a platform: there is"
					+ " nothing to reconstruct it");
		}
		if (p.remoteId() == null) {
			throw new IllegalArgumentException(project + " has no images on its hub yet ('tiepoint ingest DIR --project "
					+ project + "' first)");
		}
		return p;
	}

	/** The task's files, with the provider that fetches the platform's results; failures are reported, not thrown. */
	private void download(HubEndpoint endpoint, Path dir, IProgressMonitor monitor) {
		if (task.files().isEmpty()) {
			return;
		}
		StorageProviderDescriptor d = providers.forResults().orElse(null);
		if (d == null) {
			downloadError = "no installed storage provider fetches the platform's task results";
			return;
		}
		Map<String, String> secrets = new HashMap<>();
		secrets.put("appId", endpoint.key());
		if (endpoint.token() != null) {
			secrets.put("license", endpoint.token());
		}
		SubMonitor progress = SubMonitor.convert(monitor, task.files().size());
		try (StorageSession session = providers.provider(d.id())
				.open(new StorageTarget(endpoint.uri(), null, "", Map.of("packageName", "tiepoint"), secrets))) {
			RangedDownload ranged = session.feature(RangedDownload.class).orElseThrow(() -> new StorageException(
					StorageException.Kind.PERMANENT, d.name() + " cannot download"));
			Files.createDirectories(dir);
			for (RemoteTask.File f : task.files()) {
				Path to = dir.resolve(Path.of(f.name()).getFileName().toString());
				ranged.download(f.fileId(), to, progress.split(1));
				downloaded.put(f.name(), to);
			}
		} catch (StorageException | IOException e) {
			downloadError = "the results stay on the hub: " + e.getMessage();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		}
	}

	/** @return what the start left out (or would have), once {@link #execute} has compared; else null */
	public ReadyCheck readyCheck() {
		return check;
	}

	/** @return the task, as last seen */
	public RemoteTask task() {
		return task;
	}

	/** @return the task's files that were downloaded, by name */
	public Map<String, Path> downloaded() {
		return downloaded;
	}

	/** @return why the files could not be downloaded, or null */
	public String downloadError() {
		return downloadError;
	}
}
