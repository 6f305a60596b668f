/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.util.Optional;

/**
 * An open connection to one destination. A session answers {@link #feature(Class)} with the
 * capabilities its destination has: {@link SinglePut}, {@link MultipartPut}, {@link OffsetResumable},
 * {@link ExistsByChecksum}, {@link RangedDownload}, {@link BatchCommit}. Sessions are used from several threads at
 * once.
 */
public interface StorageSession extends AutoCloseable {

	/**
	 * @param <T>        the capability
	 * @param capability one of the capability interfaces of this package
	 * @return the capability, or empty when the destination does not have it
	 */
	<T> Optional<T> feature(Class<T> capability);

	/** Releases connections. */
	@Override
	void close();
}
