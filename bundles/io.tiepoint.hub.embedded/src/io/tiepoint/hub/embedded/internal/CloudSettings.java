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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.S3Settings;
import io.tiepoint.hub.spi.HubCloudFactory;

/**
 * The hub's clouds' settings as Tiepoint's layered settings hold them: for every cloud the hub's registry offers
 * ({@code io.tiepoint.hub.clouds}), every key {@code hub.ID.KEY} (settings files, or the environment
 * {@code TIEPOINT_HUB_ID_KEY}, e.g. {@code TIEPOINT_HUB_OSS_SECRET_KEY} for {@code hub.oss.secret.key}) becomes the
 * hub's {@code cloud.ID.KEY}; which keys a cloud reads, and which go together, is the cloud's
 * ({@link HubCloudFactory#check}, asked for every cloud given a setting). The S3 cloud keeps its own
 * {@link S3Settings} ({@code --s3-*}, the embedded hub's {@code hub.s3.*}). The same rule serves the standalone hub
 * and the embedded one.
 */
final class CloudSettings {

	/** The prefix of the settings, before the cloud's id. */
	static final String PREFIX = "hub.";

	private CloudSettings() {
	}

	/**
	 * @param builder  receives the settings
	 * @param config   the layered settings
	 * @param registry where the clouds are contributed, or null (then none is mapped)
	 * @throws IllegalArgumentException with a cloud's answer when its settings cannot be used together
	 */
	static void apply(HubConfig.Builder builder, TiepointConfig config, IExtensionRegistry registry) {
		for (Map.Entry<String, IConfigurationElement> cloud : clouds(registry).entrySet()) {
			String id = cloud.getKey();
			Map<String, String> settings = settings(config, id);
			settings.forEach((k, v) -> builder.cloudSetting(id, k, v));
			if (!settings.isEmpty()) {
				check(cloud.getValue(), id, settings);
			}
		}
	}

	/** @return the settings {@code hub.ID.KEY} given (not blank), keys without the prefix, values stripped */
	static Map<String, String> settings(TiepointConfig config, String id) {
		String prefix = PREFIX + id + ".";
		Map<String, String> settings = new TreeMap<>();
		config.entries().forEach((key, entry) -> {
			String k = key.startsWith(prefix) ? key.substring(prefix.length()) : "";
			if (k.matches("[a-z0-9][a-z0-9._-]*") && !entry.value().isBlank()) {
				settings.put(k, entry.value().strip());
			}
		});
		return settings;
	}

	private static void check(IConfigurationElement element, String id, Map<String, String> settings) {
		Object factory;
		try {
			factory = element.createExecutableExtension("class");
		} catch (CoreException | RuntimeException | LinkageError e) {
			return; // the hub logs and skips such a contribution when it starts
		}
		if (factory instanceof HubCloudFactory f) {
			f.check(Map.copyOf(settings), new HubCloudFactory.SettingNames() {
				@Override
				public String setting(String key) {
					return PREFIX + id + "." + key;
				}

				@Override
				public String environment(String key) {
					return env(id, key);
				}
			}).ifPresent(problem -> {
				throw new IllegalArgumentException(problem);
			});
		}
	}

	/** @param id a cloud @param key a key without the prefix @return the environment variable of {@code hub.ID.KEY} */
	static String env(String id, String key) {
		return "TIEPOINT_" + (PREFIX + id + "." + key).toUpperCase(Locale.ROOT).replace('.', '_');
	}

	/** @return the clouds contributed, by id, in the registry's order; S3's settings are {@link S3Settings}'s */
	private static Map<String, IConfigurationElement> clouds(IExtensionRegistry registry) {
		Map<String, IConfigurationElement> clouds = new LinkedHashMap<>();
		if (registry != null) {
			for (IConfigurationElement e : registry.getConfigurationElementsFor(HubCloudFactory.EXTENSION_POINT)) {
				String id = e.getAttribute("id");
				if ("cloud".equals(e.getName()) && id != null && id.matches("[a-z0-9][a-z0-9_-]*")
						&& !id.equals(S3Settings.CLOUD)) {
					clouds.putIfAbsent(id, e);
				}
			}
		}
		return clouds;
	}
}
