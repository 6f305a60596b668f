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

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;

/**
 * A list of the installed storage providers that fit a purpose (those that serve a platform cloud, those that
 * take destinations), each with its icon and name, and the chosen one's description under it. It follows the
 * registry: a provider installed while the list is shown appears in it.
 */
public final class ProviderChooser {

	private final StorageProviders providers;
	private final Predicate<StorageProviderDescriptor> filter;
	private final Composite root;
	private final TableViewer viewer;
	private final Label description;
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * @param parent    the parent
	 * @param providers the installed providers
	 * @param filter    which of them to offer
	 * @param rows      how many rows to show without scrolling
	 */
	public ProviderChooser(Composite parent, StorageProviders providers, Predicate<StorageProviderDescriptor> filter,
			int rows) {
		this.providers = providers;
		this.filter = filter;
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(1, false);
		gl.marginWidth = 0;
		gl.marginHeight = 0;
		root.setLayout(gl);
		viewer = new TableViewer(root, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setLabelProvider(new ProviderLabels(viewer.getControl()));
		GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
		gd.heightHint = rows * viewer.getTable().getItemHeight() + 4;
		gd.widthHint = 320;
		viewer.getControl().setLayoutData(gd);
		description = new Label(root, SWT.WRAP);
		GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false);
		dd.widthHint = 320;
		description.setLayoutData(dd);
		viewer.addSelectionChangedListener(e -> {
			describe();
			listeners.forEach(Runnable::run);
		});
		ProviderLabels.follow(root, providers, this::refresh);
		refresh();
	}

	/** Reads the installed providers again, keeping the choice when it is still installed. */
	public void refresh() {
		Optional<StorageProviderDescriptor> before = selected();
		viewer.setInput(offered());
		if (before.isPresent()) {
			select(before.get().id());
		}
		if (selected().isEmpty() && viewer.getTable().getItemCount() > 0) {
			viewer.setSelection(new StructuredSelection(viewer.getElementAt(0)), true);
		}
		describe();
	}

	private void describe() {
		description.setText(selected().map(StorageProviderDescriptor::description).orElse(
				offered().isEmpty() ? "No installed storage provider fits here." : ""));
		root.layout(true);
	}

	/** @return the providers offered, in registry order */
	public List<StorageProviderDescriptor> offered() {
		return providers.descriptors().stream().filter(filter).toList();
	}

	/** @return the chosen provider */
	public Optional<StorageProviderDescriptor> selected() {
		Object o = viewer.getStructuredSelection().getFirstElement();
		return o instanceof StorageProviderDescriptor d ? Optional.of(d) : Optional.empty();
	}

	/**
	 * @param id a provider id
	 * @return whether it is offered (and now chosen)
	 */
	public boolean select(String id) {
		for (StorageProviderDescriptor d : offered()) {
			if (d.id().equals(id)) {
				viewer.setSelection(new StructuredSelection(d), true);
				return true;
			}
		}
		return false;
	}

	/** @param l told when the choice changes */
	public void addChoiceListener(Runnable l) {
		listeners.add(l);
	}

	/** @param enabled whether the user can choose */
	public void setEnabled(boolean enabled) {
		viewer.getControl().setEnabled(enabled);
		description.setEnabled(enabled);
	}

	/** @return the viewer (tests read its rows and icons) */
	public TableViewer viewer() {
		return viewer;
	}

	/** @return the top control */
	public Composite control() {
		return root;
	}
}
