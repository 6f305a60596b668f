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

import io.tiepoint.core.Services;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.internal.WorkbenchModel;

/**
 * New Project: a name and where its images go, a platform (hub and cloud) or the user's own storage (a
 * destination URI); see {@link ProjectDestinationPage}.
 */
public class NewProjectWizard extends Wizard {

	private final WorkbenchModel model;
	private final ProjectDestinationPage page;

	/** @param model the workspace */
	public NewProjectWizard(WorkbenchModel model) {
		this(model, Services.get(StorageProviders.class));
	}

	/**
	 * @param model     the workspace
	 * @param providers the installed storage providers
	 */
	public NewProjectWizard(WorkbenchModel model, StorageProviders providers) {
		this.model = model;
		this.page = new ProjectDestinationPage(model, providers);
		setWindowTitle("New Project");
	}

	@Override
	public void addPages() {
		addPage(page);
	}

	/** @return the page (tests fill it) */
	public ProjectDestinationPage page() {
		return page;
	}

	@Override
	public boolean performFinish() {
		String name = page.projectName();
		try {
			model.workspace().journal().createProject(name, page.hub(), page.cloud(), page.destination());
		} catch (JournalException e) {
			page.setErrorMessage(e.getMessage());
			return false;
		}
		model.setCurrentProject(name);
		return true;
	}
}
