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

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Tiepoint perspective: Projects on the left, Images in the middle, Image details and the Map on
 * the right, Progress below.
 */
public class TiepointPerspective implements IPerspectiveFactory {

	/** Perspective id. */
	public static final String ID = "io.tiepoint.ui.perspective";

	/** The platform's Progress view (contributed by this plug-in, as RCP products do). */
	public static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		layout.addView(ImagesView.ID, IPageLayout.LEFT, 1.0f, editors);
		layout.addView(ProjectsView.ID, IPageLayout.LEFT, 0.18f, ImagesView.ID);
		IFolderLayout right = layout.createFolder("io.tiepoint.ui.right", IPageLayout.RIGHT, 0.64f, ImagesView.ID);
		right.addView(MapView.ID);
		right.addView(DetailsView.ID);
		layout.addView(PROGRESS_VIEW, IPageLayout.BOTTOM, 0.78f, ImagesView.ID);
		for (String id : new String[] { ImagesView.ID, ProjectsView.ID, MapView.ID, DetailsView.ID, PROGRESS_VIEW }) {
			layout.addShowViewShortcut(id);
		}
	}
}
