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

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.IWorkbenchPreferenceContainer;

import io.tiepoint.core.Services;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.internal.providers.ProviderLabels;

/**
 * Preferences > Tiepoint > Storage Providers: every installed storage provider as its extension declares it
 * (icon, name, destinations, platform cloud, capabilities; the description and settings of the selected one). A
 * provider installed while the page is open appears in the list. Each provider's settings are on its own page
 * under this one ({@link ProviderPages}); Configure (or a double-click) opens it.
 */
public class StorageProvidersPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private StorageProviders providers;
	private TableViewer viewer;
	private Label details;
	private Button configure;

	/** The workbench's page: the installed providers. */
	public StorageProvidersPreferencePage() {
		this(null);
	}

	/** @param providers the providers to list, or null for the installed ones */
	public StorageProvidersPreferencePage(StorageProviders providers) {
		this.providers = providers;
		noDefaultAndApplyButton();
	}

	@Override
	public void init(IWorkbench workbench) {
		setDescription("Where images can go: the platform clouds a hub sends to and the destinations of your own."
				+ " Each provider's settings are on its page below this one.");
	}

	@Override
	protected Control createContents(Composite parent) {
		if (providers == null) {
			providers = Services.get(StorageProviders.class);
		}
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		viewer = new TableViewer(c, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		ProviderLabels labels = new ProviderLabels(viewer.getControl());
		column("Provider", 170, StorageProviderDescriptor::name, labels::icon);
		column("Destinations", 140, ProviderLabels::destinations, null);
		column("Platform cloud", 100, ProviderLabels::cloud, null);
		column("Capabilities", 190, ProviderLabels::capabilities, null);
		GridData tg = new GridData(SWT.FILL, SWT.FILL, true, true);
		tg.heightHint = 150;
		viewer.getControl().setLayoutData(tg);
		configure = new Button(c, SWT.PUSH);
		configure.setText("Configure…");
		configure.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		configure.addListener(SWT.Selection, e -> configure());
		details = new Label(c, SWT.WRAP);
		GridData dg = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		dg.widthHint = 560;
		details.setLayoutData(dg);
		viewer.addSelectionChangedListener(e -> describe());
		viewer.addDoubleClickListener(e -> configure());
		ProviderLabels.follow(viewer.getControl(), providers, this::refresh);
		refresh();
		return c;
	}

	private void column(String title, int width, Function<StorageProviderDescriptor, String> text,
			Function<StorageProviderDescriptor, Image> image) {
		TableViewerColumn col = new TableViewerColumn(viewer, SWT.LEFT);
		col.getColumn().setText(title);
		col.getColumn().setWidth(width);
		col.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((StorageProviderDescriptor) element);
			}

			@Override
			public Image getImage(Object element) {
				return image == null ? null : image.apply((StorageProviderDescriptor) element);
			}

			@Override
			public String getToolTipText(Object element) {
				return ((StorageProviderDescriptor) element).description();
			}
		});
	}

	/** Lists the installed providers again. */
	public void refresh() {
		Optional<StorageProviderDescriptor> before = selected();
		viewer.setInput(providers.descriptors());
		before.flatMap(b -> providers.descriptor(b.id())).ifPresent(
				d -> viewer.setSelection(new StructuredSelection(d), true));
		if (selected().isEmpty() && viewer.getTable().getItemCount() > 0) {
			viewer.getTable().select(0);
		}
		describe();
	}

	private Optional<StorageProviderDescriptor> selected() {
		if (viewer.getTable().getSelectionIndex() < 0) {
			return Optional.empty();
		}
		return Optional.of((StorageProviderDescriptor) viewer.getTable().getSelection()[0].getData());
	}

	private void describe() {
		Optional<StorageProviderDescriptor> d = selected();
		configure.setEnabled(d.isPresent());
		details.setText(d.map(StorageProvidersPreferencePage::describe).orElse(
				providers.descriptors().isEmpty() ? "No storage provider is installed." : ""));
		details.getParent().layout(true);
	}

	/**
	 * @param d a provider
	 * @return what the page says about it: its description, where it sends, its settings
	 */
	static String describe(StorageProviderDescriptor d) {
		StringBuilder sb = new StringBuilder(d.name());
		sb.append(d.description().isEmpty() ? "" : ": " + d.description()).append('\n');
		if (!d.schemes().isEmpty()) {
			sb.append("Your own storage: ").append(ProviderLabels.destinations(d)).append('\n');
		}
		d.platformBinding().ifPresent(b -> sb.append("Through a hub: the platform cloud ").append(b.cloud()).append('\n'));
		sb.append(d.settings().isEmpty() ? "No settings."
				: "Settings: " + d.settings().stream()
						.map(s -> s.label() + (s.secret() ? " (secret)" : "") + (s.required() ? " (required)" : ""))
						.collect(Collectors.joining(", ")));
		return sb.toString();
	}

	/** Opens the selected provider's page, in the same dialog. */
	private void configure() {
		Optional<StorageProviderDescriptor> d = selected();
		if (d.isPresent() && getContainer() instanceof IWorkbenchPreferenceContainer c) {
			c.openPage(ProviderPages.pageId(d.get().id()), null);
		}
	}

	/** @return the list (tests) */
	public TableViewer viewer() {
		return viewer;
	}

	/** @return the text under the list (tests) */
	public String details() {
		return details.getText();
	}
}
