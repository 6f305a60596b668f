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
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.tiepoint.core.project.JournalException;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;

/** New Project: a name, the hub it goes to (embedded or one from the preferences) and the cloud. */
public class NewProjectWizard extends Wizard {

	private final WorkbenchModel model;
	private Text name;
	private Combo hub;
	private Combo cloud;

	/** @param model the workspace */
	public NewProjectWizard(WorkbenchModel model) {
		this.model = model;
		setWindowTitle("New Project");
	}

	@Override
	public void addPages() {
		addPage(new WizardPage("project", "New Project", null) {
			@Override
			public void createControl(Composite parent) {
				setDescription("A project groups the images of one survey and says where they go.");
				Composite c = new Composite(parent, SWT.NONE);
				c.setLayout(new GridLayout(2, false));
				new Label(c, SWT.NONE).setText("Name:");
				name = new Text(c, SWT.BORDER);
				name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
				new Label(c, SWT.NONE).setText("Hub:");
				hub = new Combo(c, SWT.DROP_DOWN);
				hub.add("embedded");
				TiepointPreferences.hubs().keySet().forEach(hub::add);
				hub.select(0);
				hub.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
				new Label(c, SWT.NONE).setText("Cloud:");
				cloud = new Combo(c, SWT.READ_ONLY);
				cloud.setItems("gridfs", "s3");
				cloud.select(0);
				name.addListener(SWT.Modify, e -> validate());
				setControl(c);
				validate();
			}

			private void validate() {
				String n = name.getText().strip();
				String err = null;
				try {
					if (model.workspace() == null) {
						err = model.error();
					} else if (!n.isEmpty() && model.workspace().journal().project(n).isPresent()) {
						err = "A project named '" + n + "' already exists.";
					}
				} catch (JournalException e) {
					err = e.getMessage();
				}
				setErrorMessage(err);
				setPageComplete(err == null && !n.isEmpty());
			}
		});
	}

	/** @param n the name @param h the hub @param c the cloud (tests fill the page this way) */
	public void fill(String n, String h, String c) {
		name.setText(n);
		hub.setText(h);
		cloud.setText(c);
	}

	@Override
	public boolean performFinish() {
		String h = hub.getText().strip();
		String hubValue = TiepointPreferences.hubs().getOrDefault(h, h);
		try {
			model.workspace().journal().createProject(name.getText().strip(), hubValue.isEmpty() ? "embedded" : hubValue,
					cloud.getText());
		} catch (JournalException e) {
			((WizardPage) getPages()[0]).setErrorMessage(e.getMessage());
			return false;
		}
		model.setCurrentProject(name.getText().strip());
		return true;
	}
}
