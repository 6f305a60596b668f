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

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IConfigurationElement;

/** Reads one {@code provider} element of {@code io.tiepoint.core.storageProviders} into a descriptor. */
final class DescriptorReader {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
	/** RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), kept lower case. */
	private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

	private DescriptorReader() {
	}

	/**
	 * @param e a {@code provider} element
	 * @return its descriptor
	 * @throws IllegalArgumentException naming what is wrong with the contribution
	 */
	static StorageProviderDescriptor read(IConfigurationElement e) {
		String contributor = e.getContributor().getName();
		if (!"provider".equals(e.getName())) {
			throw new IllegalArgumentException("unknown element <" + e.getName() + ">");
		}
		String id = e.getAttribute("id");
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'id' is missing or not lower-case letters, digits, '.', '_', '-': " + id);
		}
		if (blank(e.getAttribute("class"))) {
			throw new IllegalArgumentException("provider '" + id + "': 'class' is required");
		}
		List<String> schemes = new ArrayList<>();
		for (IConfigurationElement s : e.getChildren("scheme")) {
			String name = s.getAttribute("name") == null ? "" : s.getAttribute("name").trim().toLowerCase(Locale.ROOT);
			if (!SCHEME.matcher(name).matches()) {
				throw new IllegalArgumentException("provider '" + id + "': scheme '" + name + "' is not a URI scheme");
			}
			schemes.add(name);
		}
		Set<Capability> caps = EnumSet.noneOf(Capability.class);
		for (IConfigurationElement c : e.getChildren("capability")) {
			String name = c.getAttribute("id");
			caps.add(Capability.of(name).orElseThrow(() -> new IllegalArgumentException("provider '" + id
					+ "': unknown capability '" + name + "' (known: put, multipart, offset, checksum, download)")));
		}
		List<ProviderSetting> settings = new ArrayList<>();
		for (IConfigurationElement s : e.getChildren("setting")) {
			String key = s.getAttribute("key");
			if (blank(key)) {
				throw new IllegalArgumentException("provider '" + id + "': a setting without 'key'");
			}
			settings.add(new ProviderSetting(key.trim(), s.getAttribute("label"), Boolean.parseBoolean(s.getAttribute("secret")),
					Boolean.parseBoolean(s.getAttribute("required")), s.getAttribute("description")));
		}
		PlatformBinding platform = null;
		IConfigurationElement[] p = e.getChildren("platform");
		if (p.length > 0) {
			if (blank(p[0].getAttribute("cloud")) || blank(p[0].getAttribute("mutation"))) {
				throw new IllegalArgumentException("provider '" + id + "': <platform> needs 'cloud' and 'mutation'");
			}
			platform = new PlatformBinding(p[0].getAttribute("cloud").trim(), p[0].getAttribute("mutation").trim(),
					p[0].getAttribute("bucketType"), p[0].getAttribute("payload"),
					Boolean.parseBoolean(p[0].getAttribute("results")), p[0].getAttribute("expires"));
		}
		if (schemes.isEmpty() && platform == null) {
			throw new IllegalArgumentException("provider '" + id + "' declares neither a <scheme> nor a <platform>:"
					+ " nothing could use it");
		}
		String name = e.getAttribute("name");
		return new StorageProviderDescriptor(id, blank(name) ? id : name, e.getAttribute("description"),
				e.getAttribute("icon"), schemes, platform, caps, settings, contributor);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
