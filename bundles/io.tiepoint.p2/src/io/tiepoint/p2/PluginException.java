/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.p2;

/** A plug-in could not be installed, updated or uninstalled; the message says why, and nothing was changed. */
public final class PluginException extends Exception {

	private static final long serialVersionUID = 1L;

	/** @param message what failed and why (which feature, which requirement, which repository) */
	public PluginException(String message) {
		super(message);
	}
}
