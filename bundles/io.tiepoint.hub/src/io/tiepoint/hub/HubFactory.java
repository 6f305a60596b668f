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
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * What the API asks of the hub's implementation: the API ({@link Hub}, {@link HubCredentials}) does not
 * import its implementation; the hub bundle declares one factory in
 * {@code META-INF/services/io.tiepoint.hub.HubFactory}, found with {@link ServiceLoader} through the
 * bundle's own class loader. Callers use {@link Hub#start} and {@link HubCredentials#open}, never this.
 */
public interface HubFactory {

	/**
	 * @param config what to run
	 * @return the running hub
	 * @throws IOException when the data directory, the database or the port cannot be opened
	 */
	Hub start(HubConfig config) throws IOException;

	/**
	 * @param dataDir the hub's data directory
	 * @return its credentials file
	 * @throws IOException when it cannot be read
	 */
	HubCredentials.Store credentials(Path dataDir) throws IOException;

	/** @return the implementation of this bundle */
	static HubFactory get() {
		return ServiceLoader.load(HubFactory.class, HubFactory.class.getClassLoader()).findFirst()
				.orElseThrow(() -> new IllegalStateException("the hub bundle declares no HubFactory"));
	}
}
