/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.internal;

import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;

import com.aliyun.oss.ClientException;
import com.aliyun.oss.InconsistentException;
import com.aliyun.oss.OSSException;

import io.tiepoint.core.storage.ContentWindow;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;

/**
 * Translates the SDK's failures into {@link StorageException}s at the edge: OSS's error codes (its XML error
 * bodies), the client's transport failures, a CRC64 that differs, a cancellation, the local file failing. Messages
 * name the operation, the object and OSS's code; they never hold a credential.
 */
final class OssErrors {

	/** The STS has expired: a fresh one (the platform's) helps. */
	static final String TOKEN_EXPIRED = "SecurityTokenExpired";
	private static final Set<String> EXPIRED = Set.of(TOKEN_EXPIRED, "InvalidSecurityToken.Expired");
	private static final Set<String> UNAUTHORIZED = Set.of("AccessDenied", "SignatureDoesNotMatch",
			"InvalidAccessKeyId", "InvalidSecurityToken", "RequestTimeTooSkewed", "InvalidArgument.Region",
			"UserDisable", "AccountProblem");
	private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchUpload", "NotFound");
	private static final Set<String> INTEGRITY = Set.of("InvalidDigest", "BadDigest", "InvalidPart", "InvalidPartOrder",
			"EntityTooSmall", "IncompleteBody", "RequestContentLengthMismatch", "FileImmutable");
	private static final Set<String> BUSY = Set.of("OperationAborted", "PositionNotEqualToLength");

	private OssErrors() {
	}

	/** @param e an OSS answer @return whether its STS expired */
	static boolean expired(OSSException e) {
		return EXPIRED.contains(e.getErrorCode());
	}

	/**
	 * @param e    a failure of an SDK call
	 * @param what names the operation and the object
	 * @param m    the monitor
	 * @return the exception
	 */
	static StorageException map(RuntimeException e, String what, IProgressMonitor m) {
		if (m.isCanceled() || cause(e, ContentWindow.Canceled.class) != null) {
			return new StorageException(Kind.CANCELED, what + " canceled");
		}
		ContentWindow.SourceFailed source = cause(e, ContentWindow.SourceFailed.class);
		if (source != null) {
			return new StorageException(Kind.PERMANENT, what + " failed: " + source.getMessage(), source.getCause());
		}
		if (e instanceof OSSException o) {
			String code = o.getErrorCode() == null ? "" : o.getErrorCode();
			Kind kind = kind(code);
			String reason = code.isEmpty() ? "an answer without an OSS error code" : code + clip(o.getErrorMessage());
			if (code.equals("RequestTimeTooSkewed")) {
				reason += " (this machine's clock differs from the store's by more than 15 minutes)";
			}
			return new StorageException(kind, what + " failed (" + kind + "): " + reason, e);
		}
		if (e instanceof InconsistentException) {
			return new StorageException(Kind.INTEGRITY, what + ": the CRC64 the store computed differs from the one sent");
		}
		String detail = e instanceof ClientException c && c.getErrorCode() != null ? c.getErrorCode()
				: e.getClass()
						.getSimpleName();
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new StorageException(Kind.TRANSIENT, what + " failed (TRANSIENT): " + detail + (root != e ? " <- "
				+ root.getClass().getSimpleName() + clip(root.getMessage()) : ""), e);
	}

	private static Kind kind(String code) {
		if (EXPIRED.contains(code)) {
			return Kind.EXPIRED;
		} else if (UNAUTHORIZED.contains(code)) {
			return Kind.UNAUTHORIZED;
		} else if (NOT_FOUND.contains(code)) {
			return Kind.NOT_FOUND;
		} else if (INTEGRITY.contains(code)) {
			return Kind.INTEGRITY;
		} else if (BUSY.contains(code)) {
			return Kind.BUSY;
		} else if (code.isEmpty() || code.equals("InternalError") || code.equals("ServiceUnavailable")
				|| code.equals("RequestTimeout") || code.equals("Throttling") || code.equals("QpsLimitExceeded")
				|| code.equals("SlowDown")) {
			return Kind.TRANSIENT; // a proxy's 503 has no OSS body, or an S3-style SlowDown (the SDK hides the status)
		}
		return Kind.PERMANENT;
	}

	private static String clip(String message) {
		if (message == null || message.isBlank()) {
			return "";
		}
		String m = message.replaceAll("\\?[^\\s\"'<>)]*", "?...").replaceAll("\\s+", " ");
		return ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m);
	}

	private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}
}
