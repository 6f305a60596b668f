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

/**
 * The hub's log. {@code ILog} lives in {@code org.eclipse.core.runtime}, which this headless bundle does
 * not require, so messages go to the platform {@link System.Logger} (bridged to the OSGi log by the
 * product). The one place to swap in {@code ILog.of(..)}. Never pass a secret here.
 */
public final class HubLog {

	private final System.Logger logger;

	private HubLog(System.Logger logger) {
		this.logger = logger;
	}

	/** @param type the logging class @return its log */
	public static HubLog of(Class<?> type) {
		return new HubLog(System.getLogger(type.getName()));
	}

	/** @param message what failed @param error why */
	public void error(String message, Throwable error) {
		logger.log(System.Logger.Level.ERROR, message, error);
	}

	/** @param message a warning */
	public void warn(String message) {
		logger.log(System.Logger.Level.WARNING, message);
	}

	/** @param message a warning @param error its cause */
	public void warn(String message, Throwable error) {
		logger.log(System.Logger.Level.WARNING, message, error);
	}

	/** @param message information */
	public void info(String message) {
		logger.log(System.Logger.Level.INFO, message);
	}
}
