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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import io.tiepoint.hub.internal.HubLog;

/**
 * Upload (seed 003, 3.2): the POST of a UUrl, its body written from the {@link UploadRange} on. Answers
 * {@code {message, code}}, with the {@code FileID} header when the file is complete. A refused POST's
 * small body is read first, so that a client still sending reads the error; a body that breaks off keeps
 * the chunks committed before (the client resumes from the offset GetUploadState tells).
 *
 * @param uploads the uploads
 * @param closing whether the hub is shutting down
 */
record Upload(Uploads uploads, Supplier<Boolean> closing) implements ResourceAction {

	private static final HubLog LOG = HubLog.of(Upload.class);
	private static final long DRAIN_MAX = 16L * 1024 * 1024;

	@Override
	public void handle(Request request, Response response, Callback callback, Fields query) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.getHeaders().put(HttpHeader.ALLOW, "POST");
			throw new ResourceException(405, "use POST to upload");
		}
		long length = request.getLength();
		String fileId;
		try (InputStream in = Content.Source.asInputStream(request)) {
			try {
				fileId = uploads.receive(query.getValue("uid"), UploadRange.of(request.getHeaders().get(HttpHeader.RANGE),
						query.getValue("Range")), length, in);
			} catch (ResourceException refused) {
				drain(in, length); // let a client still sending read the error rather than a broken pipe
				throw refused;
			}
		} catch (ResourceException e) {
			response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the body may be unread
			throw e;
		} catch (IOException e) {
			// the body broke off: the committed chunks stay; the client (if it still reads) resumes from the offset
			LOG.warn(e.getMessage());
			response.getHeaders().put(HttpHeader.CONNECTION, "close");
			throw new ResourceException(closing.get() ? 503 : timedOut(e) ? 408 : 400,
					closing.get() ? e.getMessage() + " (the hub is stopping)" : e.getMessage());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "OK");
		body.put("code", 200);
		if (fileId != null) {
			response.getHeaders().put("FileID", fileId);
		}
		Replies.write(response, callback, 200, body);
	}

	private static boolean timedOut(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** Reads (and drops) a refused request's body when small; a large one is cut off by closing the connection. */
	private static void drain(InputStream in, long length) {
		if (length >= 0 && length <= DRAIN_MAX) {
			try {
				in.transferTo(OutputStream.nullOutputStream());
			} catch (IOException gone) {
				// nothing to answer
			}
		}
	}
}
