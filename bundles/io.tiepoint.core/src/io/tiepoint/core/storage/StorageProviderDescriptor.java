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

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * A contributed storage provider as its extension declares it: everything the product needs to list and
 * configure it without loading its code.
 *
 * @param id           e.g. {@code s3}; unique
 * @param name         shown to users, e.g. {@code Amazon S3}
 * @param description  one sentence, or ""
 * @param icon         the icon's path in the contributing bundle, or null
 * @param schemes      the destination URI schemes it accepts, lower case, e.g. {@code s3}, {@code gridfs+http}
 * @param platform     how it serves the platform flow through the hub, or null when it does not
 * @param capabilities what it can do
 * @param settings     the settings it reads, in the order to show them
 * @param contributor  the contributing bundle's symbolic name
 */
public record StorageProviderDescriptor(String id, String name, String description, String icon, List<String> schemes,
		PlatformBinding platform, Set<Capability> capabilities, List<ProviderSetting> settings, String contributor) {

	/** Copies the collections. */
	public StorageProviderDescriptor {
		description = description == null ? "" : description;
		schemes = List.copyOf(schemes);
		capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(capabilities);
		settings = List.copyOf(settings);
	}

	/** @return the platform flow it serves, if any */
	public Optional<PlatformBinding> platformBinding() {
		return Optional.ofNullable(platform);
	}

	/**
	 * @param destination a destination URI
	 * @return whether its scheme is one of this provider's
	 */
	public boolean accepts(URI destination) {
		return destination.getScheme() != null && schemes.contains(destination.getScheme().toLowerCase(Locale.ROOT));
	}

	/**
	 * @param key a setting key
	 * @return the declared setting
	 */
	public Optional<ProviderSetting> setting(String key) {
		return settings.stream().filter(s -> s.key().equals(key)).findFirst();
	}

	/** @return the icon as a URL in its bundle, when it declares one and the bundle has it */
	public Optional<URL> iconUrl() {
		if (icon == null || icon.isBlank()) {
			return Optional.empty();
		}
		Bundle b = Platform.getBundle(contributor);
		return b == null ? Optional.empty()
				: Optional.ofNullable(FileLocator.find(b, new org.eclipse.core.runtime.Path(icon), null));
	}
}
