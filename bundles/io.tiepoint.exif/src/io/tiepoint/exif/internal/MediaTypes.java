/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import java.util.Locale;
import java.util.Map;

/** Content sniffing by magic bytes and the types that file extensions promise. */
public final class MediaTypes {

	/** JPEG. */
	public static final String JPEG = "image/jpeg";
	/** PNG. */
	public static final String PNG = "image/png";
	/** TIFF and TIFF-based raw formats. */
	public static final String TIFF = "image/tiff";
	/** HEIF/HEIC. */
	public static final String HEIC = "image/heic";
	/** AVIF. */
	public static final String AVIF = "image/avif";
	/** GIF. */
	public static final String GIF = "image/gif";
	/** BMP. */
	public static final String BMP = "image/bmp";
	/** WebP. */
	public static final String WEBP = "image/webp";

	/** Bytes needed by {@link #sniff(byte[], int)}. */
	public static final int MAGIC_LENGTH = 16;

	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("jpg", JPEG),
			Map.entry("jpeg", JPEG), Map.entry("jpe", JPEG), Map.entry("jfif", JPEG), Map.entry("png", PNG),
			Map.entry("tif", TIFF), Map.entry("tiff", TIFF), Map.entry("dng", TIFF), Map.entry("cr2", TIFF),
			Map.entry("nef", TIFF), Map.entry("arw", TIFF), Map.entry("heic", HEIC), Map.entry("heif", HEIC),
			Map.entry("avif", AVIF), Map.entry("gif", GIF), Map.entry("bmp", BMP), Map.entry("webp", WEBP));

	private MediaTypes() {
	}

	/**
	 * @param b the first bytes of a file
	 * @param n how many of them are valid
	 * @return the media type, or null when not a known image type
	 */
	public static String sniff(byte[] b, int n) {
		if (n >= 3 && u(b, 0) == 0xff && u(b, 1) == 0xd8 && u(b, 2) == 0xff) {
			return JPEG;
		}
		if (n >= 8 && u(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && u(b, 4) == 0x0d) {
			return PNG;
		}
		if (n >= 4 && ((b[0] == 'I' && b[1] == 'I' && (b[2] == 42 || b[2] == 0x55) && b[3] == 0)
				|| (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43)))) {
			return TIFF;
		}
		if (n >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
			String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
			if (brand.startsWith("avi")) {
				return AVIF;
			}
			if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
				return HEIC;
			}
			return null;
		}
		if (n >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
			return GIF;
		}
		if (n >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return WEBP;
		}
		if (n >= 14 && b[0] == 'B' && b[1] == 'M') {
			return BMP;
		}
		return null;
	}

	/**
	 * @param fileName a file name
	 * @return the image type its extension promises, or null for other extensions
	 */
	public static String byExtension(String fileName) {
		String ext = extension(fileName);
		return ext == null ? null : BY_EXTENSION.get(ext.toLowerCase(Locale.ROOT));
	}

	/**
	 * @param fileName a file name
	 * @return the extension without the dot, or null
	 */
	public static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1);
	}

	/**
	 * @param mediaType a media type
	 * @return a short name such as JPEG
	 */
	public static String shortName(String mediaType) {
		return mediaType == null ? "unknown" : mediaType.substring(mediaType.indexOf('/') + 1).toUpperCase(Locale.ROOT);
	}

	/**
	 * @param mediaType a media type
	 * @return the javax.imageio format name that decodes it, or null when the JDK has none
	 */
	public static String imageIoFormat(String mediaType) {
		if (mediaType == null) {
			return null;
		}
		return switch (mediaType) {
		case JPEG -> "jpeg";
		case PNG -> "png";
		case TIFF -> "tiff";
		case GIF -> "gif";
		case BMP -> "bmp";
		default -> null;
		};
	}

	private static int u(byte[] b, int i) {
		return b[i] & 0xff;
	}
}
