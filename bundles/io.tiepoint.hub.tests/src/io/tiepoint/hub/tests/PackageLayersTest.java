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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hub's packages are layered: each may use only the layers below it (see docs/architecture.md),
 * so there is no cycle. Read from the compiled classes with the JDK's jdeps, as
 * {@code releng/package-cycles.py bundles/io.tiepoint.hub/target/classes io.tiepoint.hub} does.
 */
class PackageLayersTest {

	private static final String HUB = "io.tiepoint.hub";
	private static final String I = HUB + ".internal";
	/** Bottom first; a package may use the ones of lower layers only (one layer: no use inside it either). */
	private static final Map<String, Integer> LAYERS = new LinkedHashMap<>();
	static {
		layer(0, HUB + ".spi");
		layer(1, HUB);
		layer(2, I + ".auth");
		layer(3, I);
		layer(4, I + ".store");
		layer(5, I + ".store.files", I + ".store.gateway");
		layer(6, I + ".oss");
		layer(7, I + ".cloud");
		layer(8, I + ".images");
		layer(9, I + ".resource", I + ".tasks");
		layer(10, I + ".graphql");
		layer(11, I + ".server");
	}
	private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)", Pattern.MULTILINE);

	private static void layer(int n, String... packages) {
		for (String p : packages) {
			LAYERS.put(p, n);
		}
	}

	@Test
	void everyPackageUsesOnlyTheLayersBelowIt() {
		Path classes = Path.of(System.getProperty("tiepoint.hub.bundle", "../io.tiepoint.hub"), "target", "classes");
		Assumptions.assumeTrue(Files.isDirectory(classes.resolve("io/tiepoint/hub")),
				"the hub's compiled classes are not beside this fragment (" + classes + ")");
		Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
		Assumptions.assumeTrue(jdeps.isPresent(), "this Java runtime has no jdeps (a JRE, not a JDK)");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = jdeps.get().run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
				classes.toString());
		assertEquals(0, code, "jdeps failed: " + err);
		TreeSet<String> seen = new TreeSet<>();
		List<String> upward = new ArrayList<>();
		Matcher m = EDGE.matcher(out.toString());
		while (m.find()) {
			String from = m.group(1);
			String to = m.group(2);
			if (!from.startsWith(HUB) || !to.startsWith(HUB) || from.equals(to)) {
				continue;
			}
			seen.add(from);
			Integer a = LAYERS.get(from);
			Integer b = LAYERS.get(to);
			if (a == null || b == null) {
				upward.add(from + " -> " + to + ": give the new package its layer here and in docs/architecture.md");
			} else if (b >= a) {
				upward.add(from + " (layer " + a + ") -> " + to + " (layer " + b + ")");
			}
		}
		assertTrue(seen.size() >= 10, "jdeps found too few of the hub's packages: " + seen);
		assertEquals(List.of(), upward, "a package uses one of its own layer or above");
	}
}
