/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.operations.InspectOperation;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.images.ImagesPanel;
import io.tiepoint.ui.internal.jobs.IngestEngineService;
import io.tiepoint.ui.internal.jobs.UploadServices;

/**
 * The Upload job as the wizard schedules it: the real ingest engine, the workspace's embedded hub, GridFS.
 * The sample survey goes to {@code Ready}; the job reports progress (files, bytes) to its monitor while
 * it runs, and the Images view shows the states change while the job is still running.
 */
class UploadJobTest {

	@TempDir
	Path tmp;

	@Test
	void uploadJobTakesTheSurveyToReadyWhileTheImagesViewFollows() throws Exception {
		Path images = TestData.sampleImages();
		Ui ui = Ui.open();
		WorkbenchModel model = WorkbenchModel.open(tmp.resolve("ws"), ui.display);
		try {
			model.workspace().journal().createProject("flight", "embedded", "gridfs");
			new InspectOperation(model.workspace(), "flight", List.of(images), false, IngestOptions.builder().build())
					.execute(new NullProgressMonitor());
			model.setCurrentProject("flight");
			ImagesPanel p = new ImagesPanel(ui.shell, model);
			ui.shell.layout(true, true);
			ui.shell.open();
			ui.spinUntil(() -> !p.isLoading() && p.rows().size() == 16, 20_000, "16 inspected rows");
			assertEquals(16, p.rows().counts().getOrDefault(ImageState.INSPECTED, 0), p.rows().counts().toString());

			// progress as the Progress view would see it
			List<String> subTasks = new ArrayList<>();
			Job.getJobManager().setProgressProvider(new ProgressProvider() {
				@Override
				public org.eclipse.core.runtime.IProgressMonitor createMonitor(Job job) {
					return new NullProgressMonitor() {
						@Override
						public void subTask(String name) {
							synchronized (subTasks) {
								subTasks.add(name);
							}
						}
					};
				}
			});
			Job job = UploadServices.get().createUploadJob(model.workspace(), "flight", null);
			AtomicReference<IStatus> result = new AtomicReference<>();
			job.addJobChangeListener(new JobChangeAdapter() {
				@Override
				public void done(IJobChangeEvent event) {
					result.set(event.getResult());
				}
			});
			Set<ImageState> seenWhileRunning = EnumSet.noneOf(ImageState.class);
			job.schedule();
			ui.spinUntil(() -> {
				if (result.get() == null) {
					p.rows().counts().forEach((state, n) -> {
						if (n > 0) {
							seenWhileRunning.add(state);
						}
					});
				}
				return result.get() != null;
			}, 180_000, "the upload job");
			IStatus status = result.get();
			assertNotNull(status);
			assertTrue(status.getSeverity() <= IStatus.INFO, status.toString());
			assertTrue(status.getMessage().contains("16 Ready"), status.getMessage());
			ui.spinUntil(() -> !p.isLoading() && p.rows().counts().getOrDefault(ImageState.READY, 0) == 16, 10_000,
					"16 Ready rows");
			Map<ImageState, Integer> counts = p.rows().counts();
			assertEquals(Map.of(ImageState.READY, 16), counts);
			seenWhileRunning.remove(ImageState.INSPECTED);
			assertTrue(!seenWhileRunning.isEmpty(), "the Images view showed no state change before the job ended");
			synchronized (subTasks) {
				assertTrue(subTasks.stream().anyMatch(s -> s.contains("16")), "progress text: " + subTasks);
			}
		} finally {
			Job.getJobManager().setProgressProvider(null);
			IngestEngineService.closeHubs(model.workspace().root());
			model.close();
			ui.close();
		}
	}
}
