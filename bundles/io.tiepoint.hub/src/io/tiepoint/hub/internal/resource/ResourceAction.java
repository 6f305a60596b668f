/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.io.IOException;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One action of the resource service (seed 003): what answers {@code /Resource/<action>}. It answers with
 * {@link Replies} or throws a {@link ResourceException}, which the {@link ResourceHandler} answers.
 */
interface ResourceAction {

	/**
	 * @param request  the request
	 * @param response its response
	 * @param callback completed when the answer is written
	 * @param query    the request's query parameters
	 * @throws IOException when the answer cannot be written
	 */
	void handle(Request request, Response response, Callback callback, Fields query) throws IOException;
}
