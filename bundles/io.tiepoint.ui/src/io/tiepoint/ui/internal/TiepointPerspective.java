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

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Tiepoint perspective: the Images view fills the window (more views join as they are built). */
public class TiepointPerspective implements IPerspectiveFactory {

	/** Perspective id. */
	public static final String ID = "io.tiepoint.ui.perspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		layout.addView(ImagesView.ID, IPageLayout.LEFT, 1.0f, layout.getEditorArea());
		layout.addShowViewShortcut(ImagesView.ID);
	}
}
