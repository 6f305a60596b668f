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

import java.util.HashSet;
import java.util.Set;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.part.ViewPart;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.ui.internal.map.MapPanel;

/** The Map view: camera positions and footprints of the current project (see {@link MapPanel}). */
public class MapView extends ViewPart {

	/** View id. */
	public static final String ID = "io.tiepoint.ui.views.map";

	private MapPanel panel;
	private final ISelectionListener listener = (part, sel) -> {
		if (part != this && sel instanceof IStructuredSelection s && !s.isEmpty() && s.getFirstElement() instanceof ImageEntry) {
			Set<Long> ids = new HashSet<>();
			for (Object o : s) {
				if (o instanceof ImageEntry e) {
					ids.add(e.id());
				}
			}
			panel.select(ids);
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		panel = new MapPanel(parent, WorkbenchModel.getDefault());
		SimpleSelectionProvider provider = new SimpleSelectionProvider();
		getSite().setSelectionProvider(provider);
		panel.addClickListener(e -> provider.setSelection(new StructuredSelection(e)));
		getSite().getPage().addPostSelectionListener(listener);
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(listener);
		super.dispose();
	}

	/** @return the panel */
	public MapPanel panel() {
		return panel;
	}

	@Override
	public void setFocus() {
		panel.canvas().setFocus();
	}
}
