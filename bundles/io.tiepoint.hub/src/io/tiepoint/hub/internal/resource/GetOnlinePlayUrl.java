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
 * GetOnlinePlayUrl (seed 003, 3.8): a signed link to stream a file to the addresses of {@code host}
 * ({@link OnlinePlay}).
 *
 * @param auth  the caller's credentials
 * @param play  online play
 * @param peers the other hubs
 */
record GetOnlinePlayUrl(ResourceAuth auth, OnlinePlay play, Peers peers) implements ResourceAction {

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String fid = Params.fileId(query.getValue("FID"), "FID");
		if (!peers.redirect(response, callback, FileIds.routeOf(fid))) {
			Replies.ok(response, callback, play.link(user, fid, query.getValue("host")));
		}
	}
}
