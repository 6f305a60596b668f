/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.providers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.Status;

import io.tiepoint.ui.providers.ProviderHelper;

/**
 * The one reader of the extension point {@code io.tiepoint.ui.providerHelpers}: the helpers a storage provider's
 * {@code .ui} twin contributes, read when asked (so a provider installed later is seen), their classes created
 * when first run. A contribution without a provider, a label or a class is logged and left out.
 */
public final class ProviderHelpers {

	/** The extension point. */
	public static final String EXTENSION_POINT = "io.tiepoint.ui.providerHelpers";

	/** A contributed helper, its class not loaded yet. */
	public static final class Contribution {
		private final IConfigurationElement element;
		private ProviderHelper helper;

		Contribution(IConfigurationElement element) {
			this.element = element;
		}

		/** @return the button's text */
		public String label() {
			return element.getAttribute("label");
		}

		/** @return what it does, or "" */
		public String tooltip() {
			String t = element.getAttribute("tooltip");
			return t == null ? "" : t;
		}

		/**
		 * @return the helper, created on first use
		 * @throws CoreException when its class cannot be created or is no helper
		 */
		public synchronized ProviderHelper helper() throws CoreException {
			if (helper == null) {
				Object o = element.createExecutableExtension("class");
				if (!(o instanceof ProviderHelper h)) {
					throw new CoreException(Status.error(o.getClass().getName() + " from " + element.getContributor()
							.getName() + " is not a " + ProviderHelper.class.getName()));
				}
				helper = h;
			}
			return helper;
		}
	}

	private ProviderHelpers() {
	}

	/**
	 * @param providerId a storage provider's id
	 * @return the helpers contributed for it, in the registry's order
	 */
	public static List<Contribution> of(String providerId) {
		return of(RegistryFactory.getRegistry(), providerId);
	}

	/**
	 * @param registry   the extension registry (none: no helpers)
	 * @param providerId a storage provider's id
	 * @return the helpers contributed for it
	 */
	public static List<Contribution> of(IExtensionRegistry registry, String providerId) {
		List<Contribution> out = new ArrayList<>();
		if (registry == null || providerId == null) {
			return out;
		}
		for (IConfigurationElement e : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
			String provider = e.getAttribute("provider");
			if (provider == null || e.getAttribute("label") == null || e.getAttribute("class") == null) {
				ILog.of(ProviderHelpers.class).log(Status.warning("Provider helper from " + e.getContributor().getName()
						+ " left out: provider, label and class are required"));
			} else if (provider.equals(providerId)) {
				out.add(new Contribution(e));
			}
		}
		return out;
	}
}
