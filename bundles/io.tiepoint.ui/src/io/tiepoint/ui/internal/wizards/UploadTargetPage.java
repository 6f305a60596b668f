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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.tiepoint.core.hub.WorkspaceHubs;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.PlatformBinding;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.internal.jobs.UploadRequest;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;
import io.tiepoint.ui.internal.providers.HelperBar;
import io.tiepoint.ui.internal.providers.ProviderChooser;
import io.tiepoint.ui.internal.providers.ProviderLabels;
import io.tiepoint.ui.internal.providers.WorkbenchProviderContext;

/**
 * Upload's first page: where the project's images go. A platform project shows its hub and lets the user pick
 * the cloud among the installed providers that serve one (and a bucket when that cloud has buckets); a
 * project with its own destination shows it and the provider that takes it. Then the transfer settings.
 */
public final class UploadTargetPage extends WizardPage {

	private final Project project;
	private final StorageProviders providers;
	private final Workspace workspace;
	private HelperBar helpers;
	private ProviderChooser clouds;
	private Text bucket;
	private Spinner threads;
	private Button includeRejected;
	private Button retryFailed;

	/**
	 * @param project   the project, or null when none is open
	 * @param providers the installed storage providers
	 */
	public UploadTargetPage(Project project, StorageProviders providers) {
		this(project, providers, null);
	}

	/**
	 * @param project   the project, or null when none is open
	 * @param providers the installed storage providers
	 * @param workspace the workspace, whose settings a provider's helpers fall back on, or null
	 */
	public UploadTargetPage(Project project, StorageProviders providers, Workspace workspace) {
		super("target", "Upload " + (project == null ? "" : project.name()), null);
		this.project = project;
		this.providers = providers;
		this.workspace = workspace;
		setDescription("Where the images go. Nothing is sent before the next page's summary.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		setControl(c);
		if (project == null) {
			setErrorMessage("Open a project first.");
			setPageComplete(false);
			return;
		}
		if (project.direct()) {
			directTarget(c);
		} else {
			platformTarget(c);
		}
		new Label(c, SWT.NONE).setText("Parallel transfers:");
		threads = new Spinner(c, SWT.BORDER);
		threads.setValues(TiepointPreferences.getInt(TiepointPreferences.THREADS, 8), 1, 64, 0, 1, 4);
		includeRejected = check(c, "Send rejected images too", false);
		retryFailed = check(c, "Send failed images again", true);
	}

	private void platformTarget(Composite c) {
		new Label(c, SWT.NONE).setText("Hub:");
		new Label(c, SWT.NONE).setText(WorkspaceHubs.isEmbedded(project.hub()) ? "Embedded hub (this workspace)"
				: project.hub());
		Label l = new Label(c, SWT.NONE);
		l.setText("Cloud:");
		l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
		clouds = new ProviderChooser(c, providers, d -> d.platformBinding().isPresent(), 4);
		clouds.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		if (project.cloud() != null) {
			providers.forCloud(project.cloud()).ifPresent(d -> clouds.select(d.id()));
		}
		new Label(c, SWT.NONE).setText("Bucket:");
		bucket = new Text(c, SWT.BORDER);
		bucket.setMessage("the hub's nearest");
		bucket.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		clouds.addChoiceListener(this::cloudChosen);
		cloudChosen();
	}

	private void cloudChosen() {
		Optional<PlatformBinding> b = clouds.selected().flatMap(StorageProviderDescriptor::platformBinding);
		bucket.setEnabled(b.map(PlatformBinding::buckets).orElse(false));
		setErrorMessage(b.isEmpty() ? "No installed storage provider serves a platform cloud." : null);
		setPageComplete(b.isPresent());
	}

	private void directTarget(Composite c) {
		Optional<StorageProviderDescriptor> d = providers.forDestination(URI.create(project.destination()));
		new Label(c, SWT.NONE).setText("Storage:");
		Label store = new Label(c, SWT.NONE);
		new Label(c, SWT.NONE).setText("Destination:");
		new Label(c, SWT.NONE).setText(project.destination());
		if (d.isPresent()) {
			ProviderLabels labels = new ProviderLabels(store);
			store.setImage(labels.icon(d.get()));
			store.setText(d.get().name());
			Label hint = new Label(c, SWT.WRAP);
			hint.setText("Its settings and credentials: Preferences > Tiepoint > Storage Providers > " + d.get().name()
					+ " (or the workspace's settings).");
			hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			// the provider's own steps (e.g. authorize again); a project keeps its destination
			helpers = new HelperBar(c, p -> new WorkbenchProviderContext(p, workspace, project::destination), chosen -> {
			});
			helpers.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			helpers.show(d);
			setPageComplete(true);
		} else {
			store.setText("none installed");
			setErrorMessage("No installed storage provider takes " + URI.create(project.destination()).getScheme()
					+ ":// destinations.");
			setPageComplete(false);
		}
	}

	private static Button check(Composite c, String text, boolean on) {
		Button b = new Button(c, SWT.CHECK);
		b.setText(text);
		b.setSelection(on);
		b.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		return b;
	}

	/** @return the provider's helpers (null for a platform project) */
	public HelperBar helpers() {
		return helpers;
	}

	/** @return the clouds offered (null for a project with its own destination) */
	public ProviderChooser clouds() {
		return clouds;
	}

	/** @return what to send where: the project's hub and the chosen cloud, or nothing to choose for a direct project */
	public UploadRequest request() {
		long limit = TiepointPreferences.getInt(TiepointPreferences.RATE_LIMIT, 0) * 1024L;
		if (project.direct()) {
			return new UploadRequest(null, null, null, threads.getSelection(), limit, includeRejected.getSelection(),
					retryFailed.getSelection());
		}
		String cloud = clouds.selected().flatMap(StorageProviderDescriptor::platformBinding).map(PlatformBinding::cloud)
				.orElse(null);
		String b = bucket.isEnabled() && !bucket.getText().isBlank() ? bucket.getText().strip() : null;
		return new UploadRequest(project.hub() == null ? WorkspaceHubs.EMBEDDED : project.hub(), cloud, b,
				threads.getSelection(), limit, includeRejected.getSelection(), retryFailed.getSelection());
	}

	/** @return whether failed images are sent again */
	boolean retryFailed() {
		return retryFailed.getSelection();
	}

	/** @return whether rejected images are sent too */
	boolean includeRejected() {
		return includeRejected.getSelection();
	}

	/** @return the target, for the summary */
	String describe() {
		if (project.direct()) {
			return "Destination " + project.destination() + ".";
		}
		UploadRequest r = request();
		return "Cloud " + clouds.selected().map(StorageProviderDescriptor::name).orElse("?")
				+ (r.bucket() == null ? "" : ", bucket " + r.bucket()) + ".";
	}
}
