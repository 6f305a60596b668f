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

import org.bson.types.ObjectId;

/** Parsing of client-given ids: anything that is not an ObjectId is simply "not found". */
public final class Ids {

	private Ids() {
	}

	/**
	 * @param id a client-given id
	 * @return the ObjectId, or null when it is not one
	 */
	public static ObjectId parse(String id) {
		return id != null && ObjectId.isValid(id) ? new ObjectId(id) : null;
	}
}
