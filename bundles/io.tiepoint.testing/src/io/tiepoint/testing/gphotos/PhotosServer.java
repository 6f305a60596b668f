/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.gphotos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Google Photos on loopback, for tests: no Google server runs here, so this one checks what Google
 * checks. It serves, under one base URI ({@link #uri()}, the provider's {@code gphotos.endpoint}):
 * <ul>
 * <li>{@code /token} and {@code /o/oauth2/v2/auth}: OAuth 2.0 for installed apps ({@link PhotosAuth}: clients,
 * PKCE, refresh tokens, access tokens that expire; an unknown or expired Bearer token is answered 401);</li>
 * <li>{@code /v1/uploads}: the resumable upload protocol of seed 004 ({@link PhotosUploads}: every start header,
 * granularity 262144, aligned chunks at the expected offset, {@code query}, finalize once, single-use upload
 * tokens that expire);</li>
 * <li>{@code /v1/albums}, {@code /v1/mediaItems:batchCreate}, {@code /v1/mediaItems:search}: albums and media
 * items ({@link PhotosLibrary}: scopes, app-created data, at most 50 items a call, per-item statuses);</li>
 * </ul>
 * and injects faults on demand ({@link PhotosFaults}: 429 with Retry-After, 5xx, a cut after N bytes). Every
 * request is counted by kind ({@link #calls(Call)}) and noted in a log without its tokens ({@link #log()}).
 */
public final class PhotosServer implements AutoCloseable {

	/** Scope: add to the library (uploads, media items, albums). */
	public static final String SCOPE_APPEND = "https://www.googleapis.com/auth/photoslibrary.appendonly";
	/** Scope: read what this app created. */
	public static final String SCOPE_READ_APP_CREATED = "https://www.googleapis.com/auth/photoslibrary.readonly.appcreateddata";
	/** Scope: read the whole library. */
	public static final String SCOPE_READONLY = "https://www.googleapis.com/auth/photoslibrary.readonly";
	/** Scope: everything. */
	public static final String SCOPE_FULL = "https://www.googleapis.com/auth/photoslibrary";

	/** The kinds of request, as counted. */
	public enum Call {
		/** The token endpoint. */
		TOKEN,
		/** The authorization endpoint (the user's browser). */
		AUTHORIZE,
		/** Anything on {@code /v1/uploads} (start, upload, query). */
		UPLOAD,
		/** {@code GET /v1/albums}. */
		ALBUMS_LIST,
		/** {@code POST /v1/albums}. */
		ALBUMS_CREATE,
		/** {@code POST /v1/mediaItems:batchCreate}. */
		BATCH_CREATE,
		/** {@code POST /v1/mediaItems:search}. */
		SEARCH
	}

	private final HttpServer http;
	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "photos-server");
		t.setDaemon(true);
		return t;
	});
	private final URI uri;
	private final PhotosAuth auth = new PhotosAuth();
	private final PhotosUploads uploads;
	private final PhotosLibrary library;
	private final PhotosFaults faults = new PhotosFaults();
	private final Map<Call, AtomicLong> calls = new EnumMap<>(Call.class);
	private final List<String> log = new CopyOnWriteArrayList<>();

	private PhotosServer() throws IOException {
		for (Call c : Call.values()) {
			calls.put(c, new AtomicLong());
		}
		uploads = new PhotosUploads(this);
		library = new PhotosLibrary(this);
		http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		http.createContext("/", this::serve);
		http.setExecutor(executor);
		http.start();
		uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
	}

	/**
	 * Starts a server on a free loopback port with one registered app.
	 *
	 * @param clientId     the app's client id
	 * @param clientSecret the app's client secret
	 * @return the server, listening
	 * @throws IOException when it cannot listen
	 */
	public static PhotosServer start(String clientId, String clientSecret) throws IOException {
		PhotosServer s = new PhotosServer();
		s.auth.client(clientId, clientSecret);
		return s;
	}

	/** @return the base URI of uploads and the API (the provider's {@code gphotos.endpoint}) */
	public URI uri() {
		return uri;
	}

	/** @return the token endpoint (the provider's {@code gphotos.token.endpoint}) */
	public URI tokenEndpoint() {
		return URI.create(uri + "/token");
	}

	/** @return the authorization endpoint (the provider's {@code gphotos.auth.endpoint}) */
	public URI authEndpoint() {
		return URI.create(uri + "/o/oauth2/v2/auth");
	}

	/** @return the OAuth side: clients, tokens */
	public PhotosAuth auth() {
		return auth;
	}

	/** @return the resumable uploads */
	public PhotosUploads uploads() {
		return uploads;
	}

	/** @return albums and media items */
	public PhotosLibrary library() {
		return library;
	}

	/** @return the faults to inject */
	public PhotosFaults faults() {
		return faults;
	}

	/**
	 * @param call a kind of request
	 * @return how many were made (refused ones included)
	 */
	public long calls(Call call) {
		return calls.get(call).get();
	}

	/** @return what the server did, one line a request, in order (no token in it) */
	public List<String> log() {
		return List.copyOf(log);
	}

	void note(String line) {
		log.add(line);
	}

	@Override
	public void close() {
		http.stop(0);
		executor.shutdownNow();
	}

	private void serve(HttpExchange exchange) throws IOException {
		Http h = new Http(exchange);
		try {
			route(h);
		} catch (HttpError e) {
			note(h.method + " " + h.path + " -> " + e.code + " " + e.getMessage());
			long drained = exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
			if (h.path.equals("/v1/uploads")) {
				uploads.counted(drained); // refused, but the bytes came
			}
			h.error(e);
		} catch (PhotosUploads.Cut cut) {
			exchange.close(); // no answer: the client sees the connection drop
			throw cut;
		} catch (IOException | RuntimeException e) {
			note(h.method + " " + h.path + " -> failed: " + e);
			exchange.close();
		}
	}

	private void route(Http h) throws IOException, HttpError {
		String p = h.path;
		if (p.equals("/token")) {
			count(Call.TOKEN);
			auth.token(h);
			return;
		}
		if (p.equals("/o/oauth2/v2/auth")) {
			count(Call.AUTHORIZE);
			auth.authorize(h);
			return;
		}
		Call call = switch (p) {
		case "/v1/uploads" -> Call.UPLOAD;
		case "/v1/albums" -> "POST".equals(h.method) ? Call.ALBUMS_CREATE : Call.ALBUMS_LIST;
		case "/v1/mediaItems:batchCreate" -> Call.BATCH_CREATE;
		case "/v1/mediaItems:search" -> Call.SEARCH;
		default -> throw HttpError.notFound("no such endpoint: " + h.method + " " + p);
		};
		count(call);
		HttpError fault = faults.fault(call, h.method + " " + h.exchange.getRequestURI() + " "
				+ h.header("X-Goog-Upload-Command") + " " + h.header("X-Goog-Upload-Offset"));
		if (fault != null) {
			throw fault;
		}
		switch (call) {
		case UPLOAD -> uploads.handle(h, auth.check(h, PhotosLibrary.APPEND));
		case ALBUMS_CREATE -> library.albums(h, auth.check(h, PhotosLibrary.APPEND));
		case ALBUMS_LIST -> library.albums(h, auth.check(h, PhotosLibrary.READ));
		case BATCH_CREATE -> library.batchCreate(h, auth.check(h, PhotosLibrary.APPEND));
		case SEARCH -> library.search(h, auth.check(h, PhotosLibrary.READ));
		default -> throw new IllegalStateException(call.toString());
		}
	}

	private void count(Call c) {
		calls.get(c).incrementAndGet();
	}
}
