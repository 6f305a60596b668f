/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.Services;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.prefs.ProviderPreferences;
import io.tiepoint.ui.internal.prefs.SecretStore;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;
import io.tiepoint.ui.internal.providers.HelperBar;
import io.tiepoint.ui.internal.wizards.NewProjectWizard;
import io.tiepoint.ui.internal.wizards.ProjectDestinationPage;
import io.tiepoint.ui.internal.wizards.UploadWizard;

/**
 * A provider's helpers (the extension point {@code io.tiepoint.ui.providerHelpers}, here the test fragment's): their
 * buttons appear beside the destination when that provider is chosen in New Project and on a direct project's
 * Upload page; a helper keeps a secret through its context in secure storage, puts the destination it picked in the
 * field, and a failing one's reason is shown beside the button.
 */
class ProviderHelpersTest {

	@TempDir
	Path tmp;

	private final StorageProviders providers = Services.get(StorageProviders.class);
	private Ui ui;
	private WorkbenchModel model;
	private WizardDialog dialog;

	@BeforeEach
	void open() throws Exception {
		SecretStore.setDefault(SecretStore.open(tmp.resolve("secure_storage"), "test-master-password".toCharArray()));
		ui = Ui.open();
		model = WorkbenchModel.open(tmp.resolve("ws"), ui.display);
	}

	@AfterEach
	void close() throws Exception {
		if (dialog != null) {
			dialog.close();
		}
		SecretStore.setDefault(null);
		InstanceScope.INSTANCE.getNode(TiepointPreferences.NODE).node(ProviderPreferences.NODE).removeNode();
		model.close();
		ui.close();
	}

	private void show(IWizard wizard) {
		dialog = new WizardDialog(ui.shell, wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		ui.spin(200);
	}

	private static Button button(HelperBar bar, String label) {
		return bar.buttons().stream().filter(b -> b.getText().equals(label)).findFirst().orElseThrow(
				() -> new AssertionError("no button " + label + " in " + bar.buttons()));
	}

	@Test
	void newProjectShowsTheChosenProvidersHelpersAndTakesWhatTheyPick() throws Exception {
		NewProjectWizard wizard = new NewProjectWizard(model, providers);
		show(wizard);
		ProjectDestinationPage page = wizard.page();
		page.fill("own", "uitest://typed/so-far", null);
		HelperBar bar = page.helpers();
		assertEquals(List.of("Pick Store..."), bar.buttons().stream().map(Button::getText).toList());
		button(bar, "Pick Store...").notifyListeners(SWT.Selection, null);
		assertEquals(TestProviderHelper.PICKED, wizard.page().destination(), "the helper's destination is in the field");
		assertTrue(bar.status().contains("done"), bar.status());
		assertEquals(TestProviderHelper.TOKEN, SecretStore.getDefault().get("providers/" + TestStorageProvider.ID,
				TestStorageProvider.TOKEN), "the helper's secret is in secure storage");
		page.fill("own", "uitest://fail/here", null);
		button(page.helpers(), "Pick Store...").notifyListeners(SWT.Selection, null);
		assertTrue(page.helpers().status().contains("the test store refuses uitest://fail/here"), page.helpers().status());
		page.fill("own", "gridfs+http://127.0.0.1:1/x", null);
		assertTrue(page.helpers().buttons().isEmpty(), "another provider: no buttons");
	}

	@Test
	void aDirectProjectsUploadPageShowsItsProvidersHelpers() throws Exception {
		model.workspace().journal().createProject("own", null, null, "uitest://bucket/survey-1");
		model.setCurrentProject("own");
		UploadWizard wizard = new UploadWizard(model, false, providers);
		show(wizard);
		HelperBar bar = wizard.targetPage().helpers();
		button(bar, "Pick Store...").notifyListeners(SWT.Selection, null);
		assertTrue(bar.status().contains("done"), bar.status());
		assertEquals(TestProviderHelper.TOKEN, SecretStore.getDefault().get("providers/" + TestStorageProvider.ID,
				TestStorageProvider.TOKEN));
	}
}
