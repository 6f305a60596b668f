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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.storage.gridfs.internal.ResourceFiles;

/**
 * The user's files on a resource server of seed 003 and their conversions, a tree: a file (name, directory,
 * description, FileID), under it what Convert was asked (Type and state), under that its results by level.
 * Loaded by a job over {@link ResourceFiles} (the client {@code tiepoint files} uses) with the provider's
 * settings ({@code gridfs.appid}, {@code gridfs.license}, {@code gridfs.package}), never shown.
 */
public final class ResourceServerPanel extends Composite {

	private final Text server;
	private final Label status;
	private final Tree tree;
	private final Supplier<ProviderSettings> settings;
	private volatile Job running;

	/**
	 * @param parent   the parent
	 * @param url      the server shown at first
	 * @param settings the provider's settings (read when the files are loaded)
	 */
	public ResourceServerPanel(Composite parent, String url, Supplier<ProviderSettings> settings) {
		super(parent, SWT.NONE);
		this.settings = settings;
		setLayout(new GridLayout(3, false));
		new Label(this, SWT.NONE).setText("Server:");
		server = new Text(this, SWT.BORDER | SWT.SINGLE);
		server.setText(url);
		server.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		server.addListener(SWT.DefaultSelection, e -> refresh());
		Button refresh = new Button(this, SWT.PUSH);
		refresh.setText("Refresh");
		refresh.addListener(SWT.Selection, e -> refresh());
		status = new Label(this, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		tree = new Tree(this, SWT.BORDER | SWT.FULL_SELECTION);
		tree.setHeaderVisible(true);
		tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		for (String[] c : new String[][] { { "Name", "220" }, { "Directory", "140" }, { "Description", "200" },
				{ "FileID", "260" } }) {
			TreeColumn column = new TreeColumn(tree, SWT.LEFT);
			column.setText(c[0]);
			column.setWidth(Integer.parseInt(c[1]));
		}
	}

	/** @return the server URL typed */
	public String server() {
		return server.getText().trim();
	}

	/** @return the status line */
	public String status() {
		return status.getText();
	}

	/** @return the tree's rows, depth-first, each as its columns joined by " | ", indented by depth */
	public List<String> rows() {
		List<String> out = new ArrayList<>();
		for (TreeItem i : tree.getItems()) {
			rows(i, "", out);
		}
		return out;
	}

	private static void rows(TreeItem item, String indent, List<String> out) {
		List<String> cols = new ArrayList<>();
		for (int c = 0; c < item.getParent().getColumnCount(); c++) {
			cols.add(item.getText(c));
		}
		out.add(indent + String.join(" | ", cols).replaceAll("( \\| )+$", ""));
		for (TreeItem child : item.getItems()) {
			rows(child, indent + "  ", out);
		}
	}

	/** @return the job loading the files, or null when none runs */
	public Job running() {
		return running;
	}

	/** Loads the files of the server typed, in a job; the tree and status follow when it is done. */
	public void refresh() {
		String url = server();
		ProviderSettings s;
		try {
			s = settings.get(); // here, in the UI thread: secure storage may ask for its master password
		} catch (RuntimeException e) {
			status.setText("Cannot read the settings of the resource server: " + e.getMessage());
			return;
		}
		status.setText("Loading the files of " + url + "...");
		Job job = Job.create("Files of " + url, (IProgressMonitor monitor) -> {
			String text;
			JsonNode files = null;
			try {
				URI uri = URI.create(url.endsWith("/") ? url : url + "/");
				if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
					throw new IllegalArgumentException("the server must be an http(s)://host:port/ URL");
				}
				String appId = s.get("gridfs.appid").orElseThrow(() -> new IllegalArgumentException(
						"the setting gridfs.appid (the server's AppID) is not set: Preferences > Storage providers"));
				String license = s.get("gridfs.license").orElseThrow(() -> new IllegalArgumentException(
						"the setting gridfs.license (your License) is not set: Preferences > Storage providers"));
				files = new ResourceFiles(uri, appId, license, s.get("gridfs.package", "tiepoint"), Duration.ofSeconds(60))
						.list();
				text = files.path("Count").asInt() + " file(s) on " + url;
			} catch (Exception e) {
				text = "Cannot list the files of " + url + ": " + e.getMessage();
			}
			String shown = text;
			JsonNode list = files;
			if (!isDisposed()) {
				getDisplay().asyncExec(() -> show(shown, list));
			}
			return Status.OK_STATUS;
		});
		running = job;
		job.schedule();
	}

	private void show(String text, JsonNode files) {
		if (isDisposed()) {
			return;
		}
		status.setText(text);
		tree.removeAll();
		if (files != null) {
			for (JsonNode f : files.path("FileList")) {
				TreeItem file = new TreeItem(tree, SWT.NONE);
				file.setText(new String[] { f.path("FileName").asText(), f.path("Directory").asText("/"),
						f.path("FileInfo").asText(""), f.path("FileID").asText() });
				for (JsonNode c : f.path("Conversions")) {
					TreeItem conversion = new TreeItem(file, SWT.NONE);
					conversion.setText(0, c.path("Type").asText() + ": " + state(c));
					for (JsonNode r : c.path("FileList")) {
						TreeItem result = new TreeItem(conversion, SWT.NONE);
						result.setText(0, "level " + r.path("Level").asInt());
						result.setText(3, r.path("FileID").asText());
					}
					conversion.setExpanded(true);
				}
				file.setExpanded(true);
			}
		}
		layout(true, true);
		running = null;
	}

	private static String state(JsonNode c) {
		int waiting = c.path("Waiting").asInt();
		return waiting == -1 ? "done"
				: waiting == 0 ? "converting"
						: waiting == -2 ? "failed (" + c.path("Error").asText()
								+ ")" : "queued, place " + waiting;
	}
}
