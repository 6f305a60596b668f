/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.storage.memory;

import java.io.ByteArrayOutputStream;
import java.util.TreeMap;

import io.tiepoint.core.storage.StorageObject;

/**
 * A multipart or offset upload in progress in a {@link MemoryStore}; read and changed under the store's
 * lock only.
 */
final class MemoryUpload {

	final String id;
	final String key;
	final long size;
	final String sha1;
	final String md5;
	final String contentType;
	final boolean multipart;
	/** Multipart: committed parts by number. */
	final TreeMap<Integer, byte[]> parts = new TreeMap<>();
	/** Offset: the bytes committed so far. */
	final ByteArrayOutputStream data = new ByteArrayOutputStream();
	/** The next use fails EXPIRED. */
	boolean expired;
	/** Offset: the object, once every byte arrived. */
	MemoryObject completed;

	MemoryUpload(String id, String key, StorageObject object, boolean multipart) {
		this.id = id;
		this.key = key;
		this.size = object.size();
		this.sha1 = object.sha1();
		this.md5 = object.md5();
		this.contentType = object.contentType();
		this.multipart = multipart;
	}
}
