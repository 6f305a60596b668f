/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import io.tiepoint.core.storage.ContentWindow;
import io.tiepoint.core.storage.SchemeClients;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * The platform flow: one PUT of the object's content to the presigned URL the platform handed out,
 * with the object's Content-Type, streamed (never loaded whole). When the object's MD5 is known (the
 * inspection computed it) it goes along as Content-MD5: the store checks it against what it received and
 * refuses a body that differs (BadDigest: the file changed since it was inspected, or the transport
 * damaged it), so the bytes are not hashed again while they are sent. Otherwise the MD5 of what was
 * sent is computed on the way. Either way the ETag the store answers is compared with the MD5.
 */
public final class PresignedPut implements SinglePut {

	private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
	private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
	private final SchemeClients http;
	private final Duration stall;

	/**
	 * @param http  the clients (HTTP/1.1), by the URLs' scheme
	 * @param stall how long a PUT may go without sending a byte (or, once sent, without an answer) before it
	 *              is abandoned as TRANSIENT
	 */
	PresignedPut(SchemeClients http, Duration stall) {
		this.http = http;
		this.stall = stall;
	}

	/** @return clients for presigned PUTs, made on first use (the TLS one only for https URLs) */
	static SchemeClients newClients() {
		return new SchemeClients(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER));
	}

	@Override
	public StoredObject put(StorageObject object, TransferListener listener, IProgressMonitor monitor)
			throws StorageException {
		IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
		TransferListener l = listener == null ? TransferListener.NONE : listener;
		URI url = object.url();
		String what = "S3 PUT of " + object.name() + " (" + object.key() + ") to the presigned URL";
		if (url == null) {
			throw new StorageException(Kind.PERMANENT, what + ": the platform gave no URL");
		}
		if (m.isCanceled()) {
			throw new StorageException(Kind.CANCELED, what + " canceled");
		}
		Instant now = Instant.now();
		if (object.urlExpires() != null && !now.isBefore(object.urlExpires())) {
			throw new StorageException(Kind.EXPIRED, what + ": the URL expired at " + object.urlExpires());
		}
		if (signatureExpired(url, now)) {
			throw new StorageException(Kind.EXPIRED, what + ": the URL's signature has expired");
		}
		long size = object.size();
		ContentWindow[] last = new ContentWindow[1];
		String known = object.md5() != null && object.md5().matches("[0-9a-fA-F]{32}") ? object.md5() : null;
		HttpRequest.Builder builder = HttpRequest.newBuilder(url).header("Content-Type", object.contentType());
		if (known != null) {
			builder.header("Content-MD5", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(known)));
		}
		HttpRequest request = builder
				.PUT(HttpRequest.BodyPublishers.fromPublisher(
						HttpRequest.BodyPublishers.ofInputStream(() -> {
							ContentWindow s = new ContentWindow(object.content(), 0, size, m, known == null);
							last[0] = s;
							return s;
						}), size))
				.build();
		HttpResponse<String> response;
		try {
			response = await(http.forUrl(url).sendAsync(request, HttpResponse.BodyHandlers.ofString()), last, size, url, what, m);
		} finally {
			close(last[0]);
		}
		int status = response.statusCode();
		if (status / 100 != 2) {
			String body = response.body() == null ? "" : response.body();
			throw S3Errors.ofStatus(status, group(CODE, body), group(MESSAGE, body), what,
					signatureExpired(url, Instant.now()));
		}
		ContentWindow sent = last[0];
		if (sent == null || !sent.complete()) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store answered " + status
					+ " before the whole content was sent");
		}
		String md5 = known != null ? known.toLowerCase(Locale.ROOT) : sent.md5Hex();
		if (object.md5() != null && !object.md5().equalsIgnoreCase(md5)) {
			throw new StorageException(Kind.INTEGRITY, what + ": the content changed (MD5 " + md5 + ", expected "
					+ object.md5() + ")");
		}
		Optional<String> etag = response.headers().firstValue("ETag").map(S3Direct::unquote);
		if (etag.isPresent() && etag.get().matches("[0-9a-fA-F]{32}") && !etag.get().equalsIgnoreCase(md5)) {
			throw new StorageException(Kind.INTEGRITY, what + ": the store holds ETag " + etag.get()
					+ " but the MD5 sent is " + md5);
		}
		l.committed(size);
		return new StoredObject(object.key(), size, null, md5);
	}

	/**
	 * Waits for the answer, watching the bytes handed to the connection: a PUT that sends nothing (or, with
	 * everything sent, gets no answer) for the stall time is aborted, as is one whose monitor is canceled.
	 */
	private HttpResponse<String> await(CompletableFuture<HttpResponse<String>> answer, ContentWindow[] source,
			long size, URI url, String what, IProgressMonitor m) throws StorageException {
		long seen = -1;
		long since = System.nanoTime();
		while (true) {
			try {
				return answer.get(200, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				if (m.isCanceled()) {
					answer.cancel(true);
					throw new StorageException(Kind.CANCELED, what + " canceled");
				}
				long given = source[0] == null ? 0 : source[0].given();
				long now = System.nanoTime();
				if (given != seen) {
					seen = given;
					since = now;
				} else if (now - since > stall.toNanos()) {
					answer.cancel(true);
					throw new StorageException(Kind.TRANSIENT, what + " stalled: " + (given < size
							? "no byte could be sent for " + stall.toSeconds() + " s (" + given + " of " + size + " sent)"
							: "no answer " + stall.toSeconds() + " s after the last byte"));
				}
			} catch (ExecutionException e) {
				if (!m.isCanceled() && signatureExpired(url, Instant.now())) {
					// a store refusing an expired URL may close the connection before its answer is read
					throw new StorageException(Kind.EXPIRED, what + ": the URL's signature expired (the store closed the"
							+ " connection before its answer was read)");
				}
				throw S3Errors.ofTransport(e.getCause() == null ? e : e.getCause(), what, m);
			} catch (InterruptedException e) {
				answer.cancel(true);
				throw S3Errors.ofTransport(e, what, m);
			}
		}
	}

	/**
	 * @param url a presigned URL (SigV4 {@code X-Amz-Date} + {@code X-Amz-Expires}, or SigV2
	 *            {@code Expires})
	 * @param now the time
	 * @return whether its signature has expired
	 */
	static boolean signatureExpired(URI url, Instant now) {
		String q = url.getRawQuery();
		if (q == null) {
			return false;
		}
		String date = null;
		String expires = null;
		String v2 = null;
		for (String p : q.split("&")) {
			int eq = p.indexOf('=');
			if (eq < 0) {
				continue;
			}
			String k = p.substring(0, eq);
			String v = URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
			switch (k) {
			case "X-Amz-Date" -> date = v;
			case "X-Amz-Expires" -> expires = v;
			case "Expires" -> v2 = v;
			default -> {
			}
			}
		}
		try {
			if (date != null && expires != null) {
				Instant signed = LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC);
				return !now.isBefore(signed.plusSeconds(Long.parseLong(expires)));
			}
			if (v2 != null) {
				return !now.isBefore(Instant.ofEpochSecond(Long.parseLong(v2)));
			}
		} catch (DateTimeParseException | NumberFormatException e) {
			return false;
		}
		return false;
	}

	private static String group(Pattern p, String body) {
		Matcher matcher = p.matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static void close(ContentWindow s) {
		if (s != null) {
			try {
				s.close();
			} catch (IOException e) {
				// nothing was lost: the content is only read
			}
		}
	}
}
