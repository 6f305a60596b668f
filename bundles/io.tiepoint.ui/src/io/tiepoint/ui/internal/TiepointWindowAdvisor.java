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

import java.lang.management.ManagementFactory;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * Window size and title. When the system property {@value #TRACE} is set, it prints how long the
 * first window took after the JVM started (for the startup benchmark); when {@value SmokeProbe#PROPERTY}
 * is set, the {@link SmokeProbe} takes over once the window is open.
 */
public class TiepointWindowAdvisor extends WorkbenchWindowAdvisor {

	/** System property: print the time to first window. */
	public static final String TRACE = "tiepoint.startup.trace";

	public TiepointWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		super(configurer);
	}

	@Override
	public void preWindowOpen() {
		IWorkbenchWindowConfigurer c = getWindowConfigurer();
		c.setInitialSize(new Point(1280, 800));
		c.setShowMenuBar(true);
		c.setShowCoolBar(false);
		c.setShowStatusLine(true);
		c.setShowProgressIndicator(true);
		c.setTitle("Tiepoint");
	}

	/** Prints {@code tiepoint: WHAT N ms after JVM start} when {@value #TRACE} is set. */
	static void trace(String what) {
		if (System.getProperty(TRACE) != null) {
			long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println("tiepoint: " + what + " " + ms + " ms after JVM start");
		}
	}

	@Override
	public void postWindowOpen() {
		trace("first window open");
		String smoke = System.getProperty(SmokeProbe.PROPERTY);
		if (smoke != null && !smoke.isBlank()) {
			new SmokeProbe(getWindowConfigurer().getWindow(), smoke).schedule();
		}
	}
}
