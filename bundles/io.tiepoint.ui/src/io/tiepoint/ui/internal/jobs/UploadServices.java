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

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.tiepoint.core.project.Workspace;

/**
 * Finds the {@link IngestService}: {@value #ENGINE_SERVICE} (compiled from {@code src-ingest/} once the
 * core's ingest engine is in the build), else a service whose jobs fail saying what is missing.
 */
public final class UploadServices {

	/** The implementation on top of {@code io.tiepoint.core.ingest.IngestEngine}. */
	public static final String ENGINE_SERVICE = "io.tiepoint.ui.internal.jobs.IngestEngineService";

	private static IngestService service;

	private UploadServices() {
	}

	/** @return the service */
	public static synchronized IngestService get() {
		if (service == null) {
			try {
				service = (IngestService) Class.forName(ENGINE_SERVICE, true, UploadServices.class.getClassLoader())
						.getDeclaredConstructor().newInstance();
			} catch (ReflectiveOperationException | LinkageError e) {
				service = new Unavailable(e.toString());
			}
		}
		return service;
	}

	/** @param s the service to use (tests), or null to look it up again */
	public static synchronized void set(IngestService s) {
		service = s;
	}

	private record Unavailable(String why) implements IngestService {
		@Override
		public Job createUploadJob(Workspace workspace, String project, UploadRequest request) {
			Job j = new Job("Uploading " + project) {
				@Override
				protected IStatus run(IProgressMonitor monitor) {
					return Status.error("cannot upload " + project + ": the ingest engine is not in this build (" + why + ")");
				}
			};
			j.setUser(true);
			return j;
		}

		@Override
		public String launchReconstruction(Workspace workspace, String project, String taskType, IProgressMonitor m)
				throws IOException {
			throw new IOException("cannot reconstruct " + project + ": the ingest engine is not in this build (" + why + ")");
		}
	}
}
