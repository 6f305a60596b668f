/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.wizards;

import java.net.URI;
import java.util.Optional;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.core.operations.Destinations;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;
import io.tiepoint.ui.internal.providers.HelperBar;
import io.tiepoint.ui.internal.providers.ProviderChooser;
import io.tiepoint.ui.internal.providers.WorkbenchProviderContext;

/**
 * New Project's page: the name, and where the images go: a platform (a hub and one of the clouds the installed
 * providers serve) or the user's own storage (a provider that takes destinations and a destination URI, checked
 * as {@code tiepoint ingest --to} checks it). The providers come from the registry.
 */
public final class ProjectDestinationPage extends WizardPage {

	private final WorkbenchModel model;
	private final StorageProviders providers;
	private Text name;
	private Button platform;
	private Button direct;
	private Combo hub;
	private ProviderChooser clouds;
	private ProviderChooser stores;
	private Text destination;
	private HelperBar helpers;
	private URI parsed;

	/**
	 * @param model     the workspace
	 * @param providers the installed storage providers
	 */
	public ProjectDestinationPage(WorkbenchModel model, StorageProviders providers) {
		super("project", "New Project", null);
		this.model = model;
		this.providers = providers;
		setDescription("A project groups the images of one survey and says where they go.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		new Label(c, SWT.NONE).setText("Name:");
		name = new Text(c, SWT.BORDER);
		name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		platform = radio(c, "Send to a platform: a hub registers, verifies and reconstructs the images");
		new Label(c, SWT.NONE).setText("Hub:");
		hub = new Combo(c, SWT.DROP_DOWN);
		hub.add(WorkspaceHubs.EMBEDDED);
		TiepointPreferences.hubs().keySet().forEach(hub::add);
		hub.select(0);
		hub.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		label(c, "Cloud:");
		clouds = new ProviderChooser(c, providers, d -> d.platformBinding().isPresent(), 3);
		clouds.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

		direct = radio(c, "Send to your own storage, without a hub");
		label(c, "Storage:");
		stores = new ProviderChooser(c, providers, d -> !d.schemes().isEmpty(), 3);
		stores.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		new Label(c, SWT.NONE).setText("Destination:");
		destination = new Text(c, SWT.BORDER);
		destination.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		destination.setToolTipText("SCHEME://WHERE/PREFIX; credentials belong in Preferences > Tiepoint > Storage Providers");
		// the chosen provider's own steps (authorize, pick an album...), contributed by its .ui twin
		helpers = new HelperBar(c, d -> new WorkbenchProviderContext(d, model.workspace(), destination::getText),
				chosen -> destination.setText(chosen));
		GridData hd = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		helpers.control().setLayoutData(hd);

		platform.setSelection(true);
		name.addListener(SWT.Modify, e -> validate());
		hub.addListener(SWT.Modify, e -> validate());
		platform.addListener(SWT.Selection, e -> validate());
		direct.addListener(SWT.Selection, e -> validate());
		clouds.addChoiceListener(this::validate);
		stores.addChoiceListener(this::storeChosen);
		destination.addListener(SWT.Modify, e -> validate());
		setControl(c);
		storeChosen();
	}

	private static Button radio(Composite c, String text) {
		Button b = new Button(c, SWT.RADIO);
		b.setText(text);
		GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1);
		gd.verticalIndent = 8;
		b.setLayoutData(gd);
		return b;
	}

	private static void label(Composite c, String text) {
		Label l = new Label(c, SWT.NONE);
		l.setText(text);
		l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
	}

	/** A provider was chosen for the direct flow: the destination starts with its scheme. */
	private void storeChosen() {
		Optional<StorageProviderDescriptor> d = stores.selected();
		if (helpers != null) {
			helpers.show(d);
		}
		if (d.isPresent() && destination != null) {
			String text = destination.getText().strip();
			boolean theirs = parsed != null && d.get().accepts(parsed);
			if (!theirs && d.get().schemes().stream().noneMatch(s -> text.startsWith(s + ":"))) {
				destination.setText(d.get().schemes().get(0) + "://");
			}
		}
		validate();
	}

	private void validate() {
		boolean toStore = direct.getSelection();
		hub.setEnabled(!toStore);
		clouds.setEnabled(!toStore);
		stores.setEnabled(toStore);
		destination.setEnabled(toStore);
		helpers.control().setEnabled(toStore);
		helpers.buttons().forEach(b -> b.setEnabled(toStore));
		String n = name.getText().strip();
		String err = null;
		parsed = null;
		try {
			if (model.workspace() == null) {
				err = model.error();
			} else if (!n.isEmpty() && model.workspace().journal().project(n).isPresent()) {
				err = "A project named '" + n + "' already exists.";
			} else if (!toStore && clouds.selected().isEmpty()) {
				err = "No installed storage provider serves a platform cloud.";
			} else if (!toStore && hub.getText().isBlank()) {
				err = "Choose a hub: 'embedded' or one of Preferences > Tiepoint > Hubs.";
			} else if (toStore) {
				err = checkDestination();
			}
		} catch (JournalException e) {
			err = e.getMessage();
		}
		setErrorMessage(err);
		setPageComplete(err == null && !n.isEmpty() && (!toStore || parsed != null));
	}

	private String checkDestination() {
		if (stores.offered().isEmpty()) {
			return "No installed storage provider takes destinations of its own.";
		}
		String text = destination.getText().strip();
		if (text.isEmpty() || text.endsWith("://")) {
			return null; // not typed yet: the page is not complete, and nothing is wrong
		}
		try {
			parsed = Destinations.parse(text, providers);
		} catch (IllegalArgumentException e) {
			String m = e.getMessage();
			return "Destination " + (m.startsWith("--to ") ? m.substring(5) : m);
		}
		Optional<StorageProviderDescriptor> owner = providers.forDestination(parsed);
		if (owner.isPresent() && !owner.equals(stores.selected())) {
			stores.select(owner.get().id()); // the URI's scheme decides which storage it is
		}
		return null;
	}

	/** @return the project's name */
	public String projectName() {
		return name.getText().strip();
	}

	/** @return the hub for a platform project (a hub's URL for a name of the preferences), or null for a direct one */
	public String hub() {
		if (direct.getSelection()) {
			return null;
		}
		String h = hub.getText().strip();
		return TiepointPreferences.hubs().getOrDefault(h, h);
	}

	/** @return the platform cloud, or null for a direct project */
	public String cloud() {
		return direct.getSelection() ? null
				: clouds.selected().flatMap(StorageProviderDescriptor::platformBinding)
						.map(b -> b.cloud()).orElse(null);
	}

	/** @return the destination of a direct project (checked), or null */
	public String destination() {
		return direct.getSelection() && parsed != null ? parsed.toString() : null;
	}

	/** @return the clouds offered */
	public ProviderChooser clouds() {
		return clouds;
	}

	/** @return the chosen storage's helpers (tests) */
	public HelperBar helpers() {
		return helpers;
	}

	/** @return the storages offered for the direct flow */
	public ProviderChooser stores() {
		return stores;
	}

	/**
	 * Fills the page as a user would (tests).
	 *
	 * @param projectName the name
	 * @param directUri   a destination for a direct project, or null for the platform
	 * @param provider    for the platform: the id of the provider whose cloud to choose (the hub stays embedded)
	 */
	public void fill(String projectName, String directUri, String provider) {
		name.setText(projectName);
		platform.setSelection(directUri == null);
		direct.setSelection(directUri != null);
		if (directUri != null) {
			destination.setText(directUri);
		} else if (provider != null) {
			clouds.select(provider);
		}
		validate();
	}
}
