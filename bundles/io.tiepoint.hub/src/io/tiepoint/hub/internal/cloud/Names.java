/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Name rules: client names are sanitised, stored names are hashed and unique, object keys never leave
 * {@code {pid}/}.
 */
public final class Names {

	/** Longest accepted client file name. */
	public static final int MAX_NAME = 255;
	private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
	private static final Pattern CHECKSUM = Pattern.compile("[0-9a-fA-F]{40}");
	private static final SecureRandom RANDOM = new SecureRandom();

	private Names() {
	}

	/**
	 * @param name a client file name
	 * @return the name, trimmed
	 * @throws IllegalArgumentException when it holds path separators, {@code ..}, control characters, or
	 *                                  is empty or too long
	 */
	public static String sanitize(String name) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > MAX_NAME) {
			throw new IllegalArgumentException("filename must have 1.." + MAX_NAME + " characters");
		}
		if (n.contains("/") || n.contains("\\") || n.contains("..") || n.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("filename must not contain path separators, '..' or control characters");
		}
		return n;
	}

	/**
	 * @param checksum a client checksum
	 * @return it in lower case
	 * @throws IllegalArgumentException when it is not a 40-digit hex sha1
	 */
	public static String checksum(String checksum) {
		if (checksum == null || !CHECKSUM.matcher(checksum).matches()) {
			throw new IllegalArgumentException("checksum must be a 40-digit hex sha1");
		}
		return checksum.toLowerCase(Locale.ROOT);
	}

	/**
	 * @param checksum the image checksum
	 * @param name     the sanitised original name
	 * @return a new unique file name: 24 hex digits of sha1(checksum, random) and the original extension
	 */
	public static String hashed(String checksum, String name) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-1");
			md.update(checksum.getBytes(StandardCharsets.US_ASCII));
			md.update(salt);
			return HexFormat.of().formatHex(md.digest()).substring(0, 24) + "." + extension(name);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @param name a file name @return its lower-case extension, {@code jpg} when none is usable */
	public static String extension(String name) {
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		return EXTENSION.matcher(ext).matches() ? ext : "jpg";
	}

	/**
	 * @param type IMAGE_TYPE name or null
	 * @param name file name
	 * @return the Content-Type an upload must carry
	 */
	public static String contentType(String type, String name) {
		String t = type != null ? type : switch (extension(name)) {
		case "tif", "tiff" -> "TIFF";
		case "png" -> "PNG";
		default -> "JPEG";
		};
		return switch (t) {
		case "TIFF" -> "image/tiff";
		case "PNG" -> "image/png";
		default -> "image/jpeg";
		};
	}

	/**
	 * @param pid      project id
	 * @param filename a hashed file name
	 * @return the object key {@code {pid}/{filename}}
	 */
	public static String key(String pid, String filename) {
		if (filename.contains("/") || filename.contains("\\") || filename.contains("..") || filename.isEmpty()) {
			throw new IllegalArgumentException("invalid stored file name");
		}
		String key = pid + "/" + filename;
		if (!key.startsWith(pid + "/") || key.indexOf('/') != pid.length()) {
			throw new IllegalArgumentException("key outside the project prefix");
		}
		return key;
	}
}
