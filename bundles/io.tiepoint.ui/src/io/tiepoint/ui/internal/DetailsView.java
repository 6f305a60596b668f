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

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.part.ViewPart;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.ui.internal.details.DetailsPanel;

/** The Image details view: the image selected anywhere in the workbench (see {@link DetailsPanel}). */
public class DetailsView extends ViewPart {

	/** View id. */
	public static final String ID = "io.tiepoint.ui.views.details";

	private DetailsPanel panel;
	private final ISelectionListener listener = (part, sel) -> {
		if (part != this && sel instanceof IStructuredSelection s && s.getFirstElement() instanceof ImageEntry e
				&& (panel.entry() == null || panel.entry().id() != e.id() || panel.entry().updated() != e.updated())) {
			panel.show(e);
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		panel = new DetailsPanel(parent, WorkbenchModel.getDefault());
		getSite().getPage().addPostSelectionListener(listener);
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(listener);
		super.dispose();
	}

	/** @return the panel */
	public DetailsPanel panel() {
		return panel;
	}

	@Override
	public void setFocus() {
		panel.tree().setFocus();
	}
}
