/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import io.tiepoint.exif.Check;
import io.tiepoint.exif.ImageCheck;
import io.tiepoint.exif.SetCheck;

/**
 * The checks contributed to the {@code io.tiepoint.exif.checks} extension point. Reads the registry
 * on first use, caches one descriptor per contribution, creates each class on first use, and logs
 * and skips contributions that are malformed or whose class cannot be created.
 */
public final class CheckRegistry {

	/** The full id of the extension point. */
	public static final String EXTENSION_POINT = "io.tiepoint.exif.checks";
	private static final String PLUGIN_ID = "io.tiepoint.exif";

	private final IExtensionRegistry registry;
	private final Consumer<IStatus> log;
	private List<Descriptor> descriptors;

	/** @param registry the extension registry, or null outside OSGi (then nothing is contributed) */
	public CheckRegistry(IExtensionRegistry registry) {
		this(registry, CheckRegistry::platformLog);
	}

	/**
	 * @param registry the extension registry, or null
	 * @param log      receives the problems with contributions
	 */
	public CheckRegistry(IExtensionRegistry registry, Consumer<IStatus> log) {
		this.registry = registry;
		this.log = log;
	}

	/**
	 * Logs to the Eclipse log ({@code ILog.of}) inside OSGi; outside (no bundle for the class, or
	 * org.eclipse.core.runtime absent) to the JDK's System.Logger, so nothing is lost.
	 */
	static void platformLog(IStatus status) {
		try {
			ILog.of(CheckRegistry.class).log(status);
			return;
		} catch (RuntimeException | LinkageError notInOsgi) {
			// fall through to the JDK logger
		}
		System.Logger.Level level = status.getSeverity() == IStatus.ERROR ? System.Logger.Level.ERROR
				: status.getSeverity() == IStatus.WARNING ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
		System.getLogger(CheckRegistry.class.getName()).log(level, status.getMessage(), status.getException());
	}

	/** @return the contributed checks that could be created, in registry order */
	public synchronized List<Check> checks() {
		if (descriptors == null) {
			descriptors = readDescriptors();
		}
		List<Check> out = new ArrayList<>();
		for (Descriptor d : descriptors) {
			Check c = d.check();
			if (c != null) {
				out.add(c);
			}
		}
		return out;
	}

	/** @return the contributed per-image checks */
	public List<ImageCheck> imageChecks() {
		return checks().stream().filter(ImageCheck.class::isInstance).map(ImageCheck.class::cast).toList();
	}

	/** @return the contributed set checks */
	public List<SetCheck> setChecks() {
		return checks().stream().filter(SetCheck.class::isInstance).map(SetCheck.class::cast).toList();
	}

	private List<Descriptor> readDescriptors() {
		List<Descriptor> out = new ArrayList<>();
		if (registry == null) {
			return out;
		}
		for (IConfigurationElement e : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
			String id = e.getAttribute("id");
			if (!"check".equals(e.getName()) || id == null || e.getAttribute("class") == null) {
				log.accept(Status.error("Ignoring malformed " + EXTENSION_POINT + " contribution <" + e.getName()
						+ "> from " + e.getContributor().getName() + ": 'id' and 'class' are required"));
				continue;
			}
			out.add(new Descriptor(e, id));
		}
		return out;
	}

	/** One contribution; its class is created on first use. */
	private final class Descriptor {
		private final IConfigurationElement element;
		private final String id;
		private Check instance;
		private boolean failed;

		Descriptor(IConfigurationElement element, String id) {
			this.element = element;
			this.id = id;
		}

		Check check() {
			if (instance == null && !failed) {
				try {
					Object o = element.createExecutableExtension("class");
					if (o instanceof Check c) {
						instance = c;
					} else {
						failed = true;
						log.accept(new Status(IStatus.ERROR, PLUGIN_ID, "Check '" + id + "' from "
								+ element.getContributor().getName() + ": " + o.getClass().getName() + " does not implement "
								+ Check.class.getName()));
					}
				} catch (CoreException | RuntimeException | LinkageError e) {
					failed = true;
					log.accept(new Status(IStatus.ERROR, PLUGIN_ID, "Check '" + id + "' from "
							+ element.getContributor().getName() + " cannot be created", e));
				}
			}
			return instance;
		}
	}
}
