/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.embedded.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.ReconstructionEngine;

/**
 * The reconstruction engines' settings as Tiepoint's layered settings hold them: for an installed engine
 * {@code ID}, every key {@code ID.KEY} (files, or the environment {@code TIEPOINT_ID_KEY}, e.g.
 * {@code TIEPOINT_NODEODM_TOKEN} for {@code nodeodm.token}) becomes the hub's {@code engine.ID.KEY}; the key
 * {@code hub.engine} names the hub's default engine. The same rule serves the standalone hub ({@code tiepoint hub})
 * and the embedded one. Engine ids come from the contributions, read without loading an engine class.
 */
final class EngineSettings {

	/** The setting naming the hub's default engine. */
	static final String DEFAULT_ENGINE = "hub.engine";

	private EngineSettings() {
	}

	/** @param registry the extension registry, or null @return the ids of the contributed engines */
	static Set<String> engineIds(IExtensionRegistry registry) {
		Set<String> ids = new LinkedHashSet<>();
		if (registry != null) {
			for (IConfigurationElement e : registry.getConfigurationElementsFor(ReconstructionEngine.EXTENSION_POINT)) {
				String id = e.getAttribute("id");
				if (id != null && id.matches("[a-z0-9][a-z0-9_-]*")) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	/**
	 * @param builder  receives the settings
	 * @param config   the layered settings
	 * @param registry where the engines are contributed, or null
	 */
	static void apply(HubConfig.Builder builder, TiepointConfig config, IExtensionRegistry registry) {
		apply(builder, config.entries(), engineIds(registry));
		config.get(DEFAULT_ENGINE).filter(v -> !v.isBlank()).ifPresent(v -> builder.defaultEngine(v.strip()));
		// not an engine's, but read by both hubs from the same settings: the table ordering nearestBuckets
		config.get(REGIONS).filter(v -> !v.isBlank()).ifPresent(builder::regions);
	}

	/** The setting of the hub's region table ({@code CIDR=REGION;...}, see the hub's RegionTable). */
	static final String REGIONS = "hub.regions";

	private static void apply(HubConfig.Builder builder, Map<String, TiepointConfig.Entry> entries, Set<String> ids) {
		for (String id : ids) {
			String prefix = id + ".";
			entries.forEach((key, entry) -> {
				String k = key.startsWith(prefix) ? key.substring(prefix.length()) : "";
				if (k.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
					builder.engineSetting(id, k, entry.value());
				}
			});
		}
	}
}
