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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Ready image handed to a {@link ReconstructionEngine}, already copied from storage into the
 * task's work directory.
 *
 * @param id       image id
 * @param name     the client's original file name
 * @param filename the hub's unique file name (also the file name of {@code path})
 * @param path     the local copy
 */
public record TaskImage(String id, String name, String filename, Path path) {

	/**
	 * @return a new stream over the local copy; the caller closes it
	 * @throws IOException when the copy cannot be read
	 */
	public InputStream open() throws IOException {
		return Files.newInputStream(path);
	}
}
