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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.spi.RegistryContributor;
import org.eclipse.core.runtime.spi.RegistryStrategy;

/**
 * A private (non-OSGi) extension registry holding the hub's {@code plugin.xml} and a test's contributions,
 * whose classes it creates with this fragment's class loader.
 */
final class TestRegistry implements AutoCloseable {

	private final Object master = new Object();
	private final IExtensionRegistry registry = RegistryFactory.createRegistry(new TestClassesStrategy(), master, new Object());

	/** @throws IOException when the hub's plugin.xml cannot be read */
	TestRegistry() throws IOException {
		Path pluginXml = Path.of(System.getProperty("tiepoint.hub.bundle", "../io.tiepoint.hub"), "plugin.xml");
		try (InputStream in = Files.isRegularFile(pluginXml) ? Files.newInputStream(pluginXml) : hubPluginXml()) {
			registry.addContribution(in, ContributorFactorySimple.createContributor("io.tiepoint.hub"), false,
					"io.tiepoint.hub", null, master);
		}
	}

	/** @return the registry */
	IExtensionRegistry registry() {
		return registry;
	}

	/**
	 * @param contributor the contributing bundle's name
	 * @param extensions  the {@code <extension>} elements; {@code %1$s} stands for {@code testClass}'s name
	 * @param testClass   the class whose nested classes are contributed
	 */
	void add(String contributor, String extensions, Class<?> testClass) {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><plugin>" + extensions.formatted(testClass.getName())
				+ "</plugin>";
		registry.addContribution(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
				ContributorFactorySimple.createContributor(contributor), false, contributor, null, master);
	}

	@Override
	public void close() {
		registry.stop(master);
	}

	/**
	 * Creates contributed classes with this fragment's class loader: the default strategy of a private registry
	 * uses Class.forName from the registry bundle, which under OSGi cannot see test classes.
	 */
	private static final class TestClassesStrategy extends RegistryStrategy {
		TestClassesStrategy() {
			super(null, null);
		}

		@Override
		public Object createExecutableExtension(RegistryContributor contributor, String className,
				String overriddenContributorName) throws CoreException {
			try {
				return Class.forName(className, true, TestRegistry.class.getClassLoader()).getDeclaredConstructor()
						.newInstance();
			} catch (ReflectiveOperationException | LinkageError e) {
				throw new CoreException(Status.error("cannot create " + className, e));
			}
		}
	}

	/** The hub's extension points, when its plugin.xml is not beside this fragment. */
	private static InputStream hubPluginXml() {
		return new ByteArrayInputStream("""
				<?xml version="1.0" encoding="UTF-8"?>
				<plugin><extension-point id="reconstructionEngines" name="Reconstruction Engines"/>
				<extension-point id="clouds" name="Platform Clouds"/></plugin>
				""".getBytes(StandardCharsets.UTF_8));
	}
}
