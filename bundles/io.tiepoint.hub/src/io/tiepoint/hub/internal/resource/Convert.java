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
 * Convert (seed 003, 3.5): converts a file the caller may see, or tells how far it is ({@link Converter}):
 * {@code ConverType} 0 video, 1 audio, 2 document, 3 (or none) image; {@code Level} 1..3 for audio.
 *
 * @param auth  the caller's credentials
 * @param reads the answers about files
 * @param peers the other hubs
 */
record Convert(ResourceAuth auth, FileReads reads, Peers peers) implements ResourceAction {

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String fid = Params.fileId(query.getValue("fileid"), "fileid");
		String type = Params.blankToNull(query.getValue("ConverType"));
		if (type != null && !type.matches("[0-9]")) {
			throw new ResourceException(400, "ConverType must be 0 (video), 1 (audio), 2 (document) or 3 (image)");
		}
		String level = Params.blankToNull(query.getValue("Level"));
		if (level != null && !level.matches("[123]")) {
			throw new ResourceException(400, "Level must be 1, 2 or 3 (audio: 128, 256 or 320 kbps), got '"
					+ Params.abbreviate(level) + "'");
		}
		if (!peers.redirect(response, callback, FileIds.routeOf(fid))) {
			Replies.ok(response, callback, reads.convert(user, fid, type, level));
		}
	}
}
