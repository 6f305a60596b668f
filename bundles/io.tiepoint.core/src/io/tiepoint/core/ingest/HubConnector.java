/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.io.IOException;

/**
 * Turns a project's hub setting ({@code embedded} or a URL) into an endpoint with credentials. The
 * fronts provide it: the embedded hub runs in their process.
 */
@FunctionalInterface
public interface HubConnector {

	/**
	 * @param hub {@code embedded} or a base URL
	 * @return the endpoint
	 * @throws IOException when the hub cannot be started or reached, or no credentials are known
	 */
	HubEndpoint connect(String hub) throws IOException;
}
