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
import io.tiepoint.hub.internal.store.FileIds;

/**
 * DownloadUrl (seed 003, 3.4): the ranged GET of a file, by a link of {@link GetDownloadUrl} or with the
 * caller's credentials ({@link Downloads}).
 *
 * @param downloads the downloads
 * @param peers     the other hubs
 */
record DownloadUrl(Downloads downloads, Peers peers) implements ResourceAction {

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		String fid = Params.fileId(query.getValue("id"), "id");
		String user = downloads.caller(request, query, fid);
		if (!peers.redirect(response, callback, FileIds.routeOf(fid))) {
			downloads.serve(request, response, callback, user, fid);
		}
	}
}
