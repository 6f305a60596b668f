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

import io.tiepoint.hub.internal.cloud.Names;
import io.tiepoint.hub.internal.store.FileIds;

/**
 * The resource service's request parameters, checked: md5s, FileIDs, file names and directories (by the
 * rules of the GraphQL side's names: no path separator, no {@code ..}, no control character, at most
 * {@value Names#MAX_NAME} characters), lengths. Refusals are 400s naming the parameter, never echoing
 * more than a short, printable part of what was sent.
 */
final class Params {

	/** Longest directory accepted. */
	static final int MAX_DIRECTORY = 1024;

	private Params() {
	}

	/** @param md5 a parameter @return it, 32 lower-case hex digits */
	static String md5(String md5) {
		if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
			throw new ResourceException(400, "md5 must be 32 lower-case hex digits"
					+ (md5 == null ? " (missing)" : ", got '" + abbreviate(md5) + "'"));
		}
		return md5;
	}

	/** @param fid a parameter @param parameter its name @return it, a well-formed FileID */
	static String fileId(String fid, String parameter) {
		if (!FileIds.valid(fid)) {
			throw new ResourceException(400, parameter + " must be a FileID (32 lower-case hex digits)"
					+ (fid == null ? " (missing)" : ", got '" + abbreviate(fid) + "'"));
		}
		return fid;
	}

	/** @param name a client's file name or null @return it trimmed, or null */
	static String filename(String name) {
		if (name == null) {
			return null;
		}
		try {
			return Names.sanitize(name);
		} catch (IllegalArgumentException e) {
			throw new ResourceException(400, e.getMessage() + ", got '" + abbreviate(name) + "'");
		}
	}

	/** @param directory a client's directory or null @return it as an absolute path in the user's space */
	static String directory(String directory) {
		if (directory == null || directory.isBlank()) {
			return "/";
		}
		String d = directory.replace('\\', '/');
		if (d.length() > MAX_DIRECTORY || d.contains("..") || d.chars().anyMatch(Character::isISOControl)) {
			throw new ResourceException(400, "directory must be a relative path of at most " + MAX_DIRECTORY
					+ " characters without '..' or control characters, got '" + abbreviate(directory) + "'");
		}
		return d.startsWith("/") ? d : "/" + d;
	}

	/** Longest file description accepted. */
	static final int MAX_FILE_INFO = 2000;

	/** @param info a client's file description (GetUploadState's {@code fileinfo}) or null @return it, or null */
	static String fileInfo(String info) {
		if (info == null || info.isBlank()) {
			return null;
		}
		if (info.length() > MAX_FILE_INFO || info.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			throw new ResourceException(400, "fileinfo must be a description of at most " + MAX_FILE_INFO
					+ " characters without control characters, got '" + abbreviate(info) + "'");
		}
		return info;
	}

	/**
	 * @param value a declared length or null
	 * @param max   the hub's largest upload
	 * @param what  the upload, for the message
	 * @return the length, or -1 when not declared
	 */
	static long length(String value, long max, String what) {
		if (value == null || value.isBlank()) {
			return -1;
		}
		long n;
		try {
			n = Long.parseLong(value.trim());
		} catch (NumberFormatException e) {
			throw new ResourceException(400, "FileLenth of " + what + " must be a number of bytes, got '"
					+ abbreviate(value) + "'");
		}
		return bounded(n, max, what);
	}

	/** @param n a declared length @param max the largest upload @param what the upload @return n */
	static long bounded(long n, long max, String what) {
		if (n < 0) {
			throw new ResourceException(400, "the length of " + what + " must not be negative, got " + n);
		}
		if (n > max) {
			throw new ResourceException(413, what + ": " + n + " bytes is over this hub's largest upload of " + max
					+ " bytes");
		}
		return n;
	}

	/** @param s a client's text @return a printable prefix of it, at most 40 characters */
	static String abbreviate(String s) {
		String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
		return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
	}

	/** @param s a parameter @return null when blank */
	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
