/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.jobs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.tiepoint.core.Services;
import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.ingest.PlatformFactory;
import io.tiepoint.core.operations.IngestOperation;
import io.tiepoint.core.operations.LaunchOperation;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.platform.RemoteEngine;
import io.tiepoint.ui.internal.prefs.ProviderPreferences;

/**
 * The workbench's uploads and reconstructions: the core's {@link IngestOperation} and
 * {@link LaunchOperation} as jobs. A project with its own destination is sent with the settings of its provider
 * that the user stored in the workbench ({@link ProviderPreferences}: preferences and secure storage), else
 * those of the workspace (files and {@code TIEPOINT_*} environment), as {@code tiepoint ingest} reads them. The embedded hub of a
 * workspace, once started, keeps running for the
 * workbench's later jobs until {@link #closeHubs(Path)} or the end of the process.
 */
public final class IngestEngineService implements IngestService {

	private static final Map<Path, WorkspaceHubs> HUBS = new HashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			synchronized (HUBS) {
				HUBS.values().forEach(WorkspaceHubs::close);
				HUBS.clear();
			}
		}, "tiepoint-hubs-shutdown"));
	}

	private static WorkspaceHubs hubs(Workspace ws) throws ConfigException {
		synchronized (HUBS) {
			WorkspaceHubs h = HUBS.get(ws.root());
			if (h == null) {
				h = WorkspaceHubs.of(ws, UploadServices.config(ws));
				HUBS.put(ws.root(), h);
			}
			return h;
		}
	}

	/** @param root a workspace whose embedded hub stops (when the workbench closes it) */
	public static void closeHubs(Path root) {
		WorkspaceHubs h;
		synchronized (HUBS) {
			h = HUBS.remove(root);
		}
		if (h != null) {
			h.close();
		}
	}

	@Override
	public Job createUploadJob(Workspace workspace, String project, UploadRequest request) {
		Job job = new Job("Uploading " + project) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					TiepointConfig config = UploadServices.config(workspace);
					IngestOptions.Builder b = IngestOptions.builder(config).connector(hubs(workspace));
					StorageProviders providers = Services.get(StorageProviders.class);
					Optional<StorageProviderDescriptor> store = directProvider(workspace, project, providers);
					if (store.isPresent()) { // what the user stored in the preferences, else the workspace's settings
						b.settings(ProviderPreferences.workbench().settings(store.get(), config));
					}
					if (request != null) {
						b.hub(request.hub()).cloud(request.cloud()).bucket(request.bucket()).threads(request.threads())
								.limitRate(request.limitRate()).includeRejected(request.includeRejected())
								.retryFailed(request.retryFailed());
					}
					IngestOperation op = new IngestOperation(workspace, new IngestOperation.Request(project, List.of(),
							request == null ? null : request.hub(), request == null ? null : request.cloud(), null, false),
							b.build(), providers, List.of());
					op.execute(monitor); // the run reports images done and a text of files, bytes, rate and time left
					if (monitor.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					IngestSummary s = op.summary();
					int failed = s.counts().getOrDefault(ImageState.FAILED, 0) + s.counts().getOrDefault(ImageState.INVALID, 0);
					int arrived = s.counts().getOrDefault(ImageState.READY, 0) + s.counts().getOrDefault(ImageState.STORED, 0);
					return failed > 0
							? Status.warning(project + ": " + failed + " image(s) failed or were refused; see the Images view")
							: Status.info(project + ": " + s.filesSent() + " image(s) sent, " + arrived
									+ (s.counts().containsKey(ImageState.STORED) ? " Stored" : " Ready"));
				} catch (OperationCanceledException e) {
					return Status.CANCEL_STATUS;
				} catch (IOException | ConfigException | IllegalArgumentException e) {
					return Status.error("Cannot upload " + project + ": " + e.getMessage(), e);
				} finally {
					monitor.done();
				}
			}
		};
		job.setUser(true);
		return job;
	}

	/** @return the provider that takes the project's own destination, when it has one */
	private static Optional<StorageProviderDescriptor> directProvider(Workspace ws, String project,
			StorageProviders providers) throws JournalException {
		Optional<Project> p = ws.journal().project(project);
		return p.isPresent() && p.get().direct() ? providers.forDestination(URI.create(p.get().destination()))
				: Optional.empty();
	}

	@Override
	public String launchReconstruction(Workspace workspace, String project, String taskType, IProgressMonitor monitor)
			throws IOException {
		return launchReconstruction(workspace, project, taskType, null, monitor);
	}

	@Override
	public List<RemoteEngine> engines(Workspace workspace, String project) throws IOException {
		try {
			return LaunchOperation.engines(workspace, project, hubs(workspace), PlatformFactory.GRAPHQL);
		} catch (ConfigException | IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	@Override
	public String launchReconstruction(Workspace workspace, String project, String taskType, String engine,
			IProgressMonitor monitor) throws IOException {
		return launchReconstruction(workspace, project, taskType, engine, false, true, monitor);
	}

	@Override
	public String launchReconstruction(Workspace workspace, String project, String taskType, String engine,
			boolean whenReady, boolean anyway, IProgressMonitor monitor) throws IOException {
		try {
			LaunchOperation op = new LaunchOperation(workspace, project, taskType, false, hubs(workspace),
					Services.get(StorageProviders.class)).engine(engine).whenReady(whenReady).anyway(anyway);
			op.execute(monitor);
			return op.task().id();
		} catch (ConfigException | IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}
}
