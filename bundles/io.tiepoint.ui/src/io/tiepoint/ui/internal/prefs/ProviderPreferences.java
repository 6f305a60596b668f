/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.prefs;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageProviderDescriptor;

/**
 * The values the workbench keeps for the settings a storage provider declares: plain ones in the preferences
 * (instance scope, node {@code io.tiepoint.ui/providers/ID}, under the setting's key), secrets in Eclipse secure
 * storage ({@link SecretStore}, path {@code providers/ID}), never the other way round. {@link #settings} gives
 * the operations what the user stored here, and for what is not stored here the workspace's settings (files
 * and {@code TIEPOINT_*} environment), as the command line has them.
 */
public final class ProviderPreferences {

	/** The preference node under {@link TiepointPreferences#NODE} that holds one node per provider. */
	public static final String NODE = "providers";

	private final Preferences root;
	private final SecretStore secrets;

	/**
	 * @param root    the node holding one child node per provider
	 * @param secrets where secrets are kept
	 */
	public ProviderPreferences(Preferences root, SecretStore secrets) {
		this.root = root;
		this.secrets = secrets;
	}

	/** @return the workbench's: its instance preferences and {@link SecretStore#getDefault()} */
	public static ProviderPreferences workbench() {
		return new ProviderPreferences(InstanceScope.INSTANCE.getNode(TiepointPreferences.NODE).node(NODE),
				SecretStore.getDefault());
	}

	private static String secretPath(StorageProviderDescriptor d) {
		return "providers/" + d.id();
	}

	/**
	 * @param d a provider
	 * @param s one of its settings (not a secret)
	 * @return the value stored in the preferences, or ""
	 */
	public String plain(StorageProviderDescriptor d, ProviderSetting s) {
		return s.secret() ? "" : root.node(d.id()).get(s.key(), "");
	}

	/**
	 * @param d a provider
	 * @param s one of its secret settings
	 * @return whether a value is kept in secure storage (asked without decrypting it)
	 */
	public boolean hasSecret(StorageProviderDescriptor d, ProviderSetting s) {
		return s.secret() && secrets.has(secretPath(d), s.key());
	}

	/**
	 * Stores a value where its kind belongs.
	 *
	 * @param d     a provider
	 * @param s     one of its settings
	 * @param value the value; null or blank removes it
	 * @throws IOException when the preferences or secure storage cannot be written (the message names the setting,
	 *                     never the value)
	 */
	public void put(StorageProviderDescriptor d, ProviderSetting s, String value) throws IOException {
		String v = value == null || value.isBlank() ? null : value.strip();
		if (s.secret()) {
			secrets.put(secretPath(d), s.key(), v);
			return;
		}
		Preferences node = root.node(d.id());
		if (v == null) {
			node.remove(s.key());
		} else {
			node.put(s.key(), v);
		}
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new IOException("cannot save " + d.name() + " > " + s.label() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The settings an operation gives the provider: for each setting it declares, the value stored here, else the
	 * workspace's; keys it does not declare come from the workspace's settings alone. Secrets are decrypted here,
	 * once (the user may be asked for the master password).
	 *
	 * @param d        the provider
	 * @param fallback the workspace's settings (files and environment)
	 * @return the settings
	 * @throws IOException when secure storage cannot be read
	 */
	public ProviderSettings settings(StorageProviderDescriptor d, TiepointConfig fallback) throws IOException {
		Map<String, String> stored = new HashMap<>();
		for (ProviderSetting s : d.settings()) {
			String v = s.secret() ? secrets.get(secretPath(d), s.key()) : plain(d, s);
			if (v != null && !v.isBlank()) {
				stored.put(s.key(), v);
			}
		}
		return key -> Optional.ofNullable(stored.get(key)).or(() -> fallback.get(key).filter(v -> !v.isBlank()));
	}
}
