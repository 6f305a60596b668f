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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.CheckConfig.Key;

class CheckConfigTest {

	@Test
	void defaultsAndOverrides() {
		Properties p = new Properties();
		p.setProperty("blur.minLaplacianVariance", "123.5");
		p.setProperty("tiepoint.check.overlap.minForward", " 0.7 ");
		CheckConfig c = CheckConfig.fromProperties(p);
		assertEquals(123.5, c.get(Key.BLUR_MIN_VARIANCE));
		assertEquals(0.7, c.get(Key.OVERLAP_MIN_FORWARD));
		assertEquals(Key.OVERLAP_MIN_SIDE.defaultValue(), c.get(Key.OVERLAP_MIN_SIDE));
		assertEquals(50, CheckConfig.defaults().get(Key.BLUR_MIN_VARIANCE));
	}

	@Test
	void typosAndGarbageAreRejectedWithTheKeyName() {
		Properties typo = new Properties();
		typo.setProperty("blur.minLaplaceVariance", "1");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckConfig.fromProperties(typo));
		assertTrue(e.getMessage().contains("blur.minLaplaceVariance"));
		Properties garbage = new Properties();
		garbage.setProperty("outlier.minMeters", "far");
		e = assertThrows(IllegalArgumentException.class, () -> CheckConfig.fromProperties(garbage));
		assertTrue(e.getMessage().contains("outlier.minMeters") && e.getMessage().contains("far"));
	}

	@Test
	void propertyNamesAreUnique() {
		assertEquals(Key.values().length, java.util.Arrays.stream(Key.values()).map(Key::property).distinct().count());
	}
}
