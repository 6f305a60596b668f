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

import java.io.IOException;
import java.util.Set;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.junit.jupiter.api.Test;

import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.internal.tasks.EngineRegistry;

/**
 * The engine registry reads {@code io.tiepoint.hub.reconstructionEngines} from a real (non-OSGi)
 * extension registry: lazily, caching, skipping bad contributions.
 */
class EngineRegistryTest {

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
		try (TestRegistry test = new TestRegistry()) {
			test.add("io.tiepoint.hub.tests", """
					  <extension point="io.tiepoint.hub.reconstructionEngines">
					    <engine id="missing-types" name="No types" class="%1$s$CountingEngine"/>
					    <engine id="wrong-class" name="Wrong" class="%1$s$NotAnEngine" taskTypes="Reconstruction"/>
					    <engine id="absent-class" name="Absent" class="io.tiepoint.nowhere.Engine" taskTypes="Reconstruction"/>
					    <engine id="counting" name="Counting" class="%1$s$CountingEngine" taskTypes="Reconstruction, Dense"/>
					  </extension>
					""", EngineRegistryTest.class);
			IExtensionRegistry registry = test.registry();

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
		}
		assertTrue(new EngineRegistry(null).find("Reconstruction").isEmpty());
	}
}
