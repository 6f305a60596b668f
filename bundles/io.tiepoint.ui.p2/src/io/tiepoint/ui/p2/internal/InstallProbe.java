/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.p2.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * The product tests' probe of Help &gt; Install New Software..., never used by users: started with
 * {@code -Dtiepoint.smoke.install=FILE.png -Dtiepoint.smoke.repository=URI}, it prints the Help menu's items
 * ({@code tiepoint-install-menu:}), adds the repository as a site, runs the Install New Software command, picks the
 * repository in "Work with" as a
 * user picks a site, waits for its features to be listed, saves a screenshot of the wizard and prints what it lists
 * ({@code tiepoint-install:}); the workbench closes when standard input ends.
 */
public final class InstallProbe implements IStartup {

	static final String PROPERTY = "tiepoint.smoke.install";
	static final String REPOSITORY = "tiepoint.smoke.repository";
	private static final long TIMEOUT_MS = 60_000;

	private Display display;
	private Path png;
	private String repository;
	private long deadline;
	private boolean typed;

	/** For the extension point. */
	public InstallProbe() {
	}

	@Override
	public void earlyStartup() {
		String file = System.getProperty(PROPERTY);
		String repo = System.getProperty(REPOSITORY);
		if (file == null || repo == null) {
			return;
		}
		png = Path.of(file);
		repository = repo;
		display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(this::start);
	}

	private void start() {
		deadline = System.currentTimeMillis() + TIMEOUT_MS;
		print("tiepoint-install-menu: items=" + helpMenu());
		// as Add... in the wizard does: the repository becomes one of the sites "Work with" offers
		ProvisioningUI ui = ProvisioningUI.getDefaultUI();
		ui.getRepositoryTracker().addRepository(URI.create(repository), null, ui.getSession());
		display.timerExec(500, this::step);
		try {
			PlatformUI.getWorkbench().getService(IHandlerService.class)
					.executeCommand("org.eclipse.equinox.p2.ui.sdk.install", null);
		} catch (Exception e) {
			print("tiepoint-install: failed: " + e);
		}
	}

	/** @return the texts of the Help menu's items, as the user sees them when opening it */
	private List<String> helpMenu() {
		List<String> out = new ArrayList<>();
		Menu bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
		for (MenuItem item : bar == null ? new MenuItem[0] : bar.getItems()) {
			if (item.getText().replace("&", "").equals("Help") && item.getMenu() != null) {
				item.getMenu().notifyListeners(SWT.Show, new Event()); // the menu fills itself when shown
				for (MenuItem i : item.getMenu().getItems()) {
					if ((i.getStyle() & SWT.SEPARATOR) == 0) {
						out.add(i.getText().replace("&", "").replaceAll("\\t.*", ""));
					}
				}
				item.getMenu().notifyListeners(SWT.Hide, new Event());
			}
		}
		return out;
	}

	private void step() {
		if (System.currentTimeMillis() > deadline) {
			List<String> seen = new ArrayList<>();
			for (Shell s : display.getShells()) {
				seen.add("'" + s.getText() + "'" + (s.isVisible() ? "" : "(hidden)") + treeItems(s));
				if (s.isVisible() && s.getText().startsWith("Install")) {
					try {
						capture(s); // what it showed, to look at
					} catch (IOException | RuntimeException e) {
						// the line says what failed
					}
				}
			}
			print("tiepoint-install: failed: the Install wizard did not list " + repository + " within "
					+ TIMEOUT_MS / 1000 + " s; windows: " + seen);
			return;
		}
		Shell wizard = null;
		for (Shell s : display.getShells()) {
			if (s.isVisible() && s.getText().startsWith("Install")) {
				wizard = s;
			}
		}
		if (wizard != null && !typed) {
			Combo workWith = find(wizard, Combo.class).stream().findFirst().orElse(null);
			if (workWith != null) {
				for (Button b : find(wizard, Button.class)) {
					if ((b.getStyle() & SWT.CHECK) != 0 && b.getText().replace("&", "").startsWith("Group items by category")) {
						b.setSelection(false); // the features themselves, not their categories
						b.notifyListeners(SWT.Selection, new Event());
					}
				}
				String[] sites = workWith.getItems();
				String location = repository.replaceFirst("/$", "").replaceFirst("^file:/+", "");
				for (int i = 0; i < sites.length && !typed; i++) {
					if (sites[i].contains(location)) { // picked from the drop-down, as a user does
						workWith.select(i);
						workWith.notifyListeners(SWT.Selection, new Event());
						typed = true;
					}
				}
			}
		} else if (wizard != null) {
			List<String> items = treeItems(wizard);
			if (items.stream().anyMatch(t -> t.contains("local folder"))) {
				Shell shown = wizard;
				display.timerExec(1000, () -> done(shown, items)); // let it paint
				return;
			}
		}
		display.timerExec(500, this::step);
	}

	private static List<String> treeItems(Shell shell) {
		List<String> items = new ArrayList<>();
		for (Tree tree : find(shell, Tree.class)) {
			for (TreeItem item : tree.getItems()) {
				items.add(item.getText());
			}
		}
		return items;
	}

	private void done(Shell wizard, List<String> items) {
		String line;
		try {
			capture(wizard);
			line = "tiepoint-install: window='" + wizard.getText() + "' items=" + items + " png=" + png;
		} catch (IOException | RuntimeException e) {
			line = "tiepoint-install: failed: " + e;
		}
		print(line);
		wizard.close();
		Thread waiter = new Thread(() -> {
			try (InputStream in = System.in) {
				while (in.read() >= 0) {
					// until the test closes our standard input
				}
			} catch (IOException e) {
				// closed either way
			}
			display.asyncExec(() -> PlatformUI.getWorkbench().close());
		}, "tiepoint-install-stdin");
		waiter.setDaemon(true);
		waiter.start();
	}

	private void capture(Shell shell) throws IOException {
		Rectangle r = shell.getBounds();
		Image image = new Image(display, r.width, r.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, r.x, r.y);
		} finally {
			gc.dispose();
		}
		try {
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			Files.createDirectories(png.toAbsolutePath().getParent());
			loader.save(png.toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}

	private static <T extends Control> List<T> find(Composite parent, Class<T> type) {
		List<T> out = new ArrayList<>();
		for (Control c : parent.getChildren()) {
			if (type.isInstance(c) && c.isVisible()) {
				out.add(type.cast(c));
			}
			if (c instanceof Composite composite) {
				out.addAll(find(composite, type));
			}
		}
		return out;
	}

	private static void print(String line) {
		System.out.println(line);
		System.out.flush();
	}
}
