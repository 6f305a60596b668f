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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.Services;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.jobs.UploadRequest;
import io.tiepoint.ui.internal.providers.ProviderChooser;
import io.tiepoint.ui.internal.wizards.NewProjectWizard;
import io.tiepoint.ui.internal.wizards.ProjectDestinationPage;
import io.tiepoint.ui.internal.wizards.UploadWizard;

/**
 * The New Project and Upload wizards offer every installed storage provider, as the registry has them (the
 * product's and the one this test fragment contributes, which nothing outside the fragment names), by name with
 * its icon; a direct destination is checked as {@code tiepoint ingest --to} checks it.
 */
class ProviderWizardsTest {

	@TempDir
	Path tmp;

	private final StorageProviders providers = Services.get(StorageProviders.class);
	private Ui ui;
	private WorkbenchModel model;
	private WizardDialog dialog;

	@BeforeEach
	void open() throws Exception {
		ui = Ui.open();
		model = WorkbenchModel.open(tmp.resolve("ws"), ui.display);
	}

	@AfterEach
	void close() {
		if (dialog != null) {
			dialog.close();
		}
		model.close();
		ui.close();
	}

	private void show(IWizard wizard) {
		dialog = new WizardDialog(ui.shell, wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		ui.spin(200);
	}

	private List<StorageProviderDescriptor> all() {
		List<StorageProviderDescriptor> all = providers.descriptors();
		assertTrue(all.stream().anyMatch(d -> d.id().equals(TestStorageProvider.ID)), "the test fragment's provider is installed");
		return all;
	}

	/** Every row shows its provider's name, and its icon when the provider declares one. */
	private static void assertRowsShowNameAndIcon(ProviderChooser chooser) {
		TableItem[] items = chooser.viewer().getTable().getItems();
		List<StorageProviderDescriptor> offered = chooser.offered();
		assertEquals(offered.size(), items.length);
		for (int i = 0; i < items.length; i++) {
			StorageProviderDescriptor d = offered.get(i);
			assertEquals(d.name(), items[i].getText());
			assertEquals(d.iconUrl().isPresent(), items[i].getImage() != null, d.id() + "'s icon");
		}
	}

	private static Set<String> ids(List<StorageProviderDescriptor> l) {
		return l.stream().map(StorageProviderDescriptor::id).collect(Collectors.toSet());
	}

	@Test
	void newProjectOffersEveryProviderByNameWithItsIcon() throws Exception {
		List<StorageProviderDescriptor> all = all();
		NewProjectWizard wizard = new NewProjectWizard(model, providers);
		show(wizard);
		ProjectDestinationPage page = wizard.page();
		assertEquals(ids(all.stream().filter(d -> d.platformBinding().isPresent()).toList()), ids(page.clouds().offered()));
		assertEquals(ids(all.stream().filter(d -> !d.schemes().isEmpty()).toList()), ids(page.stores().offered()));
		Set<String> offered = new HashSet<>(ids(page.clouds().offered()));
		offered.addAll(ids(page.stores().offered()));
		assertEquals(ids(all), offered, "every installed provider is offered");
		assertRowsShowNameAndIcon(page.clouds());
		assertRowsShowNameAndIcon(page.stores());
		assertTrue(providers.descriptor(TestStorageProvider.ID).orElseThrow().iconUrl().isPresent(),
				"the fragment's icon is found");
		ui.screenshot(dialog.getShell(), "new-project");

		page.fill("own", "uitest://me:secret-pw@bucket/x", null);
		assertNotNull(page.getErrorMessage());
		assertTrue(page.getErrorMessage().contains("must not carry credentials"), page.getErrorMessage());
		assertFalse(page.getErrorMessage().contains("secret-pw"), page.getErrorMessage());
		assertFalse(page.isPageComplete());
		page.fill("own", "nosuch://bucket/x", null);
		assertTrue(page.getErrorMessage().contains("no installed storage provider takes nosuch://"), page.getErrorMessage());
		page.fill("own", "uitest://", null);
		assertNull(page.getErrorMessage());
		assertFalse(page.isPageComplete(), "a scheme alone is no destination");
		page.fill("own", "uitest://bucket/survey-1/", null);
		assertNull(page.getErrorMessage());
		assertTrue(page.isPageComplete());
		assertEquals(TestStorageProvider.ID, page.stores().selected().orElseThrow().id(), "the URI's scheme chooses the storage");
		assertTrue(wizard.performFinish());
		Project own = model.workspace().journal().project("own").orElseThrow();
		assertTrue(own.direct());
		assertEquals("uitest://bucket/survey-1", own.destination());
		assertNull(own.hub());
		assertEquals("own", model.currentProject());
	}

	@Test
	void newProjectOnAPlatformTakesTheCloudOfTheChosenProvider() throws Exception {
		String cloud = providers.descriptor(TestStorageProvider.ID).orElseThrow().platformBinding().orElseThrow().cloud();
		NewProjectWizard wizard = new NewProjectWizard(model, providers);
		show(wizard);
		wizard.page().fill("flight", null, TestStorageProvider.ID);
		assertTrue(wizard.page().isPageComplete(), String.valueOf(wizard.page().getErrorMessage()));
		assertTrue(wizard.performFinish());
		Project p = model.workspace().journal().project("flight").orElseThrow();
		assertFalse(p.direct());
		assertEquals("embedded", p.hub());
		assertEquals(cloud, p.cloud());
	}

	@Test
	void uploadOffersTheCloudOfEveryProviderThatServesOne() throws Exception {
		List<StorageProviderDescriptor> all = all();
		String cloud = providers.descriptor(TestStorageProvider.ID).orElseThrow().platformBinding().orElseThrow().cloud();
		model.workspace().journal().createProject("flight", "embedded", cloud);
		model.setCurrentProject("flight");
		UploadWizard wizard = new UploadWizard(model, false, providers);
		show(wizard);
		ProviderChooser clouds = wizard.targetPage().clouds();
		assertEquals(ids(all.stream().filter(d -> d.platformBinding().isPresent()).toList()), ids(clouds.offered()));
		assertRowsShowNameAndIcon(clouds);
		assertEquals(TestStorageProvider.ID, clouds.selected().orElseThrow().id(), "the project's cloud is chosen");
		UploadRequest r = wizard.targetPage().request();
		assertEquals(cloud, r.cloud());
		assertEquals("embedded", r.hub());
		ui.screenshot(dialog.getShell(), "upload");
	}

	@Test
	void uploadShowsADirectProjectsDestinationAndItsStorage() throws Exception {
		all();
		model.workspace().journal().createProject("own", null, null, "uitest://bucket/survey-1");
		model.setCurrentProject("own");
		UploadWizard wizard = new UploadWizard(model, false, providers);
		show(wizard);
		assertNull(wizard.targetPage().clouds(), "nothing to choose: the project keeps its destination");
		List<String> texts = labels(wizard.targetPage().getControl());
		String name = providers.descriptor(TestStorageProvider.ID).orElseThrow().name();
		assertTrue(texts.contains("uitest://bucket/survey-1"), texts.toString());
		assertTrue(texts.contains(name), texts.toString());
		assertTrue(wizard.targetPage().isPageComplete());
		UploadRequest r = wizard.targetPage().request();
		assertNull(r.hub());
		assertNull(r.cloud());
		ui.screenshot(dialog.getShell(), "upload-direct");
	}

	private static List<String> labels(Control c) {
		List<String> out = new java.util.ArrayList<>();
		if (c instanceof Label l) {
			out.add(l.getText());
		}
		if (c instanceof Composite comp) {
			for (Control child : comp.getChildren()) {
				out.addAll(labels(child));
			}
		}
		return out;
	}
}
