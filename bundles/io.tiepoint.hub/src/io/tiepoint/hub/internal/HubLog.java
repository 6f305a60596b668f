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

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

/**
 * The hub's log. While a hub runs, its messages go to {@code hub.log} in its data directory
 * ({@link #toFile(Path)}): one line each; a stack trace only for an {@link #error} (a failure of the
 * hub itself, not of a client's request). Otherwise (no hub open) they go to the platform's {@link ILog},
 * or to {@link System.Logger} outside OSGi. Never pass a secret here.
 */
public final class HubLog {

	private static final List<HubLogFile> FILES = new CopyOnWriteArrayList<>();
	private final Class<?> type;

	private HubLog(Class<?> type) {
		this.type = type;
	}

	/** @param type the logging class @return its log */
	public static HubLog of(Class<?> type) {
		return new HubLog(type);
	}

	/**
	 * Sends the hub's messages to {@code hub.log} in a data directory (mode 600) until the handle is closed.
	 * With several hubs in one process (tests), each file gets every hub's messages.
	 *
	 * @param dataDir the hub's data directory
	 * @return the handle
	 * @throws IOException when the file cannot be created
	 */
	public static Closeable toFile(Path dataDir) throws IOException {
		HubLogFile file = new HubLogFile(dataDir.resolve(HubLogFile.NAME));
		FILES.add(file);
		return () -> FILES.remove(file);
	}

	private void log(int severity, String message, Throwable error) {
		if (!FILES.isEmpty()) {
			for (HubLogFile f : FILES) {
				f.append(severity == Status.ERROR ? "ERROR" : severity == Status.WARNING ? "WARN" : "INFO",
						type.getSimpleName(), message, error, severity == Status.ERROR);
			}
			return;
		}
		if (org.osgi.framework.FrameworkUtil.getBundle(type) != null) {
			ILog.of(type).log(new Status(severity, "io.tiepoint.hub", message, error));
			return;
		}
		System.Logger.Level level = severity == Status.ERROR ? System.Logger.Level.ERROR
				: severity == Status.WARNING ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
		System.getLogger(type.getName()).log(level, message, error);
	}

	/** @param message what failed in the hub itself @param error why (its stack trace is logged) */
	public void error(String message, Throwable error) {
		log(Status.ERROR, message, error);
	}

	/** @param message a warning */
	public void warn(String message) {
		log(Status.WARNING, message, null);
	}

	/** @param message a warning @param error its cause (one line: its class and message) */
	public void warn(String message, Throwable error) {
		log(Status.WARNING, message, error);
	}

	/** @param message information */
	public void info(String message) {
		log(Status.INFO, message, null);
	}
}
