/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.providers;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.ui.internal.jobs.UploadServices;
import io.tiepoint.ui.internal.prefs.ProviderPreferences;
import io.tiepoint.ui.providers.ProviderContext;

/**
 * A helper's context in the workbench: the settings the Upload job would give the provider
 * ({@link ProviderPreferences}: preferences and secure storage, else the workspace's), and storage by kind.
 */
public final class WorkbenchProviderContext implements ProviderContext {

	private final StorageProviderDescriptor provider;
	private final Workspace workspace;
	private final Supplier<String> destination;

	/**
	 * @param provider    the provider
	 * @param workspace   the workspace whose settings are the fallback, or null
	 * @param destination the destination typed so far
	 */
	public WorkbenchProviderContext(StorageProviderDescriptor provider, Workspace workspace, Supplier<String> destination) {
		this.provider = provider;
		this.workspace = workspace;
		this.destination = destination;
	}

	@Override
	public StorageProviderDescriptor provider() {
		return provider;
	}

	@Override
	public String destination() {
		String d = destination.get();
		return d == null ? "" : d;
	}

	@Override
	public ProviderSettings settings() throws IOException {
		TiepointConfig config;
		try {
			config = workspace != null ? UploadServices.config(workspace)
					: TiepointConfig.load(Map.of(), TiepointConfig.userFile(System.getenv()), null, System.getenv(), Map.of());
		} catch (ConfigException e) {
			throw new IOException(e.getMessage(), e);
		}
		return ProviderPreferences.workbench().settings(provider, config);
	}

	@Override
	public void store(String key, String value) throws IOException {
		ProviderSetting s = provider.setting(key).orElseThrow(() -> new IOException(provider.name() + " declares no"
				+ " setting " + key));
		ProviderPreferences.workbench().put(provider, s, value);
	}
}
