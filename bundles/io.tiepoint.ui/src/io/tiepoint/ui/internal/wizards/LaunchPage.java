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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.tiepoint.core.project.Workspace;
import io.tiepoint.platform.RemoteEngine;
import io.tiepoint.ui.internal.jobs.UploadServices;

/**
 * Launch Reconstruction: the engine among those the project's hub lists ({@code support.engines}, read by a
 * background job; until it answers, and when the hub lists none, the hub chooses), the task type among those the
 * chosen engine runs, and whether to start now or once the images on their way are Ready.
 */
public final class LaunchPage extends WizardPage {

	/** The task types offered when the hub's engine is not chosen here. */
	static final List<String> TYPES = List.of("Reconstruction", "Full", "Sparse", "Native");
	private final Workspace workspace;
	private final String project;
	private Combo engine;
	private Combo taskType;
	private Button whenReady;
	private List<RemoteEngine> engines = List.of();
	private Job loading;

	/**
	 * @param workspace the workspace
	 * @param project   the project, or null when none is open
	 */
	public LaunchPage(Workspace workspace, String project) {
		super("task", "Launch Reconstruction of " + project, null);
		this.workspace = workspace;
		this.project = project;
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		new Label(c, SWT.NONE).setText("Engine:");
		engine = new Combo(c, SWT.READ_ONLY);
		engine.setItems("The hub's choice");
		engine.select(0);
		engine.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		engine.addListener(SWT.Selection, e -> types());
		new Label(c, SWT.NONE).setText("Task type:");
		taskType = new Combo(c, SWT.READ_ONLY);
		taskType.setItems(TYPES.toArray(String[]::new));
		taskType.select(0);
		Button now = new Button(c, SWT.RADIO);
		now.setText("Start now with the images that are Ready");
		now.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		whenReady = new Button(c, SWT.RADIO);
		whenReady.setText("Start when every image on its way is verified (refused, naming them, if some never arrive)");
		whenReady.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		whenReady.setSelection(true);
		setControl(c);
		setPageComplete(project != null);
		if (project == null) {
			setErrorMessage("Open a project first.");
		} else {
			load();
		}
	}

	/** Asks the hub for its engines in the background; the combo is filled on the UI thread. */
	private void load() {
		setMessage("Asking the hub for its engines...", IMessageProvider.INFORMATION);
		loading = Job.create("Engines of the hub of " + project, monitor -> {
			List<RemoteEngine> found;
			String problem = null;
			try {
				found = UploadServices.get().engines(workspace, project);
			} catch (IOException | RuntimeException e) {
				found = List.of();
				problem = e.getMessage();
			}
			List<RemoteEngine> result = found;
			String message = problem;
			if (!engine.isDisposed()) {
				engine.getDisplay().asyncExec(() -> show(result, message));
			}
			return Status.OK_STATUS;
		});
		loading.setSystem(true);
		loading.schedule();
	}

	private void show(List<RemoteEngine> found, String problem) {
		if (engine.isDisposed()) {
			return;
		}
		engines = List.copyOf(found);
		List<String> items = new ArrayList<>(List.of("The hub's choice"));
		found.forEach(e -> items.add(e.name() + " (" + e.id() + (e.isDefault() ? ", default" : "") + ")"));
		engine.setItems(items.toArray(String[]::new));
		engine.select(0);
		types();
		if (problem != null) {
			setMessage("The hub's engines are unknown: " + problem, IMessageProvider.WARNING);
		} else {
			setMessage(found.isEmpty() ? "The hub lists no engines: it chooses one." : null);
		}
	}

	private void types() {
		RemoteEngine e = engine();
		List<String> offered = new ArrayList<>();
		if (e == null) {
			offered.addAll(TYPES);
		} else {
			TYPES.stream().filter(e.taskTypes()::contains).forEach(offered::add);
			e.taskTypes().stream().filter(t -> !offered.contains(t)).sorted().forEach(offered::add);
		}
		String before = taskType.getText();
		taskType.setItems(offered.toArray(String[]::new));
		taskType.select(Math.max(0, offered.indexOf(before)));
	}

	/** @return the job asking the hub for its engines, or null before the page is shown */
	public Job loading() {
		return loading;
	}

	/** @return the engines the hub listed */
	public List<RemoteEngine> engines() {
		return engines;
	}

	/** @return the engine chosen, or null for the hub's choice */
	public RemoteEngine engine() {
		int i = engine == null ? 0 : engine.getSelectionIndex();
		return i <= 0 || i > engines.size() ? null : engines.get(i - 1);
	}

	/** @param id an engine's id, or null for the hub's choice (tests; as a click would) */
	public void choose(String id) {
		int i = 0;
		for (int k = 0; k < engines.size(); k++) {
			if (engines.get(k).id().equals(id)) {
				i = k + 1;
			}
		}
		engine.select(i);
		types();
	}

	/** @return the task type chosen */
	public String taskType() {
		return taskType.getText();
	}

	/** @return the task types offered */
	public List<String> taskTypes() {
		return List.of(taskType.getItems());
	}

	/** @return whether to wait for the images on their way */
	public boolean whenReady() {
		return whenReady.getSelection();
	}

	/** @param wait wait for the images on their way (tests; as a click would) */
	public void whenReady(boolean wait) {
		whenReady.setSelection(wait);
	}
}
