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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.StoredFile;

/**
 * The download of seed 003 (3.4, resumable by {@code Range} as 2.2 describes): a GET of a link from
 * GetDownloadUrl, or of {@code DownloadUrl?id=FID} with the caller's credentials. Either way the file
 * must be one the caller may see.
 */
final class Downloads {

	private final ResourceAuth auth;
	private final DownloadLinks links;
	private final FileAccess access;
	private final ChunkStore store;

	Downloads(ResourceAuth auth, DownloadLinks links, FileAccess access, ChunkStore store) {
		this.auth = auth;
		this.links = links;
		this.access = access;
		this.store = store;
	}

	/**
	 * @param request the GET @param query its parameters @param fid the file
	 * @return who downloads: the user a valid link was made for, or the caller of a request with credentials
	 */
	String caller(Request request, Fields query, String fid) {
		if (!"GET".equals(request.getMethod())) {
			throw new ResourceException(405, "use GET to download");
		}
		String sig = query.getValue("sig");
		if (sig == null) {
			return auth.user(request);
		}
		return links.verify(fid, query.getValue("u"), query.getValue("exp"), sig).orElseThrow(() -> new ResourceException(403,
				"the download link of file " + fid + " is invalid, expired or revoked; ask GetDownloadUrl for a new one"));
	}

	/** Streams the file, or the part a {@code Range} header asks for, as an attachment. */
	void serve(Request request, Response response, Callback callback, String user, String fid) throws IOException {
		serve(request, response, callback, user, fid, "application/octet-stream", false);
	}

	/**
	 * Streams the file, or the part a {@code Range} header asks for.
	 *
	 * @param contentType its media type
	 * @param inline      whether to show it in place (online play) rather than save it
	 */
	void serve(Request request, Response response, Callback callback, String user, String fid, String contentType,
			boolean inline) throws IOException {
		StoredFile file = access.readable(user, fid);
		long length = file.length();
		String name = file.filename();
		long from = 0;
		long to = length - 1;
		String range = request.getHeaders().get(HttpHeader.RANGE);
		boolean partial = range != null;
		if (partial) {
			long[] r = DownloadRange.parse(range, length, name);
			from = r[0];
			to = r[1];
			if (from >= length) {
				response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + length);
				throw new ResourceException(416, "download of " + name + ": Range " + Params.abbreviate(range)
						+ " is past the end (" + length + " bytes)");
			}
		}
		response.setStatus(partial ? 206 : 200);
		response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
		response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION,
				(inline ? "inline" : "attachment") + "; filename*=UTF-8''"
						+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		if (partial) {
			response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + length);
		}
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, to - from + 1);
		try (InputStream in = store.open(file.id(), to + 1, from); OutputStream out = Content.Sink.asOutputStream(response)) {
			byte[] buf = new byte[ChunkStore.CHUNK_SIZE];
			for (int n; (n = in.read(buf)) > 0;) {
				out.write(buf, 0, n);
			}
		} catch (IOException | RuntimeException e) {
			callback.failed(e);
			return;
		}
		callback.succeeded();
	}
}
