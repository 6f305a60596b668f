/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.p2.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IStartup;

import io.tiepoint.p2.Installation;
import io.tiepoint.p2.PluginException;
import io.tiepoint.p2.Sites;

/**
 * Makes the installation's update sites ({@link Sites}: config.ini's {@value Sites#PROPERTY}, the setting
 * {@value Sites#SETTING}) known to p2 when the workbench starts, so that Install New Software... and Check for
 * Updates offer them. Nothing to do, and p2 is not started, when none is configured.
 */
public final class SitesStartup implements IStartup {

	/** For the extension point. */
	public SitesStartup() {
	}

	@Override
	public void earlyStartup() {
		if (Sites.configured().isEmpty()) {
			return;
		}
		try {
			Installation.running(); // registers them
		} catch (PluginException e) {
			ILog.of(SitesStartup.class).warn("the update sites are not offered: " + e.getMessage());
		}
	}
}
