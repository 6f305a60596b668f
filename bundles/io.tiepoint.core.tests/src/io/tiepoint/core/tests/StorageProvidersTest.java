/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;

/**
 * The one reader of {@code io.tiepoint.core.storageProviders} on a registry of the test's own: descriptors
 * without loading code, classes created when first asked for, bad contributions logged and skipped, and a
 * provider installed or removed while the reader runs.
 */
class StorageProvidersTest {

	/** Counts its instances: the reader must not create it to list it. */
	public static final class CountingProvider implements StorageProvider {
		static final AtomicInteger CREATED = new AtomicInteger();

		/** Counted. */
		public CountingProvider() {
			CREATED.incrementAndGet();
		}

		@Override
		public StorageSession open(StorageTarget target) throws StorageException {
			throw new StorageException(StorageException.Kind.PERMANENT, "not for sending");
		}
	}

	private final Object master = new Object();
	private IExtensionRegistry registry;
	private final List<IStatus> logged = new ArrayList<>();
	private IContributor contributor;

	@BeforeEach
	void registry() {
		// the OSGi strategy: classes are loaded from the contributing bundles, as in the product
		registry = RegistryFactory.createRegistry(RegistryFactory.createOSGiStrategy(null, null, master), master, null);
		// the extension point itself, as io.tiepoint.core declares it
		contributor = ContributorFactoryOSGi.createContributor(Platform.getBundle("io.tiepoint.core"));
		add("<plugin><extension-point id=\"storageProviders\" name=\"Storage providers\"/></plugin>", "point");
		CountingProvider.CREATED.set(0);
	}

	@AfterEach
	void stop() {
		registry.stop(master);
	}

	private void add(String xml, String name) {
		assertTrue(registry.addContribution(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), contributor,
				false, name, null, master), "contribution " + name + " accepted by the registry");
	}

	private static String provider(String id, String body) {
		return "<plugin><extension point=\"io.tiepoint.core.storageProviders\"><provider id=\"" + id + "\" name=\"Counting "
				+ id + "\" class=\"" + CountingProvider.class.getName() + "\">" + body + "</provider></extension></plugin>";
	}

	@Test
	void listsWithoutLoadingCreatesOnFirstUseAndFollowsTheRegistry() throws Exception {
		add(provider("counting", "<scheme name=\"count\"/><capability id=\"put\"/><capability id=\"checksum\"/>"
				+ "<setting key=\"count.token\" label=\"Token\" secret=\"true\" required=\"true\"/>"), "counting");
		StorageProviders providers = new StorageProviders(registry, logged::add);
		AtomicInteger changes = new AtomicInteger();
		providers.addChangeListener(changes::incrementAndGet);
		StorageProviderDescriptor d = providers.descriptor("counting").orElseThrow();
		assertEquals(Set.of(Capability.PUT, Capability.CHECKSUM), d.capabilities());
		assertTrue(d.setting("count.token").orElseThrow().secret());
		assertEquals("TIEPOINT_COUNT_TOKEN", d.setting("count.token").orElseThrow().environmentVariable());
		assertEquals(d, providers.forDestination(URI.create("COUNT://here/there")).orElseThrow());
		assertEquals(0, CountingProvider.CREATED.get(), "listing created the provider");
		StorageProvider p = providers.provider("counting");
		assertSame(p, providers.provider("counting"));
		assertEquals(1, CountingProvider.CREATED.get());

		// installed while the reader runs (a bundle from a p2 repository): the registry tells the reader
		add(provider("late", "<scheme name=\"late\"/>"), "late");
		waitFor(() -> providers.descriptor("late").isPresent(), "the provider installed later is listed");
		waitFor(() -> changes.get() > 0, "listeners told");
		// uninstalled: gone
		for (IExtension x : registry.getExtensionPoint(StorageProviders.EXTENSION_POINT).getExtensions()) {
			if (x.getConfigurationElements()[0].getAttribute("id").equals("late")) {
				assertTrue(registry.removeExtension(x, master));
			}
		}
		waitFor(() -> providers.descriptor("late").isEmpty(), "the removed provider is gone");
		StorageException e = assertThrows(StorageException.class, () -> providers.provider("late"));
		String installed = e.getMessage().substring(e.getMessage().indexOf("(installed: "));
		assertTrue(installed.contains("counting") && !installed.contains("late"), e.getMessage());
		assertTrue(logged.isEmpty(), logged.toString());
		providers.dispose();
	}

	/** Registry events are delivered on the registry's own thread. */
	private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!condition.getAsBoolean()) {
			assertTrue(System.currentTimeMillis() < deadline, what + " (within 10 s)");
			Thread.sleep(20);
		}
	}

	@Test
	void badContributionsAreLoggedAndSkipped() {
		add(provider("good", "<scheme name=\"good\"/>"), "good");
		add(provider("Bad Id", "<scheme name=\"bad\"/>"), "bad-id");
		add(provider("nothing", ""), "no-scheme-no-platform");
		add(provider("badcap", "<scheme name=\"x\"/><capability id=\"teleport\"/>"), "bad-capability");
		add(provider("good", "<scheme name=\"twice\"/>"), "duplicate");
		add("<plugin><extension point=\"io.tiepoint.core.storageProviders\"><provider id=\"noclass\" name=\"n\">"
				+ "<scheme name=\"n\"/></provider></extension></plugin>", "no-class");
		StorageProviders providers = new StorageProviders(registry, logged::add);
		// (the OSGi strategy reads the installed bundles too: the test fixtures' memory provider is there, by its bundle)
		assertEquals(List.of("good"), providers.descriptors().stream().filter(d -> d.contributor().equals("io.tiepoint.core"))
				.map(StorageProviderDescriptor::id).toList());
		assertEquals(List.of("good"), providers.forDestination(URI.create("good://x")).stream()
				.map(StorageProviderDescriptor::id).toList());
		assertEquals(5, logged.size(), logged.toString());
		assertTrue(logged.stream().anyMatch(s -> s.getMessage().contains("teleport")), logged.toString());
		assertTrue(logged.stream().anyMatch(s -> s.getMessage().contains("contributes the same id")), logged.toString());
		providers.dispose();
	}
}
