/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.spi.RegistryStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tiepoint.exif.Check;
import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageCheck;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.SetCheck;
import io.tiepoint.exif.internal.CheckRegistry;

/**
 * The extension point, on a plain-Java extension registry fed with the bundle's real plugin.xml
 * plus test contributions: good ones are created lazily and once, bad ones are logged and skipped.
 */
class CheckRegistryTest {

	static final AtomicInteger CREATED = new AtomicInteger();
	private final Object token = new Object();
	private IExtensionRegistry registry;

	/** A contributed per-image check. */
	public static final class HourCheck implements ImageCheck {
		/** Counts instances. */
		public HourCheck() {
			CREATED.incrementAndGet();
		}

		@Override
		public String id() {
			return "test.hour";
		}

		@Override
		public void check(ImageRecord image, CheckConfig config, Consumer<Finding> out) {
			out.accept(Finding.of("test-hour", Finding.Severity.INFO, image.path(), "seen"));
		}
	}

	/** A contributed set check. */
	public static final class CountCheck implements SetCheck {
		@Override
		public String id() {
			return "test.count";
		}

		@Override
		public void check(List<ImageRecord> images, CheckConfig config, Consumer<Finding> out) {
			// nothing
		}
	}

	/** Not a check at all. */
	public static final class NotACheck {
	}

	@BeforeEach
	void setUp() throws IOException {
		CREATED.set(0);
		registry = RegistryFactory.createRegistry(new TestClassesStrategy(), token, null);
		Path pluginXml = Path.of("../io.tiepoint.exif/plugin.xml");
		if (!Files.isRegularFile(pluginXml)) {
			pluginXml = Path.of("bundles/io.tiepoint.exif/plugin.xml");
		}
		try (InputStream in = Files.newInputStream(pluginXml)) {
			registry.addContribution(in, ContributorFactorySimple.createContributor("io.tiepoint.exif"), false,
					"io.tiepoint.exif", null, token);
		}
		String p = CheckRegistryTest.class.getName();
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<plugin>
				  <extension point="io.tiepoint.exif.checks">
				    <check id="good" name="Good" class="%1$s$HourCheck"/>
				    <check id="set" name="Set" class="%1$s$CountCheck"/>
				    <check id="missing" name="Missing" class="com.example.DoesNotExist"/>
				    <check id="wrong" name="Wrong" class="%1$s$NotACheck"/>
				    <check name="No id" class="%1$s$HourCheck"/>
				  </extension>
				</plugin>
				""".formatted(p);
		registry.addContribution(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
				ContributorFactorySimple.createContributor("io.tiepoint.exif.tests"), false, "tests", null, token);
	}

	@AfterEach
	void tearDown() {
		registry.stop(token);
	}

	@Test
	void goodContributionsAreCreatedLazilyOnceAndBadOnesLoggedAndSkipped() {
		List<IStatus> log = new ArrayList<>();
		CheckRegistry checks = new CheckRegistry(registry, log::add);
		assertEquals(0, CREATED.get(), "nothing created before first use");
		List<Check> first = checks.checks();
		assertEquals(List.of("test.hour", "test.count"), first.stream().map(Check::id).toList());
		assertEquals(1, checks.imageChecks().size());
		assertEquals(1, checks.setChecks().size());
		assertSame(first.get(0), checks.checks().get(0), "instances are cached");
		assertEquals(1, CREATED.get());
		assertEquals(3, log.size(), log.toString()); // malformed (no id), class missing, wrong type
		assertTrue(log.stream().allMatch(s -> s.getSeverity() == IStatus.ERROR));
		assertTrue(log.stream().anyMatch(s -> s.getMessage().contains("'missing'")), log.toString());
		assertTrue(log.stream().anyMatch(s -> s.getMessage().contains("does not implement")), log.toString());
		checks.checks();
		assertEquals(3, log.size(), "failures are logged once");
	}

	@Test
	void runUsesContributedChecks(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Files.write(dir.resolve("a.jpg"), Images.sharpJpeg(5, 320, 240));
		io.tiepoint.exif.InspectionResult r = new io.tiepoint.exif.InspectionRun(CheckConfig.defaults(), 1, registry)
				.run(List.of(dir), null);
		assertTrue(r.records().get(0).has("test-hour"), r.records().get(0).findings().toString());
	}

	@Test
	void noRegistryMeansNoContributions() {
		assertEquals(List.of(), new CheckRegistry(null, s -> {
			throw new AssertionError("nothing to log");
		}).checks());
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
		public Object createExecutableExtension(org.eclipse.core.runtime.spi.RegistryContributor contributor,
				String className, String overriddenContributorName) throws org.eclipse.core.runtime.CoreException {
			try {
				return Class.forName(className, true, CheckRegistryTest.class.getClassLoader()).getDeclaredConstructor()
						.newInstance();
			} catch (ReflectiveOperationException | LinkageError e) {
				throw new org.eclipse.core.runtime.CoreException(
						org.eclipse.core.runtime.Status.error("cannot create " + className, e));
			}
		}
	}
}
