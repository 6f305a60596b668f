/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub;

import java.io.IOException;
import java.io.InputStream;

/**
 * What tests and benchmarks read from a running hub, beside its GraphQL and HTTP API: counters and figures that
 * clients cannot see, and one shortcut that stores bytes as the resource service would. Declared for them so
 * that they need not reach into the hub's implementation; not for clients (it may change with the hub).
 */
public interface HubDiagnostics {

	/** The resource service's chunk size: a resumable upload is committed by whole chunks. */
	int RESOURCE_CHUNK_SIZE = 255 * 1024;

	/** @return body bytes the resource service (seed 003) has received since the hub started */
	long resourceBytesReceived();

	/**
	 * @param md5 lower-case hex MD5 of a file's content
	 * @return how many files with that content the resource service holds
	 */
	long storedFiles(String md5);

	/**
	 * @return the verification's figures since the start: images verified, bytes read, nanoseconds spent
	 */
	long[] verificationStats();

	/**
	 * Stores the bytes of a registered GridFS image under its upload token, as the resource service does when a
	 * client uploads them (then the image is Uploaded and verified): for tests that need Ready images without
	 * the HTTP transfer.
	 *
	 * @param uploadId the {@code uid} of the upload URL the registration handed out
	 * @param bytes    the image's bytes
	 * @throws IOException when they cannot be stored
	 */
	void storeUpload(String uploadId, InputStream bytes) throws IOException;
}
