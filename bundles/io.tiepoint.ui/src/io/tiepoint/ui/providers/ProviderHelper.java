/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.providers;

import java.util.Optional;

import org.eclipse.swt.widgets.Shell;

/**
 * A storage provider's own step in the workbench, contributed by the provider's {@code .ui} twin to the extension
 * point {@code io.tiepoint.ui.providerHelpers}: a button beside the destination in the New Project and Upload wizards
 * and on the provider's preference page (e.g. Google Photos' "Authorize..." and "Choose Album..."). It runs in the
 * UI thread; long work goes in a {@code ProgressMonitorDialog} or a job. It keeps what it obtains through the
 * context (a refresh token goes to secure storage there), and shows nothing on failure: it throws, and the
 * workbench shows the message beside the button.
 */
public interface ProviderHelper {

	/**
	 * @param shell   the wizard's or the preference dialog's shell
	 * @param context the provider, its settings as the workbench keeps them, the destination typed so far
	 * @return a destination to put in the wizard's field (an album the user picked), or empty to leave it as it is
	 * @throws Exception naming what went wrong (shown beside the button); never with a secret in its message
	 */
	Optional<String> run(Shell shell, ProviderContext context) throws Exception;
}
