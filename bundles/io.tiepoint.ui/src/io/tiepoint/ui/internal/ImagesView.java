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

import java.util.stream.Collectors;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.ui.internal.images.ImagesPanel;

/**
 * The Images view: the current project's images in a virtual table (see {@link ImagesPanel}), its
 * selection published to the workbench, Reveal in Map showing the Map view.
 */
public class ImagesView extends ViewPart {

	/** View id. */
	public static final String ID = "io.tiepoint.ui.views.images";

	private ImagesPanel panel;

	@Override
	public void createPartControl(Composite parent) {
		panel = new ImagesPanel(parent, WorkbenchModel.getDefault());
		getSite().setSelectionProvider(panel.viewer());
		IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		for (String id : new String[] { "recheck", "exclude", "include", "retry", "reveal" }) {
			menu.add(panel.actions().get(id));
		}
		bar.update(true);
		panel.setRevealHandler(images -> {
			try {
				MapView map = (MapView) getSite().getPage().showView(MapView.ID);
				map.panel().select(images.stream().map(ImageEntry::id).collect(Collectors.toSet()));
			} catch (PartInitException e) {
				org.eclipse.core.runtime.ILog.of(getClass()).error("cannot show the Map view: " + e.getMessage(), e);
			}
		});
	}

	/** @return the panel */
	public ImagesPanel panel() {
		return panel;
	}

	/** @return the table viewer (for tests and other views) */
	public TableViewer getViewer() {
		return panel.viewer();
	}

	/** @return the text of the status line above the table */
	public String getStatusText() {
		return panel.statusText();
	}

	@Override
	public void setFocus() {
		panel.viewer().getControl().setFocus();
	}
}
