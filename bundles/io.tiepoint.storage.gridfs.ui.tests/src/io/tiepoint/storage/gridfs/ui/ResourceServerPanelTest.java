/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.storage.gridfs.internal.ResourceFiles;

/**
 * The Resource Server view's panel against a real hub: the user's files with their description and
 * directory, under each what Convert made; a missing setting is named in the status line.
 */
class ResourceServerPanelTest {

	@TempDir
	Path dir;

	private static void spinUntil(Display display, BooleanSupplier cond, String what) {
		long deadline = System.currentTimeMillis() + 60_000;
		while (!cond.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(5);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Test
	void listsTheFilesWithTheirConversions() throws Exception {
		String d = System.getenv("DISPLAY");
		assumeTrue(d != null && !d.isBlank(), "no DISPLAY: the UI tests need an X display (run the build under xvfb-run)");
		try (Hub hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build())) {
			ResourceFiles files = new ResourceFiles(hub.uri(), hub.appKey(), hub.userToken(), hub.packageName(),
					Duration.ofSeconds(30));
			Path notes = dir.resolve("notes.txt");
			Files.writeString(notes, "flight notes", StandardCharsets.UTF_8);
			String fid = files.put(notes, "flights", "the pilot's notes", new NullProgressMonitor());
			long deadline = System.currentTimeMillis() + 60_000;
			while (files.convert(fid, 2, null).path("Waiting").asInt() != -1 && System.currentTimeMillis() < deadline) {
				Thread.sleep(100);
			}
			Display display = Display.getDefault();
			Shell shell = new Shell(display);
			try {
				shell.setLayout(new FillLayout());
				ProviderSettings settings = ProviderSettings.of(Map.of("gridfs.appid", hub.appKey(), "gridfs.license",
						hub.userToken(), "gridfs.package", hub.packageName()));
				ResourceServerPanel panel = new ResourceServerPanel(shell, hub.uri().toString(), () -> settings);
				shell.setSize(1000, 500);
				shell.open();
				panel.refresh();
				spinUntil(display, () -> panel.status().contains("file(s)") || panel.status().startsWith("Cannot"), "the list");
				assertEquals("1 file(s) on " + hub.uri(), panel.status());
				List<String> rows = panel.rows();
				assertEquals("notes.txt | /flights | the pilot's notes | " + fid, rows.get(0), rows::toString);
				assertEquals("  Document: done", rows.get(1), rows::toString);
				assertTrue(rows.get(2).matches("    level 1 \\|  \\|  \\| [0-9a-f]{32}"), rows::toString);
				for (String row : rows) {
					assertFalse(row.contains(hub.userToken()) || row.contains(hub.appKey()), "no secret shown");
				}

				ResourceServerPanel bare = new ResourceServerPanel(shell, hub.uri().toString(), () -> ProviderSettings.of(Map.of()));
				bare.refresh();
				spinUntil(display, () -> bare.status().startsWith("Cannot"), "the refusal");
				assertTrue(bare.status().contains("gridfs.appid"), bare.status());
			} finally {
				shell.dispose();
			}
		}
	}
}
