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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IRegistryEventListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The one reader of the extension point {@code io.tiepoint.core.storageProviders}, an OSGi service.
 * Descriptors are read from the extensions' XML (no provider code is loaded to list or configure a
 * provider); a provider's class is created when it is first asked for; a malformed contribution is logged
 * and skipped. It follows the registry: a provider installed or removed at run time (from a p2
 * repository, say) appears or disappears without a new reader.
 */
@Component(service = StorageProviders.class)
public final class StorageProviders implements IRegistryEventListener {

	/** The full id of the extension point. */
	public static final String EXTENSION_POINT = "io.tiepoint.core.storageProviders";
	private static final String PLUGIN_ID = "io.tiepoint.core";

	private final IExtensionRegistry registry;
	private final Consumer<IStatus> log;
	private final Map<String, IConfigurationElement> elements = new LinkedHashMap<>();
	private final Map<String, StorageProviderDescriptor> descriptors = new LinkedHashMap<>();
	private final Map<String, StorageProvider> instances = new LinkedHashMap<>();
	private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

	/**
	 * The service: reads the registry and follows its changes until deactivated.
	 *
	 * @param registry the extension registry
	 */
	@Activate
	public StorageProviders(@Reference(name = "registry") IExtensionRegistry registry) {
		this(registry, s -> ILog.of(StorageProviders.class).log(s));
	}

	/**
	 * A reader of its own (tests, tools): follows the registry until {@link #dispose()}.
	 *
	 * @param registry the extension registry, or null (nothing contributed)
	 * @param log      receives problems with contributions
	 */
	public StorageProviders(IExtensionRegistry registry, Consumer<IStatus> log) {
		this.registry = registry;
		this.log = log;
		if (registry != null) {
			reload();
			registry.addListener(this, EXTENSION_POINT);
		}
	}

	/** Stops following the registry. */
	@Deactivate
	public void dispose() {
		if (registry != null) {
			registry.removeListener(this);
		}
	}

	private synchronized void reload() {
		Map<String, IConfigurationElement> oldElements = new LinkedHashMap<>(elements);
		elements.clear();
		descriptors.clear();
		for (IConfigurationElement e : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
			StorageProviderDescriptor d;
			try {
				d = DescriptorReader.read(e);
			} catch (IllegalArgumentException | org.eclipse.core.runtime.InvalidRegistryObjectException bad) {
				log.accept(Status.error("Ignoring a " + EXTENSION_POINT + " contribution from "
						+ e.getContributor().getName() + ": " + bad.getMessage()));
				continue;
			}
			if (descriptors.containsKey(d.id())) {
				log.accept(Status.warning("Storage provider '" + d.id() + "' from " + d.contributor() + " ignored: "
						+ descriptors.get(d.id()).contributor() + " contributes the same id"));
				continue;
			}
			descriptors.put(d.id(), d);
			elements.put(d.id(), e);
		}
		// a provider whose contribution is gone (or was replaced by a new version of its bundle) is created anew
		instances.keySet().removeIf(id -> elements.get(id) == null || !elements.get(id).equals(oldElements.get(id)));
	}

	/** @return every contributed provider, in registry order */
	public synchronized List<StorageProviderDescriptor> descriptors() {
		return new ArrayList<>(descriptors.values());
	}

	/**
	 * @param id a provider id
	 * @return its descriptor
	 */
	public synchronized Optional<StorageProviderDescriptor> descriptor(String id) {
		return Optional.ofNullable(descriptors.get(id));
	}

	/**
	 * @param destination a destination URI, e.g. {@code s3://bucket/prefix}
	 * @return the provider that accepts its scheme
	 */
	public synchronized Optional<StorageProviderDescriptor> forDestination(URI destination) {
		return descriptors.values().stream().filter(d -> d.accepts(destination)).findFirst();
	}

	/**
	 * @param cloud a platform cloud name, e.g. {@code s3}
	 * @return the provider that serves it in the platform flow
	 */
	public synchronized Optional<StorageProviderDescriptor> forCloud(String cloud) {
		return descriptors.values().stream()
				.filter(d -> d.platformBinding().map(p -> p.cloud().equals(cloud)).orElse(false)).findFirst();
	}

	/** @return the provider that fetches the platform's task results, if one is installed */
	public synchronized Optional<StorageProviderDescriptor> forResults() {
		return descriptors.values().stream()
				.filter(d -> d.platformBinding().map(PlatformBinding::results).orElse(false)).findFirst();
	}

	/**
	 * @param id a provider id
	 * @return the provider (one instance per contribution)
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
					"no storage provider '" + id + "' is installed (installed: " + String.join(", ", descriptors.keySet()) + ")");
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

	/** @param l told after the contributed providers changed (a bundle was installed or removed) */
	public void addChangeListener(Runnable l) {
		changeListeners.add(l);
	}

	/** @param l no longer told */
	public void removeChangeListener(Runnable l) {
		changeListeners.remove(l);
	}

	private void changed() {
		reload();
		for (Runnable l : changeListeners) {
			try {
				l.run();
			} catch (RuntimeException e) {
				log.accept(Status.warning("A storage provider change listener failed: " + e));
			}
		}
	}

	@Override
	public void added(IExtension[] extensions) {
		changed();
	}

	@Override
	public void removed(IExtension[] extensions) {
		changed();
	}

	@Override
	public void added(IExtensionPoint[] extensionPoints) {
		changed();
	}

	@Override
	public void removed(IExtensionPoint[] extensionPoints) {
		changed();
	}
}
