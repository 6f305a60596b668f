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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.WizardDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.project.Workspace;
import io.tiepoint.platform.RemoteEngine;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.jobs.IngestService;
import io.tiepoint.ui.internal.jobs.UploadRequest;
import io.tiepoint.ui.internal.jobs.UploadServices;
import io.tiepoint.ui.internal.wizards.LaunchPage;
import io.tiepoint.ui.internal.wizards.UploadWizard;

/**
 * The Launch Reconstruction wizard lists the engines the project's hub has (asked in the background), offers the
 * task types of the chosen one, and launches with it.
 */
class LaunchWizardTest {

	@TempDir
	Path tmp;
	private Ui ui;
	private WorkbenchModel model;
	private WizardDialog dialog;
	private final List<String> launched = new CopyOnWriteArrayList<>();

	/** A hub with COLMAP and, by default, NodeODM; records the launches. */
	private final IngestService hub = new IngestService() {
		@Override
		public Job createUploadJob(Workspace workspace, String project, UploadRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String launchReconstruction(Workspace workspace, String project, String taskType, IProgressMonitor m) {
			return launchReconstruction(workspace, project, taskType, null, m);
		}

		@Override
		public String launchReconstruction(Workspace workspace, String project, String taskType, String engine,
				IProgressMonitor m) {
			launched.add(project + " " + taskType + " " + engine);
			return "t1";
		}

		@Override
		public List<RemoteEngine> engines(Workspace workspace, String project) throws IOException {
			return List.of(new RemoteEngine("colmap", "COLMAP", List.of("Native", "Reconstruction", "Full", "Sparse"), false),
					new RemoteEngine("nodeodm", "OpenDroneMap on NodeODM", List.of("Dense", "Native", "Reconstruction"), true));
		}
	};

	@BeforeEach
	void open() throws Exception {
		ui = Ui.open();
		model = WorkbenchModel.open(tmp.resolve("ws"), ui.display);
		model.workspace().journal().createProject("flight", "embedded", "gridfs");
		model.setCurrentProject("flight");
		UploadServices.set(hub);
	}

	@AfterEach
	void close() {
		UploadServices.set(null);
		if (dialog != null) {
			dialog.close();
		}
		model.close();
		ui.close();
	}

	@Test
	void theHubsEnginesAreListedAndTheChosenOneLaunches() throws Exception {
		UploadWizard wizard = new UploadWizard(model, true);
		dialog = new WizardDialog(ui.shell, wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		LaunchPage page = wizard.launchPage();
		page.loading().join();
		ui.spinUntil(() -> page.engines().size() == 2, 5000, "the hub's engines");
		assertNull(page.engine(), "the hub's choice until one is chosen");
		assertEquals(List.of("Reconstruction", "Full", "Sparse", "Native"), page.taskTypes());
		page.choose("nodeodm");
		assertEquals("nodeodm", page.engine().id());
		assertEquals(List.of("Reconstruction", "Native", "Dense"), page.taskTypes(), "the types NodeODM runs");
		assertEquals("Reconstruction", page.taskType(), "the type chosen before stays when the engine runs it");
		ui.screenshot(dialog.getShell(), "launch");
		page.whenReady(false);
		assertTrue(wizard.performFinish());
		ui.spinUntil(() -> !launched.isEmpty(), 5000, "the launch");
		assertEquals(List.of("flight Reconstruction nodeodm"), launched);
	}
}
