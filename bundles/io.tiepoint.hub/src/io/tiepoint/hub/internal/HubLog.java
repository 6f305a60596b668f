/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

/**
 * The hub's log: the platform's {@link ILog} (the Eclipse log of the running product; on the console
 * with {@code -consoleLog}). Outside OSGi, where there is no platform, messages go to
 * {@link System.Logger}. Never pass a secret here.
 */
public final class HubLog {

	private final Class<?> type;

	private HubLog(Class<?> type) {
		this.type = type;
	}

	/** @param type the logging class @return its log */
	public static HubLog of(Class<?> type) {
		return new HubLog(type);
	}

	private void log(int severity, String message, Throwable error) {
		if (org.osgi.framework.FrameworkUtil.getBundle(type) != null) {
			ILog.of(type).log(new Status(severity, "io.tiepoint.hub", message, error));
			return;
		}
		System.Logger.Level level = severity == Status.ERROR ? System.Logger.Level.ERROR
				: severity == Status.WARNING ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
		System.getLogger(type.getName()).log(level, message, error);
	}

	/** @param message what failed @param error why */
	public void error(String message, Throwable error) {
		log(Status.ERROR, message, error);
	}

	/** @param message a warning */
	public void warn(String message) {
		log(Status.WARNING, message, null);
	}

	/** @param message a warning @param error its cause */
	public void warn(String message, Throwable error) {
		log(Status.WARNING, message, error);
	}

	/** @param message information */
	public void info(String message) {
		log(Status.INFO, message, null);
	}
}
