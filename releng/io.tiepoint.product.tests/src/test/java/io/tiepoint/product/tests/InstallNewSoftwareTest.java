/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench of (a copy of) the product under Xvfb: Help has Install New Software... and Installation Details
 * (p2's UI), and the Install wizard, given the example plug-in's repository in "Work with" as a user types it, lists
 * its feature (the local folder storage provider). A screenshot of the wizard goes to {@code tiepoint.screenshots}
 * ({@code install-new-software.png}, the one in docs/screenshots).
 */
class InstallNewSoftwareTest {

	@TempDir
	Path tmp;

	@Test
	void installNewSoftwareListsTheExampleRepositorysFeature() throws Exception {
		String display = System.getenv("DISPLAY");
		Assumptions.assumeTrue(display != null && !display.isBlank(),
				"no X display: run the tests with ./tiepoint test, which starts Xvfb");
		Path built = Path.of(System.getProperty("tiepoint.plugin.repository", "")).toAbsolutePath().normalize();
		assertTrue(Files.isDirectory(built), "the example plug-in's repository was not built: " + built);
		Path repo = tmp.resolve("folder-provider-repository"); // as a third party's repository would be: elsewhere
		try (java.util.stream.Stream<Path> s = Files.walk(built)) {
			for (Path f : (Iterable<Path>) s::iterator) {
				Path to = repo.resolve(built.relativize(f).toString());
				if (Files.isDirectory(f)) {
					Files.createDirectories(to);
				} else {
					Files.copy(f, to);
				}
			}
		}
		Path product = Launcher.copyOfProduct(tmp.resolve("tiepoint"));
		Path png = Path.of(System.getProperty("tiepoint.screenshots", "target/screenshots"))
				.resolve("install-new-software.png").toAbsolutePath();
		Files.deleteIfExists(png);
		Process p = Launcher.builder(Map.of("TIEPOINT_PRODUCT", product.toString(), "TIEPOINT_WORKSPACE",
				tmp.resolve("ws").toString(), "TIEPOINT_VMARGS", "-Dtiepoint.smoke.install=" + png
						+ " -Dtiepoint.smoke.repository=" + repo.toUri()),
				"gui").redirectErrorStream(true).start();
		StringBuilder log = new StringBuilder();
		CompletableFuture<String> menu = new CompletableFuture<>();
		CompletableFuture<String> result = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line; (line = r.readLine()) != null;) {
					synchronized (log) {
						log.append(line).append('\n');
					}
					if (line.startsWith("tiepoint-install-menu:")) {
						menu.complete(line);
					} else if (line.startsWith("tiepoint-install:")) {
						result.complete(line);
					}
				}
			} catch (java.io.IOException e) {
				// the process ended
			}
			result.complete(null);
			menu.complete(null);
		}, "read product output");
		reader.setDaemon(true);
		reader.start();
		try {
			String line = result.get(240, TimeUnit.SECONDS);
			String items = menu.getNow(null);
			synchronized (log) {
				assertNotNull(line, "the workbench ended before the Install wizard listed anything:\n" + log);
				assertNotNull(items, log.toString());
			}
			assertTrue(items.contains("Install New Software...") && items.contains("Installation Details"),
					"the Help menu: " + items);
			assertTrue(line.contains("Tiepoint storage: local folder"), "the wizard lists the example feature: " + line);
			assertTrue(line.contains("items=[Tiepoint storage: local folder]"), "nothing but the example feature: " + line);
			BufferedImage shot = ImageIO.read(png.toFile());
			assertNotNull(shot, "no screenshot at " + png);
			assertTrue(shot.getWidth() >= 300 && shot.getHeight() >= 200, shot.getWidth() + "x" + shot.getHeight());
		} finally {
			p.getOutputStream().close(); // the probe closes the workbench when its stdin ends
			if (!p.waitFor(60, TimeUnit.SECONDS)) {
				p.destroyForcibly();
			}
		}
		synchronized (log) {
			assertEquals(0, p.exitValue(), "workbench exit code\n" + log);
		}
	}
}
