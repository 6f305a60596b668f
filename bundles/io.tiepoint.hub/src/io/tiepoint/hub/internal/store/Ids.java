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

	/** @return a new id, unique in this database (ids are in creation order) */
	public static String next() {
		return new ObjectId().toHexString();
	}

	/** @param id a stored id (an ObjectId, or anything else in documents of earlier versions) @return its text, or null */
	static String text(Object id) {
		return id instanceof ObjectId o ? o.toHexString() : id == null ? null : id.toString();
	}

	/** @param text an id's text @return the ObjectId when it is one, else the text itself (null for null) */
	static Object stored(String text) {
		return text != null && ObjectId.isValid(text) ? new ObjectId(text) : text;
	}
}
