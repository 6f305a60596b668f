/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.tiepoint.hub.internal.HubException;

/** The calling user, put into the GraphQL context by the HTTP handler after checking the headers. */
final class Caller {

	/** Context key of the user name. */
	static final String USER = "tiepoint.user";
	/** The context key of the caller's address (an IP literal). */
	static final String ADDRESS = "tiepoint.address";

	private Caller() {
	}

	/** @param env the call @return the user name; a GraphQL error when no valid altitoken was sent */
	static String require(DataFetchingEnvironment env) {
		String user = env.getGraphQlContext().get(USER);
		if (user == null) {
			throw new HubException("UNAUTHENTICATED", "this call needs a valid altitoken header");
		}
		return user;
	}
}
