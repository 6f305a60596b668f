/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

/**
 * A failure of the hub's database (a MongoDB driver exception, translated by the store): unchecked, like the driver's
 * own, so callers above the store name no driver type.
 */
public final class StoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param message what failed @param cause the driver's exception */
	public StoreException(String message, Throwable cause) {
		super(message, cause);
	}

	/** @param message what failed */
	public StoreException(String message) {
		super(message);
	}
}
