/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.ui;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import io.tiepoint.core.Services;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.providers.ProviderContexts;

/**
 * The Resource Server view: {@link ResourceServerPanel} with the workbench's settings of the {@code gridfs}
 * provider (preferences and secure storage, else the user's settings); the server last used is kept in the
 * preferences.
 */
public final class ResourceServerView extends ViewPart {

	private static final String NODE = "io.tiepoint.storage.gridfs.ui";
	private static final String SERVER = "server";
	private ResourceServerPanel panel;

	/** For the workbench. */
	public ResourceServerView() {
		// created by the workbench
	}

	@Override
	public void createPartControl(Composite parent) {
		Preferences prefs = InstanceScope.INSTANCE.getNode(NODE);
		panel = new ResourceServerPanel(parent, prefs.get(SERVER, "http://127.0.0.1:8090/"), () -> {
			try {
				return ProviderContexts.of(Services.get(StorageProviders.class).descriptor("gridfs").orElseThrow(
						() -> new IOException("the gridfs storage provider is not installed"))).settings();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		panel.addDisposeListener(e -> {
			prefs.put(SERVER, panel.server());
			try {
				prefs.flush();
			} catch (BackingStoreException ignored) {
				// the next start shows the default
			}
		});
	}

	@Override
	public void setFocus() {
		panel.setFocus();
	}
}
