/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.spi;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a {@link HubCloud} at hub start: the {@code class} of a contribution to
 * {@code io.tiepoint.hub.clouds}, with a public no-argument constructor.
 */
@FunctionalInterface
public interface HubCloudFactory {

	/**
	 * @param context the contribution's id, the hub's settings for it, its base URI
	 * @return the cloud, or empty when it is not configured on this hub (it is then not served, which is no
	 *         error)
	 * @throws IOException when it is configured but cannot be used (bad settings, store unreachable): the hub
	 *                     does not start
	 */
	Optional<HubCloud> create(HubCloudContext context) throws IOException;

	/** The extension point the factories are contributed to. */
	String EXTENSION_POINT = "io.tiepoint.hub.clouds";

	/**
	 * Checks, before a hub starts, that the settings an operator gave this cloud can be used together (those that
	 * go together are all given). Called without creating the cloud, by whoever maps an operator's settings to the
	 * hub's (the hub command, the embedded hub), which reports the answer as given.
	 *
	 * @param settings the cloud's settings, keys without prefix (e.g. {@code bucket}), values not blank
	 * @param names    how the operator writes a setting, for the answer
	 * @return what is wrong, a message for the operator naming the settings as they write them; empty when usable
	 */
	default Optional<String> check(Map<String, String> settings, SettingNames names) {
		return Optional.empty();
	}

	/** How an operator writes the settings of a cloud, for the messages of {@link HubCloudFactory#check}. */
	interface SettingNames {

		/**
		 * @param key a setting of the cloud, without prefix (e.g. {@code access.key})
		 * @return its name where the operator gives it (e.g. {@code hub.oss.access.key})
		 */
		String setting(String key);

		/**
		 * @param key a setting of the cloud, without prefix
		 * @return the environment variable that gives it (e.g. {@code TIEPOINT_HUB_OSS_ACCESS_KEY})
		 */
		String environment(String key);
	}
}
