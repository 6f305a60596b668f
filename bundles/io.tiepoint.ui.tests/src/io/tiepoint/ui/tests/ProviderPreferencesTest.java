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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.core.runtime.spi.RegistryStrategy;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;

import io.tiepoint.core.Services;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.prefs.ProviderPages;
import io.tiepoint.ui.internal.prefs.ProviderPreferences;
import io.tiepoint.ui.internal.prefs.ProviderSettingsPage;
import io.tiepoint.ui.internal.prefs.SecretStore;
import io.tiepoint.ui.internal.prefs.StorageProvidersPreferencePage;
import io.tiepoint.ui.internal.prefs.TiepointPreferencePage;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;

/**
 * Preferences > Tiepoint > Storage Providers lists every installed provider and follows the registry; under it
 * each provider has a page, its own when its bundle contributes one, else one built from its declared settings,
 * whose secrets go to secure storage and nothing else.
 */
class ProviderPreferencesTest {

	private static final String SECRET = "tok-4f1c9e-not-for-files";

	@TempDir
	Path tmp;

	private final StorageProviders providers = Services.get(StorageProviders.class);
	private final Object token = new Object();
	private Ui ui;
	private PreferenceDialog dialog;
	private IExtensionRegistry privateRegistry;

	@BeforeEach
	void open() throws Exception {
		ui = Ui.open();
		SecretStore.setDefault(SecretStore.open(tmp.resolve("secure_storage"), "test-master-password".toCharArray()));
	}

	@AfterEach
	void close() throws Exception {
		if (dialog != null) {
			dialog.close();
		}
		if (privateRegistry != null) {
			privateRegistry.stop(token);
		}
		SecretStore.setDefault(null);
		Preferences node = InstanceScope.INSTANCE.getNode(TiepointPreferences.NODE).node(ProviderPreferences.NODE);
		node.removeNode();
		ui.close();
	}

	/** The workbench's tree: Tiepoint > Storage Providers (as plugin.xml declares them). */
	private PreferenceManager tree() {
		PreferenceManager pm = new PreferenceManager('/');
		TiepointPreferencePage top = new TiepointPreferencePage();
		top.setTitle("Tiepoint");
		PreferenceNode root = new PreferenceNode("io.tiepoint.ui.prefs", top);
		pm.addToRoot(root);
		StorageProvidersPreferencePage list = new StorageProvidersPreferencePage(providers);
		list.setTitle("Storage Providers");
		root.add(new PreferenceNode(ProviderPages.STORAGE_PROVIDERS, list));
		return pm;
	}

	private void show(PreferenceManager pm, String pageId) {
		dialog = new PreferenceDialog(ui.shell, pm);
		dialog.setSelectedNode(pageId);
		dialog.setBlockOnOpen(false);
		dialog.open();
		ui.spin(200);
	}

