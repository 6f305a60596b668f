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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import com.mongodb.MongoException;

import io.tiepoint.hub.HubLimits;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.store.FileIds;
import io.tiepoint.hub.internal.store.ProjectStore;

/**
 * The GridFS resource service of seed 003 under {@code /Resource/}: GetUploadState, Upload (POST of a
 * UUrl, with {@code Range}), GetDownloadUrl, DownloadUrl (ranged GET), GetFileInfo, GetUserFiles,
 * Convert ({@link Converter}), GetOnlinePlayUrl and OnlinePlayUrl ({@link OnlinePlay}). Calls other
 * than the upload, download and play URLs carry the seed's {@code APPID}, {@code License}
 * and {@code PackageName} ({@link ResourceAuth}). A user sees, fetches and converts only the files they
 * uploaded or whose project they own ({@link FileAccess}); uploads are per user ({@link Uploads}); the
 * URLs handed out are built from the hub's public address, never the request's {@code Host}. Every answer
 * is the seed's JSON {@code {message, data, code}}, errors with the HTTP status as {@code code}. With
 * peers, requests for md5s or FileIDs of another hub's prefix answer {@code code 300} with its
 * {@code HostName} and {@code Port}. Other paths are left to the next handler.
 */
public final class ResourceHandler extends Handler.Abstract {

	private static final HubLog LOG = HubLog.of(ResourceHandler.class);
	private static final String PREFIX = "/Resource/";
	private static final long DRAIN_MAX = 16L * 1024 * 1024;
	private final ResourceAuth auth;
	private final Uploads uploads;
	private final FileAccess access;
	private final FileReads reads;
	private final DownloadLinks links;
	private final Downloads downloads;
	private final OnlinePlay play;
	private final Map<String, URI> peers;
	private final Supplier<URI> base;
	private final Supplier<Boolean> closing;

	/**
	 * @param credentials app key, user tokens and the link secret
	 * @param uploads     the upload side
	 * @param store       the chunks
	 * @param projects    the projects (their owners see their files)
	 * @param converter   conversion
	 * @param limits      the download links' validity
	 * @param peers       md5 prefix to peer hub
	 * @param base        the hub's public base URL, for the URLs it hands out
	 * @param closing     whether the hub is shutting down
	 */
	public ResourceHandler(CredentialsFile credentials, Uploads uploads, ChunkStore store, ProjectStore projects,
			Converter converter, HubLimits limits, Map<String, URI> peers, Supplier<URI> base, Supplier<Boolean> closing) {
		this.auth = new ResourceAuth(credentials);
		this.uploads = uploads;
		this.access = new FileAccess(store, projects);
		this.reads = new FileReads(access, store, converter);
		this.links = new DownloadLinks(credentials, limits.downloadLinkValidity(), base);
		this.downloads = new Downloads(auth, links, access, store);
		this.play = new OnlinePlay(links, access, downloads, converter, limits.downloadLinkValidity(), base);
		this.peers = peers;
		this.base = base;
		this.closing = closing;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		String path = Request.getPathInContext(request);
		if (!path.startsWith(PREFIX)) {
			return false;
		}
		String action = path.substring(PREFIX.length());
		try {
			Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
			switch (action) {
			case "Upload" -> upload(request, response, callback, query);
			case "DownloadUrl" -> download(request, response, callback, query);
			case "GetUploadState" -> getUploadState(request, response, callback, query);
			case "GetDownloadUrl" -> getDownloadUrl(request, response, callback, query);
			case "GetFileInfo" -> getFileInfo(request, response, callback, query);
			case "GetUserFiles" -> getUserFiles(request, response, callback);
			case "Convert" -> convert(request, response, callback, query);
			case "GetOnlinePlayUrl" -> getOnlinePlayUrl(request, response, callback, query);
			case "OnlinePlayUrl" -> play.play(request, response, callback, query);
			default -> throw new ResourceException(404, "no such resource action: " + Params.abbreviate(action));
			}
		} catch (ResourceException e) {
			Replies.error(response, callback, e.status(), e.getMessage(), e.data());
		} catch (MongoException | IllegalStateException e) {
			if (!closing.get()) {
				LOG.warn("resource action " + action + " failed", e);
			}
			Replies.error(response, callback, 503, "the hub's database failed (" + e.getClass().getSimpleName()
					+ "); try again", null);
		} catch (RuntimeException e) {
			LOG.error("resource action " + action + " failed", e);
			Replies.error(response, callback, 500, "internal error in " + action, null);
		}
		return true;
	}

