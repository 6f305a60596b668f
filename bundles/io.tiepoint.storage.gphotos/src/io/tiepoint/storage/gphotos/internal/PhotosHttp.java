/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * The requests of a session to Google Photos, each with a fresh Bearer token: a 401 gets a new access token and
 * the request once more; 429 waits the {@code Retry-After} the server gave (else a backoff) and asks again; a 5xx
 * or a broken connection is asked again after a backoff only for requests that can be repeated as they are
 * (reads, queries), the others get a {@code TRANSIENT} failure and decide themselves (an upload chunk asks the
 * session what it holds first). Failures are {@link StorageException}s naming what was done and the server's
 * reason; no token is ever part of one.
 */
final class PhotosHttp {

	/** Attempts of one request. */
	static final int ATTEMPTS = 6;
	private static final long BASE_MS = 250;
	private static final long CAP_MS = 8_000;
	private static final long RETRY_AFTER_CAP_MS = 120_000;

	/** Whether a request may be sent again as it is after a 5xx or a broken connection. */
	enum Repeat {
		/** Reads and queries: yes. */
		SAFE,
		/** Writes: no, the caller decides (401 and 429 are still handled: nothing was done). */
		UNSAFE
	}

	private final HttpClient client;
	private final AccessTokens tokens;

	PhotosHttp(HttpClient client, AccessTokens tokens) {
		this.client = client;
		this.tokens = tokens;
	}

	/**
	 * @param what    what is being done, for messages (e.g. {@code DJI_0001.JPG: upload at 8388608})
	 * @param request a new request each time (its body is sent again)
	 * @param repeat  whether a 5xx or a broken connection may be retried here
	 * @param monitor cancellation (between attempts and during waits)
	 * @return the answer, whatever its status but 401 and 429 (and 5xx for safe requests)
	 * @throws StorageException {@code TRANSIENT} after the attempts, {@code UNAUTHORIZED} for a token refused twice,
	 *                          {@code CANCELED}
	 */
	HttpResponse<byte[]> send(String what, Supplier<HttpRequest.Builder> request, Repeat repeat, IProgressMonitor monitor)
			throws StorageException {
		boolean refreshed = false;
		StorageException last = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			canceled(monitor, what);
			String bearer = tokens.bearer();
			long wait = backoff(attempt);
			try {
				HttpResponse<byte[]> r = client.send(request.get().header("Authorization", "Bearer " + bearer).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				int status = r.statusCode();
				if (status == 401) {
					tokens.rejected(bearer);
					if (refreshed) {
						throw new StorageException(Kind.UNAUTHORIZED, what + ": the access token was refused twice: "
								+ reason(r));
					}
					refreshed = true;
					attempt--; // a fresh token is not a retry
					continue;
				}
				if (status == 429) {
					last = new StorageException(Kind.TRANSIENT, what + ": " + reason(r));
					wait = retryAfter(r).orElse(wait);
				} else if (status >= 500 && repeat == Repeat.SAFE) {
					last = new StorageException(Kind.TRANSIENT, what + ": " + reason(r));
				} else {
					return r;
				}
			} catch (IOException e) {
				canceled(monitor, what);
				if (e instanceof InterruptedIOException) {
					throw new StorageException(Kind.CANCELED, what + ": interrupted", e);
				}
				last = new StorageException(Kind.TRANSIENT, what + ": " + e, e);
				if (repeat == Repeat.UNSAFE) {
					throw last;
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new StorageException(Kind.CANCELED, what + ": interrupted", e);
			}
			if (attempt < ATTEMPTS && !sleep(wait, monitor)) {
				throw new StorageException(Kind.CANCELED, what + ": canceled");
			}
		}
		throw last;
	}

	/** @return the failure an answer means: its status and the server's message */
	static StorageException failure(String what, HttpResponse<byte[]> r) {
		int s = r.statusCode();
		Kind kind = s == 404 ? Kind.NOT_FOUND
				: s == 403 ? Kind.UNAUTHORIZED
						: s == 429 || s >= 500 || s == 408 ? Kind.TRANSIENT : Kind.PERMANENT;
		return new StorageException(kind, what + ": " + reason(r));
	}

	/** @return {@code HTTP 400 INVALID_ARGUMENT: message} from Google's error JSON, or the status alone */
	static String reason(HttpResponse<byte[]> r) {
		JsonNode e = json(r.body()).path("error");
		String status = e.isObject() ? e.path("status").asText("") : e.asText("");
		String message = e.isObject() ? e.path("message").asText("") : json(r.body()).path("error_description").asText("");
		return "HTTP " + r.statusCode() + (status.isEmpty() ? "" : " " + status) + (message.isEmpty() ? ""
				: ": "
						+ message);
	}

	static JsonNode json(byte[] body) {
		try {
			return body == null || body.length == 0 ? AccessTokens.JSON.createObjectNode() : AccessTokens.JSON.readTree(body);
		} catch (IOException e) {
			return AccessTokens.JSON.createObjectNode();
		}
	}

	/** @return the wait a {@code Retry-After} of seconds asks for (capped), if the answer has one */
	static Optional<Long> retryAfter(HttpResponse<?> r) {
		try {
			return r.headers().firstValue("Retry-After").map(v -> Math.min(RETRY_AFTER_CAP_MS,
					Math.max(0, Long.parseLong(v.strip())) * 1000));
		} catch (NumberFormatException e) {
			return Optional.empty(); // an HTTP date: the backoff instead
		}
	}

	/** @return an exponential backoff with equal jitter, for the attempt from 1 */
	static long backoff(int attempt) {
		long cap = Math.min(CAP_MS, BASE_MS << Math.min(10, attempt - 1));
		return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
	}

	/** @return whether the whole time passed (false when canceled or interrupted) */
	static boolean sleep(long ms, IProgressMonitor monitor) {
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) {
			if (monitor != null && monitor.isCanceled()) {
				return false;
			}
			try {
				Thread.sleep(Math.max(1, Math.min(100, until - System.currentTimeMillis())));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	static void canceled(IProgressMonitor monitor, String what) throws StorageException {
		if (monitor != null && monitor.isCanceled()) {
			throw new StorageException(Kind.CANCELED, what + ": canceled");
		}
	}
}
