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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.auth.CredentialsFile;

/**
 * The GridFS resource service of seed 003 under {@code /Resource/}: GetUploadState, Upload (POST of a
 * UUrl, with {@code Range}), GetDownloadUrl, DownloadUrl (ranged GET), GetFileInfo, GetUserFiles,
 * Convert. Calls other than the upload and download URLs carry the seed's {@code APPID}, {@code License}
 * and {@code PackageName}, as headers of those names or as the seed's user-info
 * {@code APPID:License@PackageName} (header {@code UserAction}, or HTTP Basic). Every answer is the
 * seed's JSON {@code {message, data, code}}; errors carry the HTTP status as {@code code}. With peers,
 * requests for md5s or FileIDs of another hub's prefix answer {@code code 300} with its
 * {@code HostName} and {@code Port}. Other paths are left to the next handler.
 */
public final class ResourceHandler extends Handler.Abstract {

	private static final HubLog LOG = HubLog.of(ResourceHandler.class);
	private static final String PREFIX = "/Resource/";
	private final ObjectMapper json = new ObjectMapper();
	private final CredentialsFile credentials;
	private final Uploads uploads;
	private final ChunkStore store;
	private final Converter converter;
	private final Map<String, URI> peers;
	private final Supplier<Boolean> closing;

	/**
	 * @param credentials app key and user tokens
	 * @param uploads     the upload side
	 * @param store       the chunks
	 * @param converter   image conversion
	 * @param peers       md5 prefix to peer hub
	 * @param closing     whether the hub is shutting down
	 */
	public ResourceHandler(CredentialsFile credentials, Uploads uploads, ChunkStore store, Converter converter,
			Map<String, URI> peers, Supplier<Boolean> closing) {
		this.credentials = credentials;
		this.uploads = uploads;
		this.store = store;
		this.converter = converter;
		this.peers = peers;
		this.closing = closing;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		String path = Request.getPathInContext(request);
		if (!path.startsWith(PREFIX)) {
			return false;
		}
		String action = path.substring(PREFIX.length());
		Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
		try {
			switch (action) {
			case "Upload" -> upload(request, response, callback, query);
			case "DownloadUrl" -> download(request, response, callback, query);
			case "GetUploadState" -> getUploadState(request, response, callback, query);
			case "GetDownloadUrl" -> getDownloadUrl(request, response, callback, query);
			case "GetFileInfo" -> getFileInfo(request, response, callback, query);
			case "GetUserFiles" -> getUserFiles(request, response, callback);
			case "Convert" -> convert(request, response, callback, query);
			default -> throw new ResourceException(404, "no such resource action: " + action);
			}
		} catch (ResourceException e) {
			error(response, callback, e.status(), e.getMessage(), e.data());
		} catch (MongoException | IllegalStateException e) {
			if (!closing.get()) {
				LOG.error("resource action " + action + " failed", e);
			}
			error(response, callback, 503, "the hub's database failed (" + e.getClass().getSimpleName()
					+ "); try again", null);
		}
		return true;
	}

	// ---- requests

	private void getUploadState(Request request, Response response, Callback callback, Fields query) throws IOException {
		String user = authenticate(request);
		String md5 = md5(query.getValue("md5"));
		String uid = blankToNull(query.getValue("uid"));
		boolean imageFlow = uid != null && uid.indexOf('.') > 0;
		if (!imageFlow && redirect(response, callback, md5)) {
			return;
		}
		Uploads.State s = uploads.state(user, md5, blankToNull(query.getValue("filename")),
				blankToNull(query.getValue("directory")), uid);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("AllowUpload", s.allow());
		data.put("FileLenth", s.fileLength());
		data.put("FileID", s.fileId());
		if (s.allow() == 1) {
			data.put("UUrl", base(request) + "Resource/Upload?uid=" + URLEncoder.encode(s.uid(), StandardCharsets.UTF_8));
		}
		data.put("UploadLength", s.uploadLength());
		data.put("ExecuteCode", 1);
		ok(response, callback, data);
	}

