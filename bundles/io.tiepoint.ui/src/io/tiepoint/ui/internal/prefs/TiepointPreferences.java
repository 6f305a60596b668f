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

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The workbench's plain settings (instance scope, node {@value #NODE}): hubs by name, transfers; the storage
 * providers' settings that are not secret are in its child node (see {@link ProviderPreferences}). Secrets go
 * to {@link SecretStore}, never here.
 */
public final class TiepointPreferences {

	/** Preference node. */
	public static final String NODE = "io.tiepoint.ui";
	/** Hubs: lines of {@code name=URL}. */
	public static final String HUBS = "hubs";
	/** Parallel transfers. */
	public static final String THREADS = "upload.threads";
	/** Rate limit in KiB/s, 0 for none. */
	public static final String RATE_LIMIT = "upload.limitKiBps";

	private TiepointPreferences() {
	}

	private static IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}

	/** @param key a key @param def default @return the value */
	public static String get(String key, String def) {
		return node().get(key, def);
	}

	/** @param key a key @param def default @return the value */
	public static int getInt(String key, int def) {
		return node().getInt(key, def);
	}

	/**
	 * @param key   a key
	 * @param value the value, or null to remove
	 * @throws BackingStoreException when it cannot be saved
	 */
	public static void put(String key, String value) throws BackingStoreException {
		if (value == null) {
			node().remove(key);
		} else {
			node().put(key, value);
		}
		node().flush();
	}

	/** @return hubs by name (URLs), in the order entered */
	public static Map<String, String> hubs() {
		return parseHubs(get(HUBS, ""));
	}

	/** @param text lines of name=URL @return hubs by name */
	public static Map<String, String> parseHubs(String text) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
			}
		}
		return out;
	}

	/** @param hubs hubs by name @return lines of name=URL */
	public static String formatHubs(Map<String, String> hubs) {
		StringBuilder sb = new StringBuilder();
		hubs.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
		return sb.toString();
	}
}
