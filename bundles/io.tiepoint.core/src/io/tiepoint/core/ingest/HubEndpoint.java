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

import java.net.URI;

/**
 * A platform to talk to.
 *
 * @param uri   its base URI (GraphQL below it at {@code graphql})
 * @param key   the app key
 * @param token the user token
 */
public record HubEndpoint(URI uri, String key, String token) {

	@Override
	public String toString() {
		return "HubEndpoint[" + uri + "]"; // never the key or the token
	}
}
