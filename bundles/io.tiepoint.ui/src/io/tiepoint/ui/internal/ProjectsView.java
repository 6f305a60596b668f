/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import io.tiepoint.ui.internal.projects.ProjectsPanel;

/** The Projects view: local projects and the hubs they use (see {@link ProjectsPanel}). */
public class ProjectsView extends ViewPart {

	/** View id. */
	public static final String ID = "io.tiepoint.ui.views.projects";

	private ProjectsPanel panel;

	@Override
	public void createPartControl(Composite parent) {
		panel = new ProjectsPanel(parent, WorkbenchModel.getDefault());
		getSite().setSelectionProvider(panel.viewer());
	}

	/** @return the panel */
	public ProjectsPanel panel() {
		return panel;
	}

	@Override
	public void setFocus() {
		panel.viewer().getControl().setFocus();
	}
}