	// ---- requests

	private void getUploadState(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String md5 = Params.md5(query.getValue("md5"));
		String uid = Params.blankToNull(query.getValue("uid"));
		boolean imageFlow = uid != null && uid.indexOf('.') > 0;
		if (!imageFlow && redirect(response, callback, md5)) {
			return;
		}
		String filename = Params.filename(Params.blankToNull(query.getValue("filename")));
		long length = Params.length(query.getValue("FileLenth"), uploads.maxBytes(), "upload of "
				+ (filename != null ? filename : "md5 " + md5));
		Uploads.State s = uploads.state(new Uploads.Ask(user, md5, filename,
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

	private void upload(Request request, Response response, Callback callback, Fields query) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.getHeaders().put(HttpHeader.ALLOW, "POST");
			throw new ResourceException(405, "use POST to upload");
		}
		long length = request.getLength();
		String fileId;
		try (InputStream in = Content.Source.asInputStream(request)) {
			try {
				fileId = uploads.receive(query.getValue("uid"), UploadRange.of(request.getHeaders().get(HttpHeader.RANGE), query.getValue("Range")), length, in);
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
			if (t instanceof java.util.concurrent.TimeoutException) {
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

	private void download(Request request, Response response, Callback callback, Fields query) throws IOException {
		String fid = Params.fileId(query.getValue("id"), "id");
		String user = downloads.caller(request, query, fid);
		if (!redirect(response, callback, FileIds.routeOf(fid))) {
			downloads.serve(request, response, callback, user, fid);
		}
	}

	private void getDownloadUrl(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String fid = Params.fileId(query.getValue("FID"), "FID");
		if (!redirect(response, callback, FileIds.routeOf(fid))) {
			access.readable(user, fid);
			Replies.ok(response, callback, links.link(user, fid));
		}
	}

	private void getOnlinePlayUrl(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String fid = Params.fileId(query.getValue("FID"), "FID");
		if (!redirect(response, callback, FileIds.routeOf(fid))) {
			Replies.ok(response, callback, play.link(user, fid, query.getValue("host")));
		}
	}

	private void getFileInfo(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = auth.user(request);
		String fid = Params.fileId(query.getValue("fileid"), "fileid");
		if (!redirect(response, callback, FileIds.routeOf(fid))) {
			Replies.ok(response, callback, reads.fileInfo(user, fid));
		}
	}

	private void getUserFiles(Request request, Response response, Callback callback) throws IOException {
		Replies.ok(response, callback, reads.userFiles(auth.user(request)));
	}

	private void convert(Request request, Response response, Callback callback, Fields query) throws IOException {
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
		if (!redirect(response, callback, FileIds.routeOf(fid))) {
			Replies.ok(response, callback, reads.convert(user, fid, type, level));
		}
	}

	// ---- helpers

	private boolean redirect(Response response, Callback callback, String hex) throws IOException {
		URI peer = null;
		int best = 0;
		for (Map.Entry<String, URI> e : peers.entrySet()) {
			if (hex.startsWith(e.getKey()) && e.getKey().length() > best) {
				best = e.getKey().length();
				peer = e.getValue();
			}
		}
		if (peer == null) {
			return false;
		}
		Replies.redirect(response, callback, peer);
		return true;
	}
}
