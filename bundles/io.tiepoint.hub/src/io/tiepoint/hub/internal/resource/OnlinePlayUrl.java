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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import io.tiepoint.hub.internal.store.files.StoredFile;

/**
 * OnlinePlayUrl (seed 003, 3.9): streams the file of a valid play link ({@link OnlinePlay}) to a client
 * whose address is in the link's whitelist, ranged (206, so players seek), with the file's media type.
 *
 * @param links     the links' secret and the users' tokens
 * @param access    who may see which file
 * @param downloads the streaming
 */
record OnlinePlayUrl(DownloadLinks links, FileAccess access, Downloads downloads) implements ResourceAction {

	/** Media types by extension; anything else is application/octet-stream. */
	static final Map<String, String> TYPES = Map.ofEntries(Map.entry("mp4", "video/mp4"),
			Map.entry("m4v", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"),
			Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("wav", "audio/wav"),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain; charset=utf-8"));

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		if (!"GET".equals(request.getMethod())) {
			throw new ResourceException(405, "use GET to play");
		}
		String fid = Params.fileId(query.getValue("id"), "id");
		String user = query.getValue("u");
		String hosts = query.getValue("host");
		String exp = query.getValue("exp");
		String sig = query.getValue("sig");
		String refused = "the play link of file " + fid + " is invalid, expired or not for this address; ask GetOnlinePlayUrl";
		if (user == null || hosts == null || exp == null || sig == null || !exp.matches("\\d{1,12}")
				|| Long.parseLong(exp) * 1000 <= System.currentTimeMillis()) {
			throw new ResourceException(403, refused);
		}
		String token = links.token(user).orElseThrow(() -> new ResourceException(403, refused));
		String expected = links.mac("play", fid, user, hosts, exp, token);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
			throw new ResourceException(403, refused);
		}
		String client = OnlinePlay.address(Request.getRemoteAddr(request));
		if (client == null || !Set.of(hosts.split("\\|")).contains(client)) {
			throw new ResourceException(403, refused);
		}
		StoredFile file = access.readable(user, fid);
		String type = TYPES.getOrDefault(file.extension(), "application/octet-stream");
		downloads.serve(request, response, callback, user, fid, type, true);
	}
}
