/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A display and a shell in the test thread, event-loop helpers and screenshots: for the workbench's tests and
 * those of the providers' workbench bundles.
 */
public final class Ui implements AutoCloseable {

	/** System property: folder the screenshots are saved to (docs/screenshots). */
	public static final String SCREENSHOTS = "tiepoint.screenshots";

	/** The display. */
	public final Display display;
	/** The test's shell. */
	public final Shell shell;

	private Ui(Display display, Shell shell) {
		this.display = display;
		this.shell = shell;
	}

	/** @return a display and a 1200x760 shell; skips the test when there is no X display */
	public static Ui open() {
		String d = System.getenv("DISPLAY");
		assumeTrue(d != null && !d.isBlank(), "no DISPLAY: the UI tests need an X display (run the build under xvfb-run)");
		Display display = Display.getDefault();
		Shell shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(new Point(1200, 760));
		shell.setText("Tiepoint UI test");
		return new Ui(display, shell);
	}

	/** Runs the event loop until cond holds; fails after timeoutMs. */
	public void spinUntil(BooleanSupplier cond, long timeoutMs, String what) {
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (!cond.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
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

	/** Runs pending events for about ms milliseconds. */
	public void spin(long ms) {
		long end = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < end) {
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

	/**
	 * Saves a picture of a control: to {@code $tiepoint.screenshots/NAME.png} when that property is set,
	 * and always to {@code target/screenshots/NAME.png}.
	 *
	 * @return the file under target
	 */
	public Path screenshot(Control c, String name) throws IOException {
		shell.forceActive();
		spin(300);
		Point size = c.getSize();
		Image img = new Image(display, size.x, size.y);
		GC gc = new GC(c);
		try {
			gc.copyArea(img, 0, 0);
		} finally {
			gc.dispose();
		}
		try {
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { img.getImageData() };
			Path local = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
			Files.createDirectories(local.getParent());
			loader.save(local.toString(), SWT.IMAGE_PNG);
			String dir = System.getProperty(SCREENSHOTS);
			// the pom's empty default reaches the test runtime as the text "null"
			if (dir != null && !dir.isBlank() && !"null".equals(dir)) {
				Path out = Path.of(dir).resolve(name + ".png");
				Files.createDirectories(out.getParent());
				loader.save(out.toString(), SWT.IMAGE_PNG);
			}
			return local;
		} finally {
			img.dispose();
		}
	}

	@Override
	public void close() {
		if (!shell.isDisposed()) {
			shell.dispose();
		}
		while (display.readAndDispatch()) {
			// flush
		}
	}
}
