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

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;

/**
 * The Images view: every image of the open project with its camera, position and state. No project
 * can be opened yet, so the table is empty and a line says how to start.
 */
public class ImagesView extends ViewPart {

	/** View id. */
	public static final String ID = "io.tiepoint.ui.views.images";

	/** Column titles and widths, in order. */
	static final String[] COLUMNS = { "Name", "Camera", "Time", "Latitude", "Longitude", "Altitude", "Size",
			"SHA-1", "Findings", "State" };
	private static final int[] WIDTHS = { 180, 140, 150, 100, 100, 80, 80, 90, 200, 100 };

	private TableViewer viewer;
	private Label status;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		status = new Label(parent, SWT.NONE);
		status.setText("No project open. Images appear here once a folder is added to a project.");
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (int i = 0; i < COLUMNS.length; i++) {
			TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
			c.getColumn().setText(COLUMNS[i]);
			c.getColumn().setWidth(WIDTHS[i]);
			c.getColumn().setMoveable(true);
		}
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setInput(new Object[0]);
		getSite().setSelectionProvider(viewer);
	}

	/** @return the table viewer (for tests and other views) */
	public TableViewer getViewer() {
		return viewer;
	}

	/** @return the text of the status line above the table */
	public String getStatusText() {
		return status.getText();
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
