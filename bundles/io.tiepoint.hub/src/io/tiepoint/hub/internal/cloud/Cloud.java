/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import org.bson.Document;

/**
 * Where image bytes live. Implementations map their SDK's errors to {@link IOException}.
 */
public interface Cloud {

	/** @return {@code s3} or {@code gridfs} */
	String name();

	/** @return the bucket clients name */
	String bucket();

	/**
	 * @param image an image document
	 * @return its stored size when the bytes are there
	 * @throws IOException when the store cannot be asked
	 */
	OptionalLong stored(Document image) throws IOException;

	/**
	 * @param image an image document whose bytes are stored
	 * @return a stream over them; the caller closes it
	 * @throws IOException when they cannot be read
	 */
	InputStream open(Document image) throws IOException;

	/**
	 * Removes the stored bytes, if any.
	 *
	 * @param image an image document
	 * @throws IOException when the store refuses
	 */
	void delete(Document image) throws IOException;
}