	/**
	 * Reads (and drops) a refused request's body when it is small, so that a client still sending it
	 * reads the error instead of a broken pipe; a large body is cut off by closing the connection.
	 */
	private static void drain(Request request) {
		long length = request.getLength();
		if (length < 0 || length > 16L * 1024 * 1024) {
			return;
		}
		try (InputStream in = Content.Source.asInputStream(request)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		} catch (IOException ignored) {
			// the client went away: nothing to answer
		}
	}

	private void upload(Request request, Response response, Callback callback, Fields query) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.getHeaders().put(HttpHeader.ALLOW, "POST");
			throw new ResourceException(405, "use POST to upload");
		}
		long start;
		try {
			start = range(request.getHeaders().get(HttpHeader.RANGE));
		} catch (ResourceException e) {
			drain(request);
			response.getHeaders().put(HttpHeader.CONNECTION, "close");
			throw e;
		}
		long length = request.getLength();
		String fileId;
		try (InputStream in = Content.Source.asInputStream(request)) {
			try {
				fileId = uploads.receive(query.getValue("uid"), start, length, in);
			} catch (ResourceException refused) {
				if (length >= 0 && length <= 16L * 1024 * 1024) { // let the client finish sending, then read the error
					try {
						in.transferTo(java.io.OutputStream.nullOutputStream());
					} catch (IOException gone) {
						// nothing to answer
					}
				}
				throw refused;
			}
		} catch (ResourceException e) {
			// the body may be unread: the connection cannot be reused
			response.getHeaders().put(HttpHeader.CONNECTION, "close");
			throw e;
		} catch (IOException e) {
			// the client is gone (or the hub is stopping): the committed chunks stay
			callback.failed(e);
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "OK");
		body.put("code", 200);
		if (fileId != null) {
			response.getHeaders().put("FileID", fileId);
		}
		write(response, callback, 200, body);
	}

	private void getDownloadUrl(Request request, Response response, Callback callback, Fields query) throws IOException {
		authenticate(request);
		String fid = fileId(query.getValue("FID"), "FID");
		if (redirect(response, callback, FileIds.routeOf(fid))) {
			return;
		}
		file(fid);
		ok(response, callback, base(request) + "Resource/DownloadUrl?id=" + fid + "&sig=" + sign(fid));
	}

	private void download(Request request, Response response, Callback callback, Fields query) throws IOException {
		if (!"GET".equals(request.getMethod())) {
			throw new ResourceException(405, "use GET to download");
		}
		String fid = fileId(query.getValue("id"), "id");
		String sig = query.getValue("sig");
		if (sig == null || !MessageDigest.isEqual(sign(fid).getBytes(StandardCharsets.US_ASCII),
				sig.getBytes(StandardCharsets.US_ASCII))) {
			authenticate(request);
		}
		if (redirect(response, callback, FileIds.routeOf(fid))) {
			return;
		}
		Document file = file(fid);
		long length = file.get("length", Number.class).longValue();
		String name = file.getString("filename");
		long from = 0;
		long to = length - 1;
		String range = request.getHeaders().get(HttpHeader.RANGE);
		boolean partial = range != null;
		if (partial) {
			long[] r = byteRange(range, length, name);
			from = r[0];
			to = r[1];
			if (from >= length) {
				response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + length);
				throw new ResourceException(416, "download of " + name + ": Range " + range + " is past the end ("
						+ length + " bytes)");
			}
		}
		response.setStatus(partial ? 206 : 200);
		response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
		response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION,
				"attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		if (partial) {
			response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + length);
		}
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, to - from + 1);
		ObjectId id = FileIds.idOf(fid);
		try (InputStream in = store.open(id, to + 1, from); OutputStream out = Content.Sink.asOutputStream(response)) {
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

	private void getFileInfo(Request request, Response response, Callback callback, Fields query) throws IOException {
		authenticate(request);
		String fid = fileId(query.getValue("fileid"), "fileid");
		if (redirect(response, callback, FileIds.routeOf(fid))) {
			return;
		}
		ok(response, callback, info(fid, file(fid), true));
	}

	private Map<String, Object> info(String fid, Document file, boolean full) {
		Document meta = file.get("metadata", Document.class);
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("FileName", file.getString("filename"));
		d.put("FileInfo", meta == null || meta.getString("directory") == null ? "/" : meta.getString("directory"));
		d.put("MD5", meta == null ? "" : meta.getString("md5"));
		d.put("FileID", fid);
		if (full) {
			d.put("UpdateTime", String.valueOf(file.getDate("uploadDate").getTime()));
			d.put("ExecuteCode", 1);
			d.put("Size", file.get("length", Number.class).longValue());
		}
		return d;
	}

	private void getUserFiles(Request request, Response response, Callback callback) throws IOException {
		String user = authenticate(request);
		List<Map<String, Object>> list = new ArrayList<>();
		for (Document f : store.files().find(Filters.eq("metadata.user", user))) {
			Document meta = f.get("metadata", Document.class);
			if (!"derived".equals(meta.getString("kind"))) {
				list.add(info(FileIds.of(meta.getString("route"), f.getObjectId("_id")), f, false));
			}
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("Count", list.size());
		data.put("FileList", list);
		data.put("ExecuteCode", 1);
		ok(response, callback, data);
	}

	private void convert(Request request, Response response, Callback callback, Fields query) throws IOException {
		authenticate(request);
		String fid = fileId(query.getValue("fileid"), "fileid");
		String type = blankToNull(query.getValue("ConverType"));
		if (type != null && !type.matches("[0-9]")) {
			throw new ResourceException(400, "ConverType must be 0 (video), 1 (audio), 2 (document) or 3 (image)");
		}
		if (redirect(response, callback, FileIds.routeOf(fid))) {
			return;
		}
		file(fid);
		Converter.Result r = type == null || type.equals("3") ? converter.convert(fid)
				: new Converter.Result("NoSupport", -1, List.of());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("Type", r.type());
		data.put("Waiting", r.waiting());
		data.put("FileID", fid);
		List<Map<String, Object>> list = new ArrayList<>();
		for (Document d : r.list()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("FileID", d.getString("FileID"));
			e.put("Level", d.getInteger("Level"));
			list.add(e);
		}
		data.put("FileList", list);
		data.put("ExecuteCode", 1);
		ok(response, callback, data);
	}

	// ---- helpers

	private Document file(String fid) {
		Document file = store.file(FileIds.idOf(fid));
		Document meta = file == null ? null : file.get("metadata", Document.class);
		if (meta == null || !FileIds.routeOf(fid).equals(meta.getString("route"))) {
			throw new ResourceException(404, "no file " + fid + " on this hub");
		}
		return file;
	}

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
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("Port", String.valueOf(peer.getPort()));
		data.put("HostName", peer.getHost());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Multiple Choices");
		body.put("data", data);
		body.put("code", 300);
		write(response, callback, 300, body);
		return true;
	}

	/** @return the user the License belongs to; checks APPID and PackageName */
	private String authenticate(Request request) {
		String appId = request.getHeaders().get("APPID");
		String license = request.getHeaders().get("License");
		String packageName = request.getHeaders().get("PackageName");
		String userInfo = request.getHeaders().get("UserAction");
		String basic = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		if (userInfo == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				userInfo = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
			} catch (IllegalArgumentException e) {
				throw new ResourceException(400, "malformed Authorization header");
			}
		}
		if (userInfo != null && appId == null && license == null) {
			int colon = userInfo.indexOf(':');
			int at = userInfo.lastIndexOf('@');
			if (colon < 0) {
				throw new ResourceException(400, "user info must be APPID:License@PackageName");
			}
			appId = userInfo.substring(0, colon);
			license = at > colon ? userInfo.substring(colon + 1, at) : userInfo.substring(colon + 1);
			if (at > colon && packageName == null) {
				packageName = userInfo.substring(at + 1);
			}
		}
		if (appId == null || appId.isEmpty()) {
			throw new ResourceException(401, "missing APPID");
		}
		if (!credentials.isAppKey(appId)) {
			throw new ResourceException(401, "invalid APPID");
		}
		if (license == null || license.isEmpty()) {
			throw new ResourceException(401, "missing License");
		}
		Optional<String> user = credentials.userOf(license);
		if (user.isEmpty()) {
			throw new ResourceException(401, "invalid License");
		}
		if (packageName == null || packageName.isBlank()) {
			throw new ResourceException(400, "missing PackageName");
		}
		return user.get();
	}

	private static String md5(String md5) {
		if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
			throw new ResourceException(400, "md5 must be 32 lower-case hex digits"
					+ (md5 == null ? " (missing)" : ", got '" + abbreviate(md5) + "'"));
		}
		return md5;
	}

	private static String fileId(String fid, String parameter) {
		if (!FileIds.valid(fid)) {
			throw new ResourceException(400, parameter + " must be a FileID (32 lower-case hex digits)"
					+ (fid == null ? " (missing)" : ", got '" + abbreviate(fid) + "'"));
		}
		return fid;
	}

	private static String abbreviate(String s) {
		String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
		return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/** The seed's Range of an upload: the start offset, {@code N} or {@code bytes=N-}. */
	static long range(String header) {
		if (header == null || header.isBlank()) {
			return 0;
		}
		String h = header.trim();
		if (h.startsWith("bytes=")) {
			h = h.substring(6);
			int dash = h.indexOf('-');
			if (dash < 0 || dash != h.length() - 1) {
				throw new ResourceException(400, "upload Range must be a start offset (N or bytes=N-), got '"
						+ abbreviate(header) + "'");
			}
			h = h.substring(0, dash);
		}
		try {
			long start = Long.parseLong(h);
			if (start < 0) {
				throw new ResourceException(416, "upload Range must not be negative, got " + start);
			}
			return start;
		} catch (NumberFormatException e) {
			throw new ResourceException(400, "upload Range must be a start offset (N or bytes=N-), got '"
					+ abbreviate(header) + "'");
		}
	}

	/** A download Range: {@code bytes=A-}, {@code bytes=A-B}, {@code bytes=-N}, or the seed's plain {@code A}. */
	private static long[] byteRange(String header, long length, String name) {
		String h = header.trim();
		try {
			if (!h.startsWith("bytes=")) {
				long a = Long.parseLong(h);
				if (a < 0) {
					throw new NumberFormatException();
				}
				return new long[] { a, length - 1 };
			}
			h = h.substring(6);
			if (h.contains(",")) {
				throw new ResourceException(416, "download of " + name + ": multiple ranges are not supported");
			}
			int dash = h.indexOf('-');
			String a = h.substring(0, dash).trim();
			String b = h.substring(dash + 1).trim();
			if (a.isEmpty()) {
				long n = Long.parseLong(b);
				return new long[] { Math.max(0, length - n), length - 1 };
			}
			long from = Long.parseLong(a);
			long to = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
			if (from < 0 || to < from && from < length) {
				throw new NumberFormatException();
			}
			return new long[] { from, to };
		} catch (NumberFormatException | StringIndexOutOfBoundsException e) {
			throw new ResourceException(416, "download of " + name + ": malformed Range '" + abbreviate(header) + "'");
		}
	}

	private String sign(String fid) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(credentials.appKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] h = mac.doFinal(("download:" + fid).getBytes(StandardCharsets.US_ASCII));
			return java.util.HexFormat.of().formatHex(h, 0, 16);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return scheme and authority the client used (behind a proxy too), with a trailing slash */
	private static String base(Request request) {
		HttpURI uri = request.getHttpURI();
		return uri.getScheme() + "://" + uri.getAuthority() + "/";
	}

	private void ok(Response response, Callback callback, Object data) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "OK");
		body.put("data", data);
		body.put("code", 200);
		write(response, callback, 200, body);
	}

	private void error(Response response, Callback callback, int status, String message, Map<String, Object> data)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		if (data != null) {
			body.put("data", data);
		}
		body.put("code", status);
		write(response, callback, status, body);
	}

	private void write(Response response, Callback callback, int status, Object body) throws IOException {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
		response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
	}
}
