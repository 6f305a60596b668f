/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.spi;

import java.util.Map;

/**
 * What registration hands the client beside {@code image}: the other fields of the mutation's payload type,
 * e.g. {@code url} ({@code S3UploadInfo}, {@code GridFSUploadInfo}) or {@code sts} ({@code OSSUploadInfo}).
 * Values are strings, numbers, booleans, or lists and maps of them (a map answers an object field by key).
 *
 * @param fields payload field name to value; {@code image} is the hub's and must not be among them
 */
public record UploadTarget(Map<String, Object> fields) {

	/** Copies, and refuses {@code image}. */
	public UploadTarget {
		fields = Map.copyOf(fields);
		if (fields.containsKey("image")) {
			throw new IllegalArgumentException("'image' is answered by the hub");
		}
	}

	/**
	 * @param url where the client sends the bytes
	 * @return a target answering {@code url}
	 */
	public static UploadTarget url(String url) {
		return new UploadTarget(Map.of("url", url));
	}
}