	@Test
	void everyProviderHasAPageBuiltFromItsSettingsAndSecretsGoToSecureStorage() throws Exception {
		PreferenceManager pm = tree();
		List<ProviderPages.GeneratedNode> nodes = ProviderPages.sync(pm, providers, Platform.getExtensionRegistry());
		IPreferenceNode parent = ProviderPages.find(pm.getRootSubNodes(), ProviderPages.STORAGE_PROVIDERS);
		for (StorageProviderDescriptor d : providers.descriptors()) {
			IPreferenceNode n = parent.findSubNode(ProviderPages.pageId(d.id()));
			assertNotNull(n, d.id() + " has a page under Storage Providers");
			assertEquals(d.name(), n.getLabelText());
			assertEquals(d.iconUrl().isPresent(), n.getLabelImage() != null, d.id() + "'s icon");
		}
		assertEquals(providers.descriptors().stream().filter(d -> !ProviderPages.contributed(Platform.getExtensionRegistry(),
				d.id())).count(), nodes.size(), "a page is generated for each provider without one of its own");
		assertEquals(nodes.size(), ProviderPages.sync(pm, providers, Platform.getExtensionRegistry()).size(),
				"a second sync adds nothing");
		assertEquals(nodes.size(), parent.getSubNodes().length);

		StorageProviderDescriptor d = providers.descriptor(TestStorageProvider.ID).orElseThrow();
		show(pm, ProviderPages.pageId(d.id()));
		ProviderSettingsPage page = (ProviderSettingsPage) parent.findSubNode(ProviderPages.pageId(d.id())).getPage();
		assertNotNull(page, "the page was shown");
		Map<String, Text> fields = page.fields();
		assertEquals(d.settings().stream().map(ProviderSetting::key).toList(), List.copyOf(fields.keySet()));
		for (ProviderSetting s : d.settings()) {
			assertEquals(s.secret(), (fields.get(s.key()).getStyle() & SWT.PASSWORD) != 0, s.key() + " masked");
		}
		fields.get("uitest.endpoint").setText("http://store.example:9000");
		fields.get(TestStorageProvider.TOKEN).setText(SECRET);
		ui.screenshot(dialog.getShell(), "provider-settings");
		assertTrue(page.performOk(), String.valueOf(page.getErrorMessage()));

		SecretStore secrets = SecretStore.getDefault();
		assertEquals(SECRET, secrets.get("providers/" + d.id(), TestStorageProvider.TOKEN));
		assertTrue(secrets.isEncrypted("providers/" + d.id(), TestStorageProvider.TOKEN));
		assertFalse(Files.readString(tmp.resolve("secure_storage")).contains(SECRET), "encrypted on disk");
		Preferences plain = InstanceScope.INSTANCE.getNode(TiepointPreferences.NODE);
		assertEquals("http://store.example:9000",
				plain.node(ProviderPreferences.NODE).node(d.id()).get("uitest.endpoint", null));
		assertFalse(values(plain).stream().anyMatch(v -> v.contains(SECRET)), "the secret is in no preference");
		assertEquals("", fields.get(TestStorageProvider.TOKEN).getText(), "a stored secret is not shown");
		assertTrue(fields.get(TestStorageProvider.TOKEN).getMessage().contains("stored in secure storage"));

		// what an operation gets: the stored values, else the workspace's
		TiepointConfig config = TiepointConfig.load(Map.of(), null, null,
				Map.of("TIEPOINT_UITEST_ENDPOINT", "http://from-env", "TIEPOINT_OTHER_KEY", "x"), Map.of());
		var settings = ProviderPreferences.workbench().settings(d, config);
		assertEquals(SECRET, settings.get(TestStorageProvider.TOKEN).orElseThrow());
		assertEquals("http://store.example:9000", settings.get("uitest.endpoint").orElseThrow(), "the preference first");
		assertEquals("x", settings.get("other.key").orElseThrow(), "undeclared keys from the workspace");
		fields.get("uitest.endpoint").setText("");
		assertTrue(page.performOk());
		assertEquals("http://from-env", ProviderPreferences.workbench().settings(d, config).get("uitest.endpoint").orElseThrow(),
				"an empty field lets the workspace decide");

		page.performDefaults(); // Restore Defaults removes the secret when applied
		assertTrue(page.performOk());
		assertNull(secrets.get("providers/" + d.id(), TestStorageProvider.TOKEN));
	}

	private static List<String> values(Preferences node) throws Exception {
		List<String> out = new ArrayList<>();
		for (String k : node.keys()) {
			out.add(node.get(k, ""));
		}
		for (String child : node.childrenNames()) {
			out.addAll(values(node.node(child)));
		}
		return out;
	}

