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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.storage.gridfs.internal.ResourceFiles;
import io.tiepoint.testing.ui.Ui;

/**
 * The Resource Server view's panel against a real hub: the user's files with their description and
 * directory, under each what Convert made; a missing setting is named in the status line.
 */
class ResourceServerPanelTest {

	@TempDir
	Path dir;

	@Test
	void listsTheFilesWithTheirConversions() throws Exception {
		try (Ui ui = Ui.open(); Hub hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build())) {
			ResourceFiles files = new ResourceFiles(hub.uri(), hub.appKey(), hub.userToken(), hub.packageName(),
					Duration.ofSeconds(30));
			Path notes = dir.resolve("notes.txt");
			Files.writeString(notes, "flight notes", StandardCharsets.UTF_8);
			String fid = files.put(notes, "flights", "the pilot's notes", new NullProgressMonitor());
			long deadline = System.currentTimeMillis() + 60_000;
			while (files.convert(fid, 2, null).path("Waiting").asInt() != -1 && System.currentTimeMillis() < deadline) {
				Thread.sleep(100);
			}
			Shell shell = ui.shell;
			ProviderSettings settings = ProviderSettings.of(Map.of("gridfs.appid", hub.appKey(), "gridfs.license",
					hub.userToken(), "gridfs.package", hub.packageName()));
			ResourceServerPanel panel = new ResourceServerPanel(shell, hub.uri().toString(), () -> settings);
			shell.open();
			panel.refresh();
			ui.spinUntil(() -> panel.status().contains("file(s)") || panel.status().startsWith("Cannot"), 60_000, "the list");
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
			ui.spinUntil(() -> bare.status().startsWith("Cannot"), 60_000, "the refusal");
			assertTrue(bare.status().contains("gridfs.appid"), bare.status());
		}
	}
}
