/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.wizards;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.tiepoint.core.Services;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.jobs.ReconstructionJob;
import io.tiepoint.ui.internal.jobs.UploadPlan;
import io.tiepoint.ui.internal.jobs.UploadRequest;
import io.tiepoint.ui.internal.jobs.UploadServices;

/**
 * Upload: where the images go ({@link UploadTargetPage}: the project's destination, or its hub and a cloud among
 * the installed providers that serve one), transfer settings, then a dry-run summary read from the journal
 * before anything is sent; Finish starts the upload job. With {@link #reconstruction()} true it is the
 * Launch Reconstruction wizard instead ({@link LaunchPage}: one of the hub's engines, a task type, and whether
 * to start now or once the images are ready).
 */
public class UploadWizard extends Wizard {

	private final WorkbenchModel model;
	private final boolean reconstruction;
	private final String project;
	private final StorageProviders providers;
	private UploadTargetPage target;
	private Label summary;
	private LaunchPage launch;
	private UploadPlan plan;

	/**
	 * @param model          the workspace
	 * @param reconstruction launch a reconstruction instead of uploading
	 */
	public UploadWizard(WorkbenchModel model, boolean reconstruction) {
		this(model, reconstruction, reconstruction ? null : Services.get(StorageProviders.class));
	}

	/**
	 * @param model          the workspace
	 * @param reconstruction launch a reconstruction instead of uploading
	 * @param providers      the installed storage providers
	 */
	public UploadWizard(WorkbenchModel model, boolean reconstruction, StorageProviders providers) {
		this.model = model;
		this.reconstruction = reconstruction;
		this.project = model.currentProject();
		this.providers = providers;
		setWindowTitle(reconstruction ? "Launch Reconstruction" : "Upload");
	}

	/** @return the first page, where the images go (null for Launch Reconstruction) */
	public UploadTargetPage targetPage() {
		return target;
	}

	/** @return the Launch Reconstruction page (null for Upload) */
	public LaunchPage launchPage() {
		return launch;
	}

	/** @return whether this is the Launch Reconstruction wizard */
	public boolean reconstruction() {
		return reconstruction;
	}

	/** @return the dry-run summary shown, or null */
	public UploadPlan plan() {
		return plan;
	}

	@Override
	public void addPages() {
		if (reconstruction) {
			launch = new LaunchPage(model.workspace(), project);
			addPage(launch);
			return;
		}
		target = new UploadTargetPage(currentProject(), providers, model.workspace());
		addPage(target);
		addPage(new WizardPage("summary", "Dry run", null) {
			@Override
			public void createControl(Composite parent) {
				setDescription("What the upload would do. Finish to start it.");
				summary = new Label(parent, SWT.WRAP);
				setControl(summary);
			}

			@Override
			public void setVisible(boolean visible) {
				if (visible) {
					refreshPlan();
				}
				super.setVisible(visible);
			}
		});
	}

	private Project currentProject() {
		try {
			return project == null || model.workspace() == null ? null
					: model.workspace().journal().project(project).orElse(null);
		} catch (JournalException e) {
			return null;
		}
	}

	/** Reads the dry-run summary for the current choices (UI thread; the journal answers quickly). */
	public void refreshPlan() {
		try {
			plan = UploadPlan.of(model.workspace().journal(), project, target.includeRejected(), target.retryFailed());
			summary.setText(target.describe() + "\n" + plan.describe());
		} catch (JournalException e) {
			summary.setText(e.getMessage());
		}
		summary.getParent().layout(true, true);
	}

	@Override
	public boolean canFinish() {
		return reconstruction ? super.canFinish() : plan != null && plan.toSend() > 0;
	}

	@Override
	public boolean performFinish() {
		if (reconstruction) {
			String engine = launch.engine() == null ? null : launch.engine().id();
			new ReconstructionJob(model.workspace(), project, launch.taskType(), engine, launch.whenReady(), 2000).schedule();
			return true;
		}
		UploadRequest req = target.request();
		UploadServices.get().createUploadJob(model.workspace(), project, req).schedule();
		return true;
	}
}
