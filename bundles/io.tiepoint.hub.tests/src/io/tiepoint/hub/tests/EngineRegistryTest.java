/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.spi.RegistryContributor;
import org.eclipse.core.runtime.spi.RegistryStrategy;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.internal.tasks.EngineRegistry;

/**
 * The engine registry reads {@code io.tiepoint.hub.reconstructionEngines} from a real (non-OSGi)
 * extension registry: lazily, caching, skipping bad contributions.
 */
class EngineRegistryTest {

	private static final Object MASTER = new Object();
	private static final Object USER = new Object();

	/** Counts instances, to show that classes are created only when needed. */
	public static final class CountingEngine extends ManifestEngine {
		static final java.util.concurrent.atomic.AtomicInteger CREATED = new java.util.concurrent.atomic.AtomicInteger();

		/** Extension constructor. */
		public CountingEngine() {
			super("counting", null);
			CREATED.incrementAndGet();
		}
	}

	/** A contribution whose class is not an engine. */
	public static final class NotAnEngine {
	}

	@Test
	void readsContributionsLazilyAndSkipsBadOnes() throws IOException {
		IExtensionRegistry registry = RegistryFactory.createRegistry(new TestClassesStrategy(), MASTER, USER);
		try {
			Path pluginXml = Path.of(System.getProperty("tiepoint.hub.bundle", "../io.tiepoint.hub"), "plugin.xml");
			try (InputStream in = Files.isRegularFile(pluginXml) ? Files.newInputStream(pluginXml) : hubPluginXml()) {
				registry.addContribution(in, ContributorFactorySimple.createContributor("io.tiepoint.hub"), false, "io.tiepoint.hub",
						null, MASTER);
			}
			String contribution = """
					<?xml version="1.0" encoding="UTF-8"?>
					<plugin>
					  <extension point="io.tiepoint.hub.reconstructionEngines">
					    <engine id="missing-types" name="No types" class="%1$s$CountingEngine"/>
					    <engine id="wrong-class" name="Wrong" class="%1$s$NotAnEngine" taskTypes="Reconstruction"/>
					    <engine id="absent-class" name="Absent" class="io.tiepoint.nowhere.Engine" taskTypes="Reconstruction"/>
					    <engine id="counting" name="Counting" class="%1$s$CountingEngine" taskTypes="Reconstruction, Dense"/>
					  </extension>
					</plugin>
					""".formatted(EngineRegistryTest.class.getName());
			registry.addContribution(new ByteArrayInputStream(contribution.getBytes(StandardCharsets.UTF_8)),
					ContributorFactorySimple.createContributor("io.tiepoint.hub.tests"), false, "tests", null, MASTER);

			int before = CountingEngine.CREATED.get();
			EngineRegistry engines = new EngineRegistry(registry);
			assertEquals(before, CountingEngine.CREATED.get(), "nothing created before use");
			assertTrue(engines.find("Mesh").isEmpty());
			assertEquals(before, CountingEngine.CREATED.get(), "no class of a non-matching type is created");
			ReconstructionEngine e = engines.find("Reconstruction").orElseThrow();
			assertTrue(e instanceof CountingEngine);
			assertSame(e, engines.find("Dense").orElseThrow(), "cached");
			assertEquals(before + 1, CountingEngine.CREATED.get());

			ReconstructionEngine direct = new ReconstructionEngine() {
				@Override
				public String id() {
					return "direct";
				}

				@Override
				public Set<String> taskTypes() {
					return Set.of("Reconstruction");
				}

				@Override
				public void reconstruct(TaskContext context) {
					// nothing
				}
			};
			engines.register(direct);
			assertSame(direct, engines.find("Reconstruction").orElseThrow(), "registered engines come first");
		} finally {
			registry.stop(MASTER);
		}
		assertTrue(new EngineRegistry(null).find("Reconstruction").isEmpty());
	}

	/**
	 * Creates contributed classes with this test's class loader: the default strategy of a private
	 * registry uses Class.forName from the registry bundle, which under OSGi cannot see test classes.
	 */
	private static final class TestClassesStrategy extends RegistryStrategy {
		TestClassesStrategy() {
			super(null, null);
		}

		@Override
		public Object createExecutableExtension(RegistryContributor contributor, String className,
				String overriddenContributorName) throws CoreException {
			try {
				return Class.forName(className, true, EngineRegistryTest.class.getClassLoader()).getDeclaredConstructor()
						.newInstance();
			} catch (ReflectiveOperationException | LinkageError e) {
				throw new CoreException(Status.error("cannot create " + className, e));
			}
		}
	}

	private static InputStream hubPluginXml() {
		return new ByteArrayInputStream("""
				<?xml version="1.0" encoding="UTF-8"?>
				<plugin><extension-point id="reconstructionEngines" name="Reconstruction Engines"/></plugin>
				""".getBytes(StandardCharsets.UTF_8));
	}
}
