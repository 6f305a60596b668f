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

import java.io.IOException;
import java.util.Optional;

/**
 * Creates a {@link HubCloud} at hub start: the {@code class} of a contribution to
 * {@code io.tiepoint.hub.clouds}, with a public no-argument constructor.
 */
@FunctionalInterface
public interface HubCloudFactory {

	/**
	 * @param context the contribution's id, the hub's settings for it, its base URI
	 * @return the cloud, or empty when it is not configured on this hub (it is then not served, which is no
	 *         error)
	 * @throws IOException when it is configured but cannot be used (bad settings, store unreachable): the hub
	 *                     does not start
	 */
	Optional<HubCloud> create(HubCloudContext context) throws IOException;
}
