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

import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.ContentWindow;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * Translates S3 answers (status and error code, from the SDK or from a plain HTTP response) and
 * transport failures into {@link StorageException}s. Messages name the object and the reason; they
 * never contain a credential or a presigned query string.
 */
final class S3Errors {

	private static final Set<String> EXPIRED = Set.of("ExpiredToken", "RequestExpired", "TokenRefreshRequired",
			"RequestTimeTooSkewed");
	private static final Set<String> UNAUTHORIZED = Set.of("AccessDenied", "InvalidAccessKeyId",
			"SignatureDoesNotMatch", "InvalidToken", "AllAccessDisabled", "AccountProblem", "InvalidSecurity");
	private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchUpload", "NotFound");
	private static final Set<String> INTEGRITY = Set.of("BadDigest", "InvalidDigest", "IncompleteBody",
			"InvalidPart", "InvalidPartOrder", "EntityTooSmall", "XAmzContentSHA256Mismatch");
	private static final Set<String> BUSY = Set.of("OperationAborted", "ConditionalRequestConflict");
	private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "SlowDown", "InternalError",
			"ServiceUnavailable", "Throttling", "ThrottlingException");

	private S3Errors() {
	}

	/**
	 * @param status    the HTTP status
	 * @param code      the S3 error code, or null
	 * @param message   the S3 error message, or null
	 * @param what      names the operation and the object, e.g. "S3 PUT of a.jpg (p/a.jpg)"
	 * @param expiredAt whether the request's signature had expired by the clock (presigned)
	 * @return the exception
	 */
	static StorageException ofStatus(int status, String code, String message, String what, boolean expiredAt) {
		String c = code == null ? "" : code;
		String reason = status + (c.isEmpty() ? "" : " " + c) + (message == null || message.isBlank() ? ""
				: ": " + clip(message));
		String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
		Kind kind;
		if ("NoSuchBucket".equals(c)) { // not an object to upload again: the destination is wrong
			return new StorageException(Kind.PERMANENT, what + " failed: the bucket does not exist (" + reason + ")");
		}
		if (EXPIRED.contains(c) || (status == 403 && (expiredAt || lower.contains("expired")))) {
			kind = Kind.EXPIRED;
		} else if (status == 401 || status == 403 || UNAUTHORIZED.contains(c)) {
			kind = Kind.UNAUTHORIZED;
		} else if (NOT_FOUND.contains(c) || status == 404) {
			kind = Kind.NOT_FOUND;
		} else if (INTEGRITY.contains(c)) {
			kind = Kind.INTEGRITY;
		} else if (BUSY.contains(c) || status == 409) {
			kind = Kind.BUSY;
		} else if (TRANSIENT.contains(c) || status >= 500 || status == 408 || status == 429) {
			kind = Kind.TRANSIENT;
		} else {
			kind = Kind.PERMANENT;
		}
		return new StorageException(kind, what + " failed (" + kind + "): " + reason);
	}

	/**
	 * A failure without an S3 answer: canceled, local content unreadable, or the transport.
	 *
	 * @param e       the failure
	 * @param what    names the operation and the object
	 * @param monitor the monitor
	 * @return the exception
	 */
	static StorageException ofTransport(Throwable e, String what, IProgressMonitor monitor) {
		if (monitor.isCanceled() || find(e, ContentWindow.Canceled.class) != null) {
			return new StorageException(Kind.CANCELED, what + " canceled", null);
		}
		ContentWindow.SourceFailed source = find(e, ContentWindow.SourceFailed.class);
		if (source != null) {
			return new StorageException(Kind.PERMANENT, what + " failed: " + source.getMessage(), source.getCause());
		}
		if (e instanceof InterruptedException || find(e, InterruptedException.class) != null) {
			Thread.currentThread().interrupt();
			return new StorageException(Kind.CANCELED, what + " interrupted");
		}
		return new StorageException(Kind.TRANSIENT, what + " failed (TRANSIENT): " + describe(e), e);
	}

	/**
	 * @param e a failure
	 * @return its class and message, and those of its causes, without URLs' query strings
	 */
	static String describe(Throwable e) {
		StringBuilder sb = new StringBuilder();
		for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
			if (sb.length() > 0) {
				sb.append(" <- ");
			}
			sb.append(t.getClass().getSimpleName());
			if (t.getMessage() != null) {
				sb.append(": ").append(clip(t.getMessage()));
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return sb.toString();
	}

	/** Shortens a server or transport message and removes query strings (signatures, tokens). */
	static String clip(String message) {
		String m = message.replaceAll("\\?[^\\s\"'<>)]*", "?...");
		return m.length() > 300 ? m.substring(0, 300) + "..." : m;
	}

	private static <T extends Throwable> T find(Throwable e, Class<T> type) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}
}
