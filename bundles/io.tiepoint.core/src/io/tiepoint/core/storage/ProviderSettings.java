/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.util.Map;
import java.util.Optional;

/**
 * Where a provider reads its settings from when it turns a destination URI into a target: the layered
 * settings of the command line (files and {@code TIEPOINT_*} environment) or of the workbench (its
 * preferences and secure storage). Keys are those the provider declares in its extension.
 */
@FunctionalInterface
public interface ProviderSettings {

	/**
	 * @param key a setting key, e.g. {@code s3.endpoint}
	 * @return its value, when set and not blank
	 */
	Optional<String> get(String key);

	/**
	 * @param key a setting key
	 * @param def the value when it is not set
	 * @return its value or {@code def}
	 */
	default String get(String key, String def) {
		return get(key).orElse(def);
	}

	/**
	 * @param values settings by key
	 * @return settings backed by the map (blank values count as unset)
	 */
	static ProviderSettings of(Map<String, String> values) {
		Map<String, String> copy = Map.copyOf(values);
		return k -> Optional.ofNullable(copy.get(k)).filter(v -> !v.isBlank());
	}
}
