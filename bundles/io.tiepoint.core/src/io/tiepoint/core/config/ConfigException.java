/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.config;

/** A settings file or value that cannot be used; the message names the file or key and the reason. */
public class ConfigException extends Exception {

	private static final long serialVersionUID = 1L;

	public ConfigException(String message, Throwable cause) {
		super(message, cause);
	}
}
