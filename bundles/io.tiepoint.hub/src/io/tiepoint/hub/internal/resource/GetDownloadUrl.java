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
 * GetDownloadUrl (seed 003, 3.3): a signed, expiring link to download a file the caller may see
 * ({@link DownloadLinks}).
 *
 * @param auth   the caller's credentials
 * @param access who may see which file
 * @param links  the download links
 * @param peers  the other hubs
 */
record GetDownloadUrl(ResourceAuth auth, FileAccess access, DownloadLinks links, Peers peers) implements ResourceAction {

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String fid = Params.fileId(query.getValue("FID"), "FID");
		if (!peers.redirect(response, callback, FileIds.routeOf(fid))) {
			access.readable(user, fid);
			Replies.ok(response, callback, links.link(user, fid));
		}
	}
}