	@Test
	void aPageContributedWithTheProvidersPageIdReplacesTheGeneratedOne() throws Exception {
		privateRegistry = RegistryFactory.createRegistry(new RegistryStrategy(null, null), token, null);
		contribute("org.eclipse.ui", """
				<plugin><extension-point id="preferencePages" name="Preference pages"/></plugin>""");
		contribute("io.tiepoint.storage.example.ui", """
				<plugin><extension point="org.eclipse.ui.preferencePages">
				  <page id="%s" name="Own page" category="%s" class="com.example.OwnPage"/>
				</extension></plugin>""".formatted(ProviderPages.pageId(TestStorageProvider.ID), ProviderPages.STORAGE_PROVIDERS));
		assertTrue(ProviderPages.contributed(privateRegistry, TestStorageProvider.ID));
		PreferenceManager pm = tree();
		List<ProviderPages.GeneratedNode> nodes = ProviderPages.sync(pm, providers, privateRegistry);
		Set<String> generated = nodes.stream().map(n -> n.provider().id()).collect(Collectors.toSet());
		assertFalse(generated.contains(TestStorageProvider.ID), "its own page is the provider's page");
		assertEquals(providers.descriptors().size() - 1, generated.size(), "the others' are generated");
	}

	@Test
	void storageProvidersPageListsEveryProviderAndOneInstalledWhileItIsOpen() throws Exception {
		PreferenceManager pm = tree();
		StorageProvidersPreferencePage installed = new StorageProvidersPreferencePage(providers);
		pm.addToRoot(new PreferenceNode("installed", installed));
		show(pm, "installed");
		List<StorageProviderDescriptor> all = providers.descriptors();
		assertEquals(all.size(), installed.viewer().getTable().getItemCount());
		for (int i = 0; i < all.size(); i++) {
			var item = installed.viewer().getTable().getItem(i);
			StorageProviderDescriptor d = all.get(i);
			assertEquals(d.name(), item.getText(0));
			assertEquals(d.iconUrl().isPresent(), item.getImage(0) != null, d.id() + "'s icon");
			assertEquals(String.join(", ", d.schemes().stream().map(s -> s + "://").toList()), item.getText(1));
			assertEquals(d.platformBinding().map(b -> b.cloud()).orElse(""), item.getText(2));
		}
		installed.viewer().setSelection(new StructuredSelection(providers.descriptor(TestStorageProvider.ID).orElseThrow()));
		assertTrue(installed.details().contains("Settings: Endpoint, Token (secret) (required)"), installed.details());
		ui.screenshot(dialog.getShell(), "storage-providers");
		dialog.close();

		// a provider installed at run time (a p2 install) appears in the open page
		privateRegistry = RegistryFactory.createRegistry(new RegistryStrategy(null, null), token, null);
		contribute("io.tiepoint.core", """
				<plugin><extension-point id="storageProviders" name="Storage providers"/></plugin>""");
		contribute("io.tiepoint.storage.alpha", provider("alpha", "Alpha store"));
		List<IStatus> log = new ArrayList<>();
		StorageProviders own = new StorageProviders(privateRegistry, log::add);
		try {
			StorageProvidersPreferencePage page = new StorageProvidersPreferencePage(own);
			PreferenceManager pm2 = new PreferenceManager('/');
			pm2.addToRoot(new PreferenceNode("own", page));
			show(pm2, "own");
			assertEquals(1, page.viewer().getTable().getItemCount());
			contribute("io.tiepoint.storage.beta", provider("beta", "Beta store"));
			ui.spinUntil(() -> page.viewer().getTable().getItemCount() == 2, 5_000, "the new provider in the list");
			assertEquals("Beta store", page.viewer().getTable().getItem(1).getText(0));
			assertEquals("beta://", page.viewer().getTable().getItem(1).getText(1));
			assertEquals("put, checksum", page.viewer().getTable().getItem(1).getText(3));
			assertTrue(log.isEmpty(), log.toString());
		} finally {
			own.dispose();
		}
	}

	private static String provider(String id, String name) {
		return """
				<plugin><extension point="io.tiepoint.core.storageProviders">
				  <provider id="%1$s" name="%2$s" class="com.example.%1$s.Provider" description="%2$s, installed later">
				    <scheme name="%1$s"/><capability id="checksum"/><capability id="put"/>
				    <setting key="%1$s.key" label="Key" secret="true"/>
				  </provider>
				</extension></plugin>""".formatted(id, name);
	}

	private void contribute(String contributor, String xml) {
		assertTrue(privateRegistry.addContribution(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
				ContributorFactorySimple.createContributor(contributor), false, contributor, null, token));
	}
}
