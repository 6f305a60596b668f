/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.prefs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.widgets.Display;

import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;

/**
 * One preference page per storage provider, under Preferences > Tiepoint > Storage Providers, with no edit to any
 * {@code plugin.xml} per provider:
 * <ul>
 * <li>a provider's bundle (or its {@code .ui} twin) may contribute its own page to {@code org.eclipse.ui.preferencePages}
 * with the id {@code io.tiepoint.ui.prefs.provider.<provider id>} ({@link #pageId(String)}) and the category
 * {@value #STORAGE_PROVIDERS}: that page is the provider's;</li>
 * <li>for every other provider a {@link ProviderSettingsPage} built from its declared settings is added to the
 * preference tree at start-up, with the provider's name and icon and the same id, and kept in step with the
 * installed providers.</li>
 * </ul>
 */
public final class ProviderPages {

	/** The id of the Storage Providers page, the category of every provider's page. */
	public static final String STORAGE_PROVIDERS = "io.tiepoint.ui.prefs.providers";
	/** The start of a provider's page id; the provider id follows. */
	public static final String PAGE_PREFIX = "io.tiepoint.ui.prefs.provider.";
	private static final String PREFERENCE_PAGES = "org.eclipse.ui.preferencePages";

	private ProviderPages() {
	}

	/**
	 * @param providerId a storage provider's id
	 * @return the id of its preference page, contributed or generated
	 */
	public static String pageId(String providerId) {
		return PAGE_PREFIX + providerId;
	}

	/**
	 * @param registry   the extension registry
	 * @param providerId a storage provider's id
	 * @return whether a bundle contributes the provider's page (so none is generated)
	 */
	public static boolean contributed(IExtensionRegistry registry, String providerId) {
		String id = pageId(providerId);
		for (IConfigurationElement e : registry.getConfigurationElementsFor(PREFERENCE_PAGES)) {
			if ("page".equals(e.getName()) && id.equals(e.getAttribute("id"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Adds a generated page for each provider that has no contributed one and removes those of providers no longer
	 * installed. Does nothing when the Storage Providers page is not in the tree.
	 *
	 * @param manager   the preference tree
	 * @param providers the installed providers
	 * @param registry  the extension registry, where contributed pages are looked for
	 * @return the generated nodes now in the tree
	 */
	public static List<GeneratedNode> sync(PreferenceManager manager, StorageProviders providers,
			IExtensionRegistry registry) {
		IPreferenceNode parent = find(manager.getRootSubNodes(), STORAGE_PROVIDERS);
		if (parent == null) {
			return List.of();
		}
		Map<String, StorageProviderDescriptor> wanted = providers.descriptors().stream()
				.filter(d -> !contributed(registry, d.id()))
				.collect(Collectors.toMap(d -> pageId(d.id()), Function.identity()));
		for (IPreferenceNode n : parent.getSubNodes()) {
			if (n instanceof GeneratedNode g && !g.provider().equals(wanted.get(g.getId()))) {
				parent.remove(g);
			}
		}
		List<GeneratedNode> out = new ArrayList<>();
		for (StorageProviderDescriptor d : wanted.values()) {
			IPreferenceNode n = parent.findSubNode(pageId(d.id()));
			if (n == null) {
				n = new GeneratedNode(d);
				parent.add(n);
			}
			if (n instanceof GeneratedNode g) {
				out.add(g);
			}
		}
		return out;
	}

	/**
	 * Keeps the workbench's preference tree in step with the installed providers (from start-up on).
	 *
	 * @param manager   the workbench's preference tree
	 * @param providers the installed providers
	 * @param registry  the extension registry
	 * @param display   the UI thread's display
	 */
	public static void install(PreferenceManager manager, StorageProviders providers, IExtensionRegistry registry,
			Display display) {
		sync(manager, providers, registry);
		providers.addChangeListener(() -> {
			if (!display.isDisposed()) {
				display.asyncExec(() -> sync(manager, providers, registry));
			}
		});
	}

	/**
	 * @param nodes the nodes to search, and their sub-nodes
	 * @param id    a page id
	 * @return the node, or null
	 */
	public static IPreferenceNode find(IPreferenceNode[] nodes, String id) {
		for (IPreferenceNode n : nodes) {
			if (id.equals(n.getId())) {
				return n;
			}
			IPreferenceNode sub = find(n.getSubNodes(), id);
			if (sub != null) {
				return sub;
			}
		}
		return null;
	}

	/** The node of a generated page: the provider's name and icon, the page made when first shown. */
	public static final class GeneratedNode extends PreferenceNode {

		private final StorageProviderDescriptor provider;

		GeneratedNode(StorageProviderDescriptor provider) {
			super(pageId(provider.id()), provider.name(),
					provider.iconUrl().map(ImageDescriptor::createFromURL).orElse(null), null);
			this.provider = provider;
		}

		/** @return the provider */
		public StorageProviderDescriptor provider() {
			return provider;
		}

		@Override
		public void createPage() {
			ProviderSettingsPage page = new ProviderSettingsPage(provider, ProviderPreferences::workbench);
			page.setTitle(provider.name());
			setPage(page);
		}
	}
}
