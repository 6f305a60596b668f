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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * GetUploadState (seed 003, 3.1): starts an upload, or tells how far it is. Its {@code data}:
 * {@code AllowUpload} (0 being uploaded by another client, 1 may upload, then with the {@code UUrl} to
 * POST to, 2 complete), {@code FileLenth}, {@code FileID} (when complete), {@code UploadLength}. An upload
 * of a platform image ({@code uid} of the image) is never redirected to a peer.
 *
 * @param auth    the caller's credentials
 * @param uploads the uploads
 * @param peers   the other hubs
 * @param base    the hub's public base URL
 */
record GetUploadState(ResourceAuth auth, Uploads uploads, Peers peers, Supplier<URI> base) implements ResourceAction {

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String md5 = Params.md5(query.getValue("md5"));
		String uid = Params.blankToNull(query.getValue("uid"));
		boolean imageFlow = uid != null && uid.indexOf('.') > 0;
		if (!imageFlow && peers.redirect(response, callback, md5)) {
			return;
		}
		String filename = Params.filename(Params.blankToNull(query.getValue("filename")));
		long length = Params.length(query.getValue("FileLenth"), uploads.maxBytes(), "upload of "
				+ (filename != null ? filename : "md5 " + md5));
		UploadState s = uploads.state(new UploadAsk(user, md5, filename,
				Params.directory(Params.blankToNull(query.getValue("directory"))), uid, length,
				Params.fileInfo(query.getValue("fileinfo"))));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("AllowUpload", s.allow());
		data.put("FileLenth", s.fileLength());
		data.put("FileID", s.fileId());
		if (s.allow() == 1) {
			data.put("UUrl", base.get() + "Resource/Upload?uid=" + URLEncoder.encode(s.uid(), StandardCharsets.UTF_8));
		}
		data.put("UploadLength", s.uploadLength());
		data.put("ExecuteCode", 1);
		Replies.ok(response, callback, data);
	}
}
