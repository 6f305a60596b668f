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
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import io.tiepoint.core.TiepointVersion;

class TiepointVersionTest {

	@Test
	void versionIsTheCoreBundleVersionWithItsQualifier() {
		TiepointVersion v = TiepointVersion.current();
		String bundleVersion = FrameworkUtil.getBundle(TiepointVersion.class).getVersion().toString();
		assertEquals(bundleVersion, v.version());
		assertTrue(v.version().matches("0\\.1\\.0\\.v\\d{8}-\\d{4}"), v.version());
		assertEquals("0.1.0", v.shortVersion());
		assertEquals("tiepoint " + bundleVersion, v.line());
		assertTrue(v.eclipseVersion().startsWith("org.eclipse.osgi 3."), v.eclipseVersion());
		assertEquals(3, v.details().length);
		assertTrue(v.details()[2].startsWith("java: " + Runtime.version()), v.details()[2]);
	}
}
