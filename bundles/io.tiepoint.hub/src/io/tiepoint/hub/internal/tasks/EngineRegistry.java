/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.internal.HubLog;

/**
 * The engines: those registered programmatically first, then the contributions to
 * {@code io.tiepoint.hub.reconstructionEngines}, read once on first use; an engine class is created
 * when a task first needs it. Bad contributions are logged and skipped.
 */
public final class EngineRegistry {

	/** The extension point id. */
	public static final String EXTENSION_POINT = "io.tiepoint.hub.reconstructionEngines";
	private static final HubLog LOG = HubLog.of(EngineRegistry.class);
	private final IExtensionRegistry registry;
	private final List<ReconstructionEngine> registered = new CopyOnWriteArrayList<>();
	private List<Descriptor> descriptors;

	/** A contribution, its class not yet loaded. */
	private static final class Descriptor {
		final IConfigurationElement element;
		final String id;
		final Set<String> taskTypes;
		ReconstructionEngine engine;
		boolean broken;

		Descriptor(IConfigurationElement element, String id, Set<String> taskTypes) {
			this.element = element;
			this.id = id;
			this.taskTypes = taskTypes;
		}
	}

	/** @param registry the extension registry, may be null outside OSGi */
	public EngineRegistry(IExtensionRegistry registry) {
		this.registry = registry;
	}

	/** @param engine an engine to use before contributed ones */
	public void register(ReconstructionEngine engine) {
		registered.add(engine);
	}

	/**
	 * @param taskType a TASK_TYPE name
	 * @return the first engine running it
	 */
	public synchronized Optional<ReconstructionEngine> find(String taskType) {
		for (ReconstructionEngine e : registered) {
			if (e.taskTypes().contains(taskType)) {
				return Optional.of(e);
			}
		}
		for (Descriptor d : descriptors()) {
			if (d.taskTypes.contains(taskType) && !d.broken) {
				ReconstructionEngine e = create(d);
				if (e != null) {
					return Optional.of(e);
				}
			}
		}
		return Optional.empty();
	}

	private ReconstructionEngine create(Descriptor d) {
		if (d.engine == null) {
			try {
				Object o = d.element.createExecutableExtension("class");
				if (o instanceof ReconstructionEngine e) {
					d.engine = e;
				} else {
					d.broken = true;
					LOG.warn("engine " + d.id + " of " + d.element.getContributor().getName()
							+ " does not implement ReconstructionEngine; skipped");
				}
			} catch (CoreException | RuntimeException e) {
				d.broken = true;
				LOG.error("cannot create engine " + d.id + "; skipped", e);
			}
		}
		return d.engine;
	}

	private List<Descriptor> descriptors() {
		if (descriptors == null) {
			List<Descriptor> list = new ArrayList<>();
			if (registry != null) {
				for (IConfigurationElement el : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
					String id = el.getAttribute("id");
					String types = el.getAttribute("taskTypes");
					if (!"engine".equals(el.getName()) || id == null || el.getAttribute("class") == null || types == null) {
						LOG.warn("invalid engine contribution from " + el.getContributor().getName() + "; skipped");
						continue;
					}
					list.add(new Descriptor(el, id, Arrays.stream(types.split(",")).map(String::strip)
							.filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())));
				}
			}
			descriptors = List.copyOf(list);
		}
		return descriptors;
	}
}
