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

import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.ui.internal.providers.WorkbenchProviderContext;

/**
 * Contexts for a provider's own workbench parts outside the wizards (a view of its files, say): the settings
 * the Upload job would give the provider, as {@link ProviderContext#settings()} describes.
 */
public final class ProviderContexts {

	private ProviderContexts() {
	}

	/** @param provider a provider @return its context in the workbench, without a destination */
	public static ProviderContext of(StorageProviderDescriptor provider) {
		return new WorkbenchProviderContext(provider, null, () -> "");
	}
}
