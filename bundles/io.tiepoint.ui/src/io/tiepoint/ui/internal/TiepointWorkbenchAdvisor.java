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

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import io.tiepoint.core.Services;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.internal.prefs.ProviderPages;

/**
 * Opens windows on the Tiepoint perspective; adds the storage providers' generated preference pages at start-up;
 * closes the workspace at shutdown.
 */
public class TiepointWorkbenchAdvisor extends WorkbenchAdvisor {

	@Override
	public String getInitialWindowPerspectiveId() {
		return TiepointPerspective.ID;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new TiepointWindowAdvisor(configurer);
	}

	@Override
	public void postStartup() {
		super.postStartup();
		try {
			ProviderPages.install(PlatformUI.getWorkbench().getPreferenceManager(), Services.get(StorageProviders.class),
					Platform.getExtensionRegistry(), PlatformUI.getWorkbench().getDisplay());
		} catch (IllegalStateException e) { // no storage provider service: the Storage Providers page says so
			ILog.of(getClass()).warn("No storage provider pages: " + e.getMessage());
		}
	}

	@Override
	public void postShutdown() {
		WorkbenchModel.shutdownDefault();
		super.postShutdown();
	}
}
