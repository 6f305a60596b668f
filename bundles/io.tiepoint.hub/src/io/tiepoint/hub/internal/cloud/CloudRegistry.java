/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.spi.RegistryContributor;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubCloudContext;
import io.tiepoint.hub.spi.HubCloudFactory;

/**
 * The contributions to {@code io.tiepoint.hub.clouds}, read once on first use without loading their classes;
 * {@link #start} creates the factories and their clouds. The hub's own contributions (S3 and GridFS, in its
 * {@code plugin.xml}) come first, then the others in the registry's order. Bad contributions (an attribute
 * missing, a class that cannot be created or is no {@link HubCloudFactory}, a repeated id, a cloud that does
 * not answer its contribution's id or serves no servable mutation) are logged and skipped. Outside OSGi (no
 * registry), or with a registry that lacks the extension point (one made for engines only), the hub's own two
 * factories are used directly.
 */
public final class CloudRegistry {

	/** The extension point id. */
	public static final String EXTENSION_POINT = HubCloudFactory.EXTENSION_POINT;
	private static final String HUB = "io.tiepoint.hub";
	private static final HubLog LOG = HubLog.of(CloudRegistry.class);
	private final IExtensionRegistry registry;
	private List<Descriptor> descriptors;

	/**
	 * A contribution, its class not yet loaded.
	 *
	 * @param id          the cloud's id
	 * @param contributor the contributing bundle
	 * @param element     the contribution, or null for a factory given directly
	 * @param factory     the factory given directly, or null
	 */
	private record Descriptor(String id, String contributor, IConfigurationElement element, HubCloudFactory factory) {
	}

	/** @param registry the extension registry, or null outside OSGi (the hub's own clouds only) */
	public CloudRegistry(IExtensionRegistry registry) {
		this.registry = registry;
	}

	/** @return the ids of the valid contributions, in order; no class is loaded */
	public synchronized List<String> ids() {
		return descriptors().stream().map(Descriptor::id).toList();
	}

	/**
	 * Creates every contributed cloud that accepts this hub's settings.
	 *
	 * @param context   the context for a contribution's id
	 * @param mutations the mutations a cloud may serve (the schema's {@code uploadImage*} payload mutations)
	 * @return the started clouds, to be closed by the caller
	 * @throws IOException when a configured cloud cannot be used; those already started are closed
	 */
	public synchronized Clouds start(Function<String, HubCloudContext> context, Set<String> mutations)
			throws IOException {
		List<HubCloud> started = new ArrayList<>();
		Set<String> served = new HashSet<>();
		Set<String> declined = new HashSet<>();
		try {
			for (Descriptor d : descriptors()) {
				Optional<HubCloud> cloud = create(d, context.apply(d.id()), declined);
				if (cloud.isEmpty()) {
					continue;
				}
				HubCloud c = cloud.get();
				String problem = !d.id().equals(c.id()) ? "answers id '" + c.id() + "'"
						: !mutations.contains(c.mutation()) ? "serves '" + c.mutation() + "', not an upload mutation of the schema"
								: !served.add(c.mutation()) ? "serves '" + c.mutation() + "', which another cloud serves"
										: c.buckets().isEmpty() ? "has no bucket" : null;
				if (problem != null) {
					LOG.warn("cloud " + d.id() + " of " + d.contributor() + " " + problem + "; skipped");
					c.close();
					continue;
				}
				started.add(c);
			}
		} catch (IOException | RuntimeException | Error e) {
			new Clouds(started, Set.of()).close();
			throw e;
		}
		return new Clouds(started, declined);
	}

	private static Optional<HubCloud> create(Descriptor d, HubCloudContext context, Set<String> declined)
			throws IOException {
		HubCloudFactory factory = d.factory();
		try {
			if (factory == null) {
				Object o = d.element().createExecutableExtension("class");
				if (!(o instanceof HubCloudFactory f)) {
					LOG.warn("cloud " + d.id() + " of " + d.contributor() + ": its class is no HubCloudFactory; skipped");
					return Optional.empty();
				}
				factory = f;
			}
			Optional<HubCloud> cloud = factory.create(context);
			if (cloud.isEmpty()) {
				declined.add(d.id());
			}
			return cloud;
		} catch (CoreException | RuntimeException | LinkageError e) {
			LOG.error("cannot create cloud " + d.id() + " of " + d.contributor() + "; skipped", e);
			return Optional.empty();
		}
	}

	private List<Descriptor> descriptors() {
		if (descriptors == null) {
			List<Descriptor> list = new ArrayList<>();
			if (registry == null || registry.getExtensionPoint(EXTENSION_POINT) == null) {
				if (registry != null) {
					LOG.warn("the extension registry given has no " + EXTENSION_POINT + "; serving the hub's own clouds");
				}
				list.add(new Descriptor(S3Cloud.ID, HUB, null, new S3CloudFactory()));
				list.add(new Descriptor(GridFsCloud.ID, HUB, null, new GridFsCloudFactory()));
			} else {
				for (IConfigurationElement el : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
					String id = el.getAttribute("id");
					if (!"cloud".equals(el.getName()) || id == null || id.isBlank() || el.getAttribute("class") == null) {
						LOG.warn("invalid cloud contribution from " + contributor(el) + "; skipped");
					} else {
						list.add(new Descriptor(id, contributor(el), el, null));
					}
				}
				list.sort(Comparator.comparing(d -> !HUB.equals(d.contributor()))); // stable: the hub's first
				Set<String> ids = new HashSet<>();
				list.removeIf(d -> {
					boolean taken = !ids.add(d.id());
					if (taken) {
						LOG.warn("cloud " + d.id() + " of " + d.contributor() + ": the id is taken; skipped");
					}
					return taken;
				});
			}
			descriptors = List.copyOf(list);
		}
		return descriptors;
	}

	/** @return the contributing bundle: a fragment's own name, not its host's (which the registry gives) */
	private static String contributor(IConfigurationElement el) {
		IContributor c = el.getContributor();
		return c instanceof RegistryContributor r ? r.getActualName() : c.getName();
	}
}
