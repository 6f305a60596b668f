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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;

import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.jobs.InspectJob;

/** Add Images: folders of a project, checked by an {@link InspectJob} in the background. */
public class AddImagesWizard extends Wizard {

	private final WorkbenchModel model;
	private final List<Path> folders = new ArrayList<>();
	private Combo project;
	private org.eclipse.swt.widgets.List list;
	private InspectJob job;

	/** @param model the workspace */
	public AddImagesWizard(WorkbenchModel model) {
		this.model = model;
		setWindowTitle("Add Images");
	}

	/** @param folder a folder to add (tests, or a folder dropped on the view) */
	public void addFolder(Path folder) {
		if (!folders.contains(folder)) {
			folders.add(folder);
			if (list != null && !list.isDisposed()) {
				list.add(folder.toString());
			}
		}
	}

	/** @return the job started by Finish, or null */
	public InspectJob job() {
		return job;
	}

	@Override
	public void addPages() {
		addPage(new WizardPage("folders", "Add Images", null) {
			@Override
			public void createControl(Composite parent) {
				setDescription("Choose folders of photos; they are checked in the background.");
				Composite c = new Composite(parent, SWT.NONE);
				c.setLayout(new GridLayout(2, false));
				new Label(c, SWT.NONE).setText("Project:");
				project = new Combo(c, SWT.READ_ONLY);
				project.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
				try {
					for (Project p : model.workspace().journal().projects()) {
						project.add(p.name());
					}
				} catch (JournalException | NullPointerException e) {
					setErrorMessage(model.error() != null ? model.error() : e.getMessage());
				}
				int cur = model.currentProject() == null ? 0 : Math.max(0, project.indexOf(model.currentProject()));
				if (project.getItemCount() > 0) {
					project.select(cur);
				}
				list = new org.eclipse.swt.widgets.List(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
				GridData lg = new GridData(SWT.FILL, SWT.FILL, true, true);
				lg.heightHint = 160;
				list.setLayoutData(lg);
				folders.forEach(f -> list.add(f.toString()));
				Composite buttons = new Composite(c, SWT.NONE);
				buttons.setLayout(new GridLayout(1, true));
				buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
				Button add = new Button(buttons, SWT.PUSH);
				add.setText("Add Folder…");
				add.addListener(SWT.Selection, e -> {
					String d = new DirectoryDialog(getShell()).open();
					if (d != null) {
						addFolder(Path.of(d));
						validate();
					}
				});
				Button remove = new Button(buttons, SWT.PUSH);
				remove.setText("Remove");
				remove.addListener(SWT.Selection, e -> {
					for (int i : list.getSelectionIndices()) {
						folders.remove(Path.of(list.getItem(i)));
					}
					list.remove(list.getSelectionIndices());
					validate();
				});
				project.addListener(SWT.Selection, e -> validate());
				setControl(c);
				validate();
			}

			private void validate() {
				String err = null;
				if (project.getSelectionIndex() < 0) {
					err = "Create a project first (File > New Project).";
				} else if (folders.isEmpty()) {
					err = null;
				} else {
					for (Path f : folders) {
						if (!Files.exists(f)) {
							err = f + " does not exist";
						}
					}
				}
				setErrorMessage(err);
				setPageComplete(err == null && !folders.isEmpty());
			}
		});
	}

	@Override
	public boolean performFinish() {
		String p = project.getText();
		job = new InspectJob(model.workspace(), p, List.copyOf(folders));
		job.schedule();
		model.setCurrentProject(p);
		return true;
	}
}
