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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.spi.RegistryStrategy;
import org.junit.jupiter.api.Test;

import io.tiepoint.hub.internal.cloud.CloudContext;
import io.tiepoint.hub.internal.cloud.CloudRegistry;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.graphql.SchemaFactory;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubCloudContext;
import io.tiepoint.hub.spi.HubCloudFactory;

/**
 * The cloud registry reads {@code io.tiepoint.hub.clouds} from a real (non-OSGi) extension registry: the
 * hub's own first, no class loaded before start, bad contributions and misbehaving clouds skipped (and closed).
 */
class CloudRegistryTest {

	static final AtomicInteger CREATED = new AtomicInteger();
	static final List<MemoryCloud> MADE = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static Optional<HubCloud> made(String id, String mutation) {
		CREATED.incrementAndGet();
		MemoryCloud c = new MemoryCloud(id, mutation, "b-" + id, false);
		MADE.add(c);
		return Optional.of(c);
	}

	/** A factory whose cloud answers an id (null: the contribution's) and serves a mutation. */
	abstract static class Making implements HubCloudFactory {
		private final String id;
		private final String mutation;

		Making(String id, String mutation) {
			this.id = id;
			this.mutation = mutation;
		}

		@Override
		public Optional<HubCloud> create(HubCloudContext context) {
			return made(id != null ? id : context.id(), mutation);
		}
	}

	/** A good cloud. */
	public static final class Good extends Making {
		/** Extension constructor. */
		public Good() {
			super(null, "uploadImageMinio");
		}
	}

	/** Its cloud answers another id. */
	public static final class WrongId extends Making {
		/** Extension constructor. */
		public WrongId() {
			super("other", "uploadImageOSS");
		}
	}

	/** Its cloud claims a mutation that is no upload. */
	public static final class NotUpload extends Making {
		/** Extension constructor. */
		public NotUpload() {
			super(null, "createProject");
		}
	}

	/** Its cloud claims uploadImageURL, whose answer has no image field beside the cloud's. */
	public static final class NoPayload extends Making {
		/** Extension constructor. */
		public NoPayload() {
			super(null, "uploadImageURL");
		}
	}

	/** Not configured. */
	public static final class Declines implements HubCloudFactory {
		@Override
		public Optional<HubCloud> create(HubCloudContext context) {
			CREATED.incrementAndGet();
			return Optional.empty();
		}
	}

	/** A bug. */
	public static final class Throws implements HubCloudFactory {
		@Override
		public Optional<HubCloud> create(HubCloudContext context) {
			CREATED.incrementAndGet();
			throw new IllegalStateException("bug");
		}
	}

	/** Configured but unusable. */
	public static final class Unreachable implements HubCloudFactory {
		@Override
		public Optional<HubCloud> create(HubCloudContext context) throws IOException {
			CREATED.incrementAndGet();
			throw new IOException("unreachable");
		}
	}

	/** Not a factory. */
	public static final class NotAFactory {
	}

	private static Clouds start(CloudRegistry registry) throws IOException {
		return registry.start(id -> new CloudContext(id, Map.of(), () -> null, Map.of()),
				SchemaFactory.uploadMutations().servable());
	}

	@Test
	void theServableMutationsAreTheSchemasUploadPayloads() {
		assertEquals(Set.of("uploadImageS3", "uploadImageOSS", "uploadImageMinio", "uploadImageGridFS"),
				SchemaFactory.uploadMutations().servable());
		assertTrue(SchemaFactory.uploadMutations().all().contains("uploadImageURL"));
	}

	@Test
	void readsOnceCreatesAtStartAndSkipsBadContributions() throws IOException {
		try (TestRegistry test = new TestRegistry()) {
			test.add("io.tiepoint.hub.tests", """
					<extension point="io.tiepoint.hub.clouds">
					  <cloud id="good" name="Good" class="%1$s$Good"/>
					  <cloud id="no-class" name="No class"/>
					  <cloud id="wrong-class" name="Wrong" class="%1$s$NotAFactory"/>
					  <cloud id="absent-class" name="Absent" class="io.tiepoint.nowhere.Factory"/>
					  <cloud id="declines" name="Declines" class="%1$s$Declines"/>
					  <cloud id="wrong-id" name="Wrong id" class="%1$s$WrongId"/>
					  <cloud id="not-upload" name="Not upload" class="%1$s$NotUpload"/>
					  <cloud id="no-payload" name="No payload" class="%1$s$NoPayload"/>
					  <cloud id="same-mutation" name="Same mutation" class="%1$s$Good"/>
					  <cloud id="throws" name="Throws" class="%1$s$Throws"/>
					</extension>
					""", CloudRegistryTest.class);
			test.add("org.example.other", """
					<extension point="io.tiepoint.hub.clouds">
					  <cloud id="good" name="Good again" class="%1$s$Good"/>
					</extension>
					""", CloudRegistryTest.class);
			int before = CREATED.get();
			MADE.clear();
			CloudRegistry registry = new CloudRegistry(test.registry());
			List<String> ids = registry.ids();
			assertEquals(List.of("good", "wrong-class", "absent-class", "declines", "wrong-id", "not-upload", "no-payload",
					"same-mutation", "throws"), ids.subList(ids.size() - 9, ids.size()), ids::toString);
			if (ids.size() > 9) {
				assertEquals(List.of("s3", "gridfs"), ids.subList(0, 2), "the hub's own first");
			}
			assertEquals(before, CREATED.get(), "no class created before start");

			try (Clouds clouds = start(registry)) {
				// s3 declines without settings, gridfs without the hub's database
				assertEquals(List.of("good"), clouds.ids());
				assertEquals("uploadImageMinio", clouds.serving("uploadImageMinio").orElseThrow().mutation());
				assertTrue(clouds.serving("uploadImageOSS").isEmpty());
				assertEquals(before + 7, CREATED.get());
				assertEquals(5, MADE.size());
				assertEquals(List.of(0, 1, 1, 1, 1), MADE.stream().map(c -> c.closed.get()).toList(),
						"the skipped clouds are closed at once");
			}
			assertEquals(1, MADE.get(0).closed.get(), "the served one with the hub");
		}
	}

	@Test
	void aConfiguredCloudThatCannotBeUsedStopsTheStart() throws IOException {
		try (TestRegistry test = new TestRegistry()) {
			test.add("org.example.other", """
					<extension point="io.tiepoint.hub.clouds">
					  <cloud id="good" name="Good" class="%1$s$Good"/>
					  <cloud id="unreachable" name="Unreachable" class="%1$s$Unreachable"/>
					</extension>
					""", CloudRegistryTest.class);
			MADE.clear();
			IOException e = assertThrows(IOException.class, () -> start(new CloudRegistry(test.registry())));
			assertEquals("unreachable", e.getMessage());
			assertEquals(1, MADE.get(0).closed.get(), "what was started is closed");
		}
	}

	@Test
	void withoutTheExtensionPointTheHubsOwnFactoriesAreUsed() {
		assertEquals(List.of("s3", "gridfs"), new CloudRegistry(null).ids(), "outside OSGi");
		Object master = new Object();
		IExtensionRegistry bare = RegistryFactory.createRegistry(new RegistryStrategy(null, null), master, null);
		try {
			assertEquals(List.of("s3", "gridfs"), new CloudRegistry(bare).ids(), "a registry made for engines only");
		} finally {
			bare.stop(master);
		}
	}
}
