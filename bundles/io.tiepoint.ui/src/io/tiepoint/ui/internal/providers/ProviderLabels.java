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

import java.util.stream.Collectors;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.PlatformBinding;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;

/**
 * How the workbench shows a storage provider, from its declaration alone (no provider code is loaded): its
 * name with its icon, its destination schemes, its platform cloud and capabilities. Icons live as long as the
 * control they were asked for.
 */
public final class ProviderLabels extends LabelProvider {

	private final ResourceManager resources;

	/** @param owner the control whose disposal frees the icons */
	public ProviderLabels(Control owner) {
		resources = new LocalResourceManager(JFaceResources.getResources(), owner);
	}

	/**
	 * @param d a provider
	 * @return the icon it declares, or null when it declares none (or its bundle lacks the file)
	 */
	public Image icon(StorageProviderDescriptor d) {
		return d.iconUrl().map(u -> resources.create(ImageDescriptor.createFromURL(u))).orElse(null);
	}

	@Override
	public Image getImage(Object element) {
		return element instanceof StorageProviderDescriptor d ? icon(d) : null;
	}

	@Override
	public String getText(Object element) {
		return element instanceof StorageProviderDescriptor d ? d.name() : String.valueOf(element);
	}

	/** @param d a provider @return its destinations, e.g. {@code s3://}, or "" */
	public static String destinations(StorageProviderDescriptor d) {
		return d.schemes().stream().map(s -> s + "://").collect(Collectors.joining(", "));
	}

	/** @param d a provider @return the platform cloud it serves, or "" */
	public static String cloud(StorageProviderDescriptor d) {
		return d.platformBinding().map(PlatformBinding::cloud).orElse("");
	}

	/** @param d a provider @return its capabilities, e.g. {@code put, multipart} */
	public static String capabilities(StorageProviderDescriptor d) {
		return d.capabilities().stream().sorted().map(Capability::id).collect(Collectors.joining(", "));
	}

	/**
	 * Runs {@code onChange} on the control's UI thread whenever providers are installed or removed, until the
	 * control is disposed.
	 *
	 * @param owner     the control
	 * @param providers the providers
	 * @param onChange  what to do (on the UI thread)
	 */
	public static void follow(Control owner, StorageProviders providers, Runnable onChange) {
		Runnable listener = () -> {
			if (!owner.isDisposed()) {
				owner.getDisplay().asyncExec(() -> {
					if (!owner.isDisposed()) {
						onChange.run();
					}
				});
			}
		};
		providers.addChangeListener(listener);
		owner.addListener(org.eclipse.swt.SWT.Dispose, e -> providers.removeChangeListener(listener));
	}
}
