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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * The one reader of the extension point {@code io.tiepoint.core.storageProviders}. Descriptors are
 * read once; a provider's class is created when it is first asked for.
 */
public final class StorageProviders {

	/** The full id of the extension point. */
	public static final String EXTENSION_POINT = "io.tiepoint.core.storageProviders";
	private static final String PLUGIN_ID = "io.tiepoint.core";

	/**
	 * One contributed provider.
	 *
	 * @param id           e.g. {@code s3}, {@code gridfs}
	 * @param name         shown to users
	 * @param capabilities declared capabilities: {@code put}, {@code multipart}, {@code offset},
	 *                     {@code checksum}, {@code download}
	 * @param platformFlow whether the platform (hub) can hand out targets for it
	 * @param contributor  the contributing bundle
	 */
	public record Descriptor(String id, String name, Set<String> capabilities, boolean platformFlow,
			String contributor) {
	}

	private final Map<String, IConfigurationElement> elements = new LinkedHashMap<>();
	private final Map<String, Descriptor> descriptors = new LinkedHashMap<>();
	private final Map<String, StorageProvider> instances = new LinkedHashMap<>();
	private final Consumer<IStatus> log;

	/**
	 * @param registry the extension registry, or null (nothing contributed)
	 */
	public StorageProviders(IExtensionRegistry registry) {
		this(registry, s -> ILog.of(StorageProviders.class).log(s));
	}

	/**
	 * @param registry the extension registry, or null
	 * @param log      receives problems with contributions
	 */
	public StorageProviders(IExtensionRegistry registry, Consumer<IStatus> log) {
		this.log = log;
		if (registry == null) {
			return;
		}
		for (IConfigurationElement e : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
			String id = e.getAttribute("id");
			if (!"provider".equals(e.getName()) || id == null || e.getAttribute("class") == null) {
				log.accept(Status.error("Ignoring malformed " + EXTENSION_POINT + " contribution <" + e.getName()
						+ "> from " + e.getContributor().getName() + ": 'id' and 'class' are required"));
				continue;
			}
			if (descriptors.containsKey(id)) {
				log.accept(Status.warning("Storage provider '" + id + "' from " + e.getContributor().getName()
						+ " ignored: " + descriptors.get(id).contributor() + " contributes the same id"));
				continue;
			}
			String caps = e.getAttribute("capabilities");
			Set<String> capabilities = new TreeSet<>();
			if (caps != null) {
				Arrays.stream(caps.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(capabilities::add);
			}
			String name = e.getAttribute("name");
			descriptors.put(id, new Descriptor(id, name == null ? id : name, Set.copyOf(capabilities),
					Boolean.parseBoolean(e.getAttribute("platform")), e.getContributor().getName()));
			elements.put(id, e);
		}
	}

	/** @return every contributed provider, in registry order */
	public List<Descriptor> descriptors() {
		return new ArrayList<>(descriptors.values());
	}

	/**
	 * @param id a provider id
	 * @return its descriptor
	 */
	public Optional<Descriptor> descriptor(String id) {
		return Optional.ofNullable(descriptors.get(id));
	}

	/**
	 * @param id a provider id
	 * @return the provider (one instance per registry)
	 * @throws StorageException {@code PERMANENT} when no such provider is installed or it cannot be
	 *                          created; the message lists the installed ones
	 */
	public synchronized StorageProvider provider(String id) throws StorageException {
		StorageProvider p = instances.get(id);
		if (p != null) {
			return p;
		}
		IConfigurationElement e = elements.get(id);
		if (e == null) {
			throw new StorageException(StorageException.Kind.PERMANENT,
					"no storage provider '" + id + "' is installed (installed: " + String.join(", ", descriptors.keySet())
							+ ")");
		}
		try {
			Object o = e.createExecutableExtension("class");
			if (!(o instanceof StorageProvider sp)) {
				throw new StorageException(StorageException.Kind.PERMANENT, "storage provider '" + id + "' from "
						+ e.getContributor().getName() + ": " + o.getClass().getName() + " is not a StorageProvider");
			}
			instances.put(id, sp);
			return sp;
		} catch (CoreException ce) {
			log.accept(new Status(IStatus.ERROR, PLUGIN_ID, "Storage provider '" + id + "' could not be created", ce));
			throw new StorageException(StorageException.Kind.PERMANENT,
					"storage provider '" + id + "' could not be created: " + ce.getMessage(), ce);
		}
	}
}
