/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core;

import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * The product's version, as built: the {@code io.tiepoint.core} bundle version (with its build
 * qualifier) and the platform it runs on.
 * <p>
 * Outside OSGi (plain unit tests, tools) the version falls back to {@code 0.0.0.dev}.
 */
public record TiepointVersion(String version, String eclipseVersion, String javaVersion) {

	/** Product name, as shown to users. */
	public static final String PRODUCT = "Tiepoint";

	public TiepointVersion {
		Objects.requireNonNull(version);
		Objects.requireNonNull(eclipseVersion);
		Objects.requireNonNull(javaVersion);
	}

	/** @return the version of the running product */
	public static TiepointVersion current() {
		Bundle self = FrameworkUtil.getBundle(TiepointVersion.class);
		String version = self == null ? "0.0.0.dev" : self.getVersion().toString();
		String eclipse = "unknown";
		if (self != null && self.getBundleContext() != null) {
			eclipse = platformVersion(self);
		}
		return new TiepointVersion(version, eclipse, Runtime.version().toString());
	}

	private static String platformVersion(Bundle self) {
		Bundle framework = self.getBundleContext().getBundle(0);
		Version v = framework.getVersion();
		return framework.getSymbolicName() + " " + v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
	}

	/** @return the version without its build qualifier, e.g. {@code 0.1.0} */
	public String shortVersion() {
		Version v = Version.parseVersion(version);
		return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
	}

	/** @return one line for {@code --version} and the About dialog */
	public String line() {
		return "tiepoint " + version;
	}

	/** @return several lines: product, platform, Java */
	public String[] details() {
		return new String[] { line(), "platform: " + eclipseVersion,
				"java: " + javaVersion + " (" + System.getProperty("java.vendor", "?") + ")" };
	}
}
