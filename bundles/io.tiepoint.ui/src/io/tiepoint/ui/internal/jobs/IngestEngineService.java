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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.ingest.IngestEngine;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.IngestSummary;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.hub.WorkspaceHubs;
import io.tiepoint.platform.PlatformClient;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.RemoteTask;

/**
 * The workbench's uploads and reconstructions on top of {@link IngestEngine}: the same engine, journal
 * and hubs as {@code tiepoint ingest}. The embedded hub of a workspace is started once and runs until
 * the workbench exits (a reconstruction it runs must outlive the job that launched it).
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

	private static WorkspaceHubs hubs(Workspace ws) throws IOException {
		synchronized (HUBS) {
			WorkspaceHubs h = HUBS.get(ws.root());
			if (h == null) {
				Map<String, String> env = System.getenv();
				TiepointConfig config;
				try {
					config = TiepointConfig.load(Map.of(), TiepointConfig.userFile(env), ws.root(), env, Map.of());
				} catch (ConfigException e) {
					throw new IOException(e.getMessage(), e);
				}
				h = new WorkspaceHubs(ws, config);
				HUBS.put(ws.root(), h);
			}
			return h;
		}
	}

	/**
	 * Stops the embedded hub of a workspace, if one was started (a workspace that is closed or deleted).
	 *
	 * @param root the workspace's root
	 */
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
					IngestOptions.Builder b = IngestOptions.builder().connector(hubs(workspace));
					if (request != null) {
						b.hub(request.hub()).cloud(request.cloud()).bucket(request.bucket()).threads(request.threads())
								.limitRate(request.limitRate()).includeRejected(request.includeRejected())
								.retryFailed(request.retryFailed());
					}
					IngestEngine engine = new IngestEngine(workspace, b.build());
					monitor.beginTask("Uploading " + project, 1000);
					int[] reported = { 0 };
					engine.addListener(p -> {
						monitor.subTask(TransferText.format(p.filesDone(), p.filesTotal(), p.bytesDone(), p.bytesTotal(),
								p.bytesPerSecond(), p.etaSeconds()));
						int now = p.filesTotal() == 0 ? 1000 : (int) (1000L * p.filesDone() / p.filesTotal());
						synchronized (reported) {
							if (now > reported[0]) {
								monitor.worked(now - reported[0]);
								reported[0] = now;
							}
						}
					});
					IngestSummary s = engine.upload(project, monitor);
					int failed = s.counts().getOrDefault(ImageState.FAILED, 0) + s.counts().getOrDefault(ImageState.INVALID, 0);
					if (monitor.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					return failed > 0
							? Status.warning(project + ": " + failed + " image(s) failed or were refused; see the Images view")
							: Status.info(project + ": " + s.filesSent() + " image(s) sent, "
									+ s.counts().getOrDefault(ImageState.READY, 0) + " Ready");
				} catch (OperationCanceledException e) {
					return Status.CANCEL_STATUS;
				} catch (IOException e) {
					return Status.error("Cannot upload " + project + ": " + e.getMessage(), e);
				} finally {
					monitor.done();
				}
			}
		};
		job.setUser(true);
		return job;
	}

	@Override
	public String launchReconstruction(Workspace workspace, String project, String taskType, IProgressMonitor monitor)
			throws IOException {
		Project p = workspace.journal().project(project)
				.orElseThrow(() -> new IOException("no project '" + project + "'"));
		if (p.remoteId() == null) {
			throw new IOException(project + " has no images on its hub yet: upload first");
		}
		HubEndpoint endpoint = hubs(workspace).connect(p.hub());
		try (PlatformClient client = new PlatformClient(endpoint.uri(), endpoint.key(), endpoint.token())) {
			RemoteTask task = client.startReconstruction(p.remoteId(), taskType);
			return task.id();
		} catch (PlatformException e) {
			throw new IOException("hub " + endpoint.uri() + " refused the reconstruction of " + project + ": "
					+ e.getMessage(), e);
		}
	}
}
