/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.jface.preference.IPreferenceNode;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.tiepoint.core.Services;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.ui.internal.prefs.ProviderPages;

/**
 * The product's self-check, used by the GUI smoke test and never by users: started with
 * {@code -Dtiepoint.smoke=FILE.png}, it shows the Images view in the open window, saves a screenshot
 * of the window to FILE.png, prints a {@code tiepoint-smoke-providers:} line (the installed storage providers and
 * the preference pages under Storage Providers) and one {@code tiepoint-smoke:} line describing what it saw, and
 * closes the workbench when standard input ends (so the test can look at the window from outside
 * first).
 */
final class SmokeProbe {

	/** System property naming the screenshot file. */
	static final String PROPERTY = "tiepoint.smoke";

	private final IWorkbenchWindow window;
	private final Path png;

	SmokeProbe(IWorkbenchWindow window, String png) {
		this.window = window;
		this.png = Path.of(png);
	}

	void schedule() {
		Display display = window.getShell().getDisplay();
		display.timerExec(500, this::probe);
	}

	private void probe() {
		Display display = window.getShell().getDisplay();
		String line;
		try {
			IWorkbenchPage page = window.getActivePage();
			IViewPart view = page.showView(ImagesView.ID);
			while (display.readAndDispatch()) {
				// let the view lay out and paint
			}
			Shell shell = window.getShell();
			Rectangle r = shell.getBounds();
			capture(display, shell);
			System.out.println(providers());
			line = String.format("tiepoint-smoke: window='%s' visible=%s size=%dx%d perspective=%s view=%s columns=%d png=%s",
					shell.getText(), shell.isVisible(), r.width, r.height, page.getPerspective().getId(),
					view == null ? "none" : view.getViewSite().getId(),
					view instanceof ImagesView iv ? iv.getViewer().getTable().getColumnCount() : -1, png);
		} catch (PartInitException | IOException | RuntimeException e) {
			line = "tiepoint-smoke: failed: " + e;
		}
		System.out.println(line);
		System.out.flush();
		Thread waiter = new Thread(() -> {
			try (InputStream in = System.in) {
				while (in.read() >= 0) {
					// wait for the test to close our standard input
				}
			} catch (IOException e) {
				// closed either way
			}
			display.asyncExec(() -> PlatformUI.getWorkbench().close());
		}, "tiepoint-smoke-stdin");
		waiter.setDaemon(true);
		waiter.start();
	}

	/** @return the installed storage providers and the preference pages under Storage Providers */
	private static String providers() {
		try {
			String ids = Services.get(StorageProviders.class).descriptors().stream().map(StorageProviderDescriptor::id)
					.sorted().collect(Collectors.joining(","));
			IPreferenceNode parent = ProviderPages.find(PlatformUI.getWorkbench().getPreferenceManager().getRootSubNodes(),
					ProviderPages.STORAGE_PROVIDERS);
			String pages = parent == null ? "none"
					: Arrays.stream(parent.getSubNodes()).map(IPreferenceNode::getId).sorted()
							.collect(Collectors.joining(","));
			return "tiepoint-smoke-providers: providers=" + ids + " pages=" + pages;
		} catch (RuntimeException e) {
			return "tiepoint-smoke-providers: failed: " + e;
		}
	}

	private void capture(Display display, Shell shell) throws IOException {
		Rectangle client = shell.getBounds();
		Image image = new Image(display, client.width, client.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, client.x, client.y);
		} finally {
			gc.dispose();
		}
		try {
			ImageData data = image.getImageData();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			Files.createDirectories(png.toAbsolutePath().getParent());
			loader.save(png.toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}
}
