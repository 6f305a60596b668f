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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.internal.HubLog;

/**
 * The engines: those registered programmatically first, then the contributions to
 * {@code io.tiepoint.hub.reconstructionEngines}, read once on first use; an engine class is created
 * when a task first needs it. Bad contributions are logged and skipped. A task names its engine, or
 * gets the hub's default engine when that runs its type, else the first engine that runs it and takes its
 * settings ({@link ReconstructionEngine#check}: an engine that is not configured here, such as a remote one
 * without its address, is never chosen for a client that named none): registered engines first, then the
 * contributions by id.
 */
public final class EngineRegistry {

	/** The extension point id. */
	public static final String EXTENSION_POINT = ReconstructionEngine.EXTENSION_POINT;
	private static final HubLog LOG = HubLog.of(EngineRegistry.class);
	private final IExtensionRegistry registry;
	private final String defaultEngine;
	private final Function<String, Map<String, String>> settings;
	private final Set<String> declined = ConcurrentHashMap.newKeySet();
	private final List<ReconstructionEngine> registered = new CopyOnWriteArrayList<>();
	private List<Descriptor> descriptors;

	/**
	 * An engine as clients see it ({@code support.engines}), read without loading its class.
	 *
	 * @param id        engine id
	 * @param name      its name (the id for an engine registered programmatically)
	 * @param taskTypes the task types it runs
	 * @param isDefault whether it is the hub's default engine
	 */
	public record Info(String id, String name, Set<String> taskTypes, boolean isDefault) {
	}

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
		this(registry, null);
	}

	/**
	 * @param registry      the extension registry, may be null outside OSGi
	 * @param defaultEngine the id of the engine preferred for tasks that name none, or null
	 */
	public EngineRegistry(IExtensionRegistry registry, String defaultEngine) {
		this(registry, defaultEngine, id -> Map.of());
	}

	/**
	 * @param registry      the extension registry, may be null outside OSGi
	 * @param defaultEngine the id of the engine preferred for tasks that name none, or null
	 * @param settings      an engine's settings by its id
	 */
	public EngineRegistry(IExtensionRegistry registry, String defaultEngine,
			Function<String, Map<String, String>> settings) {
		this.registry = registry;
		this.defaultEngine = defaultEngine;
		this.settings = settings;
	}

	/** @param engine an engine to use before contributed ones */
	public void register(ReconstructionEngine engine) {
		registered.add(engine);
	}

	/**
	 * @param taskType a TASK_TYPE name
	 * @return the default engine when it runs the type, else the first engine running it
	 */
	public Optional<ReconstructionEngine> find(String taskType) {
		return find(null, taskType);
	}

	/**
	 * @param engineId the engine a client named, or null for the default choice ({@link #find(String)})
	 * @param taskType a TASK_TYPE name
	 * @return that engine when it runs the type (empty when it is unknown or does not)
	 */
	public synchronized Optional<ReconstructionEngine> find(String engineId, String taskType) {
		String wanted = engineId != null ? engineId : defaultEngine;
		if (wanted != null) {
			Optional<ReconstructionEngine> e = byId(wanted).filter(x -> x.taskTypes().contains(taskType));
			if (e.isPresent() || engineId != null) {
				return e;
			}
		}
		for (ReconstructionEngine e : registered) {
			if (e.taskTypes().contains(taskType) && configured(e)) {
				return Optional.of(e);
			}
		}
		for (Descriptor d : descriptors()) {
			if (d.taskTypes.contains(taskType) && !d.broken) {
				ReconstructionEngine e = create(d);
				if (e != null && configured(e)) {
					return Optional.of(e);
				}
			}
		}
		return Optional.empty();
	}

	/** Whether the engine takes its settings, asked when it would be chosen for a client that named none. */
	private boolean configured(ReconstructionEngine e) {
		try {
			e.check(settings.apply(e.id()));
			return true;
		} catch (CoreException | RuntimeException x) {
			if (declined.add(e.id())) {
				LOG.info("engine " + e.id() + " is not chosen for tasks that name no engine: " + x.getMessage());
			}
			return false;
		}
	}

	/**
	 * @param id an engine id
	 * @return that engine, registered or contributed (its class created now), or empty
	 */
	public synchronized Optional<ReconstructionEngine> byId(String id) {
		for (ReconstructionEngine e : registered) {
			if (e.id().equals(id)) {
				return Optional.of(e);
			}
		}
		for (Descriptor d : descriptors()) {
			if (d.id.equals(id) && !d.broken) {
				return Optional.ofNullable(create(d));
			}
		}
		return Optional.empty();
	}

	/** @return every engine, registered ones first, contributions without loading their classes */
	public synchronized List<Info> list() {
		List<Info> out = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (ReconstructionEngine e : registered) {
			if (seen.add(e.id())) {
				out.add(new Info(e.id(), e.id(), Set.copyOf(e.taskTypes()), e.id().equals(defaultEngine)));
			}
		}
		for (Descriptor d : descriptors()) {
			if (!d.broken && seen.add(d.id)) {
				String name = d.element.getAttribute("name");
				out.add(new Info(d.id, name == null ? d.id : name, d.taskTypes, d.id.equals(defaultEngine)));
			}
		}
		return List.copyOf(out);
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
			list.sort(java.util.Comparator.comparing(d -> d.id));
			descriptors = List.copyOf(list);
		}
		return descriptors;
	}
}
