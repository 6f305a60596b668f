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

import java.util.List;
import java.util.Map;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.hub.HubConfig;

/**
 * The hub's OSS cloud as Tiepoint's layered settings hold it: every key {@code hub.oss.KEY} (settings files, or the
 * environment {@code TIEPOINT_HUB_OSS_KEY}, e.g. {@code TIEPOINT_HUB_OSS_SECRET_KEY} for {@code hub.oss.secret.key})
 * becomes the hub's {@code cloud.oss.KEY}: {@code sts.validity} (seconds), {@code bucket} and {@code region} of the
 * gateway, {@code gateway.access.key} and {@code gateway.secret.key} (the gateway's long-lived AccessKey for the
 * direct flow), or a team's real OSS: {@code endpoint}, {@code bucket}, {@code role.arn}, {@code access.key},
 * {@code secret.key}, {@code region}, {@code sts.endpoint}. The same rule serves the standalone hub and the embedded
 * one.
 */
final class OssSettings {

	/** The prefix of the settings. */
	static final String PREFIX = "hub.oss.";
	/** What a real OSS needs, besides the endpoint. */
	static final List<String> REAL = List.of("bucket", "role.arn", "access.key", "secret.key");

	private OssSettings() {
	}

	/**
	 * @param builder receives the settings
	 * @param config  the layered settings
	 * @throws IllegalArgumentException naming the setting (and its environment variable) a real OSS lacks
	 */
	static void apply(HubConfig.Builder builder, TiepointConfig config) {
		Map<String, TiepointConfig.Entry> entries = config.entries();
		entries.forEach((key, entry) -> {
			String k = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : "";
			if (k.matches("[a-z0-9][a-z0-9._-]*") && !entry.value().isBlank()) {
				builder.cloudSetting("oss", k, entry.value().strip());
			}
		});
		if (config.get(PREFIX + "endpoint").filter(v -> !v.isBlank()).isPresent()) {
			for (String k : REAL) {
				if (config.get(PREFIX + k).filter(v -> !v.isBlank()).isEmpty()) {
					throw new IllegalArgumentException("a real OSS (" + PREFIX + "endpoint) needs the setting " + PREFIX + k
							+ " (settings file, or the environment variable " + env(k) + ")");
				}
			}
		}
	}

	/** @param key a key without the prefix @return its environment variable */
	static String env(String key) {
		return "TIEPOINT_" + (PREFIX + key).toUpperCase(java.util.Locale.ROOT).replace('.', '_');
	}
}
