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

import java.io.IOException;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageProviderDescriptor;

/** What a {@link ProviderHelper} is given: its provider, the settings the workbench keeps for it, the destination. */
public interface ProviderContext {

	/** @return the provider */
	StorageProviderDescriptor provider();

	/** @return the destination typed so far in the wizard (may be incomplete), or "" on a preference page */
	String destination();

	/**
	 * @return the provider's settings as the Upload job gives them: what the user stored in the workbench, else the
	 *         workspace's settings (files, {@code TIEPOINT_*}); secrets decrypted (the user may be asked for the master
	 *         password)
	 * @throws IOException when secure storage or the settings files cannot be read
	 */
	ProviderSettings settings() throws IOException;

	/**
	 * Keeps a value of one of the provider's declared settings where its kind belongs: a secret in Eclipse secure
	 * storage, the others in the workbench's preferences.
	 *
	 * @param key   a setting the provider's extension declares
	 * @param value the value; null removes it
	 * @throws IOException when it cannot be stored (the message names the setting, never the value)
	 */
	void store(String key, String value) throws IOException;
}
