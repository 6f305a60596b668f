/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.internal.BuiltinChecks;
import io.tiepoint.exif.internal.DigestingInputStream;
import io.tiepoint.exif.internal.MediaTypes;
import io.tiepoint.exif.internal.StreamInspection;

/**
 * Inspects one image: hashes (SHA-1, MD5), detects the real type, reads EXIF/XMP and decodes a
 * subsampled copy of the pixels, all in a single pass over the bytes. Problems become
 * {@link Finding}s on the returned record, never exceptions. Thread-safe.
 */
public final class ImageInspector {

	private final CheckConfig config;
	private final List<ImageCheck> checks;

	/** An inspector with default thresholds and the built-in per-image checks. */
	public ImageInspector() {
		this(CheckConfig.defaults());
	}

	/** @param config thresholds; the built-in per-image checks run */
	public ImageInspector(CheckConfig config) {
		this(config, BuiltinChecks.imageChecks());
	}

	/**
	 * @param config thresholds
	 * @param checks the per-image checks to run on each readable image
	 */
	public ImageInspector(CheckConfig config, List<ImageCheck> checks) {
		this.config = Objects.requireNonNull(config, "config");
		this.checks = List.copyOf(checks);
	}

	/** @return the thresholds in use */
	public CheckConfig config() {
		return config;
	}

	/**
	 * Inspects a file. Unreadable files (permissions, dangling links, special files) give a record
	 * with an {@link FindingIds#UNREADABLE} finding.
	 *
	 * @param file the file
	 * @return the record, never null
	 */
	public ImageRecord inspect(Path file) {
		String path = file.toString();
		if (!Files.isRegularFile(file)) {
			ImageRecord.Builder b = new ImageRecord.Builder(path);
			String why = Files.isSymbolicLink(file) && !Files.exists(file) ? "dangling symbolic link"
					: Files.isDirectory(file) ? "is a directory"
							: Files.exists(file, LinkOption.NOFOLLOW_LINKS)
									? "not a regular file (device, pipe or socket)"
									: "file does not exist";
			b.add(Finding.of(FindingIds.UNREADABLE, Severity.ERROR, path, "cannot read: " + why));
			return b.build();
		}
		long size;
		try {
			size = Files.size(file);
		} catch (IOException e) {
			size = -1;
		}
		try (InputStream in = Files.newInputStream(file)) {
			return inspect(in, path, size);
		} catch (IOException e) {
			ImageRecord.Builder b = new ImageRecord.Builder(path);
			b.add(Finding.of(FindingIds.UNREADABLE, Severity.ERROR, path, "cannot read: " + describe(e)));
			return b.size(Math.max(size, 0)).build();
		}
	}

	/**
	 * Inspects a stream, reading it once to its end. The stream is not closed.
	 *
	 * @param in   the bytes of the file
	 * @param name the file name (or path) used in the record and the findings
	 * @return the record, never null
	 */
	public ImageRecord inspect(InputStream in, String name) {
		return inspect(in, name, -1);
	}

	private ImageRecord inspect(InputStream in, String name, long expectedSize) {
		ImageRecord.Builder b = new ImageRecord.Builder(name);
		// a pass that reads only the head (no checksums) neither digests it nor reads ahead 64 KiB of pixels it drops
		boolean whole = config.isOn(CheckConfig.Key.HASH_ENABLED);
		DigestingInputStream digest = new DigestingInputStream(new BufferedInputStream(in, whole ? 64 * 1024 : 8 * 1024),
				whole && config.isOn(CheckConfig.Key.DIGESTS_ENABLED));
		try {
			new StreamInspection(config, b, digest, expectedSize).run();
			if (whole && config.isOn(CheckConfig.Key.DIGESTS_ENABLED)) {
				b.sha1(digest.sha1Hex()).md5(digest.md5Hex());
			}
		} catch (IOException e) {
			b.add(Finding.of(FindingIds.UNREADABLE, Severity.ERROR, name, "read failed after " + digest.count()
					+ " bytes: " + describe(e)));
		}
		b.size(expectedSize >= 0 && !whole ? expectedSize : digest.count());
		if (b.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR)
				&& b.getMediaType() != null) {
			ImageRecord partial = b.build();
			for (ImageCheck check : checks) {
				try {
					check.check(partial, config, b::add);
				} catch (RuntimeException e) {
					b.add(Finding.of(FindingIds.CHECK_FAILED, Severity.WARNING, name, "check '" + check.id()
							+ "' failed: " + describe(e)));
				}
			}
		}
		return b.build();
	}

	static String describe(Exception e) {
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (e instanceof NoSuchFileException) {
			return "no such file";
		}
		String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.trim();
	}

	/**
	 * @param fileName a file name
	 * @return whether the extension is one of an image type Tiepoint recognises
	 */
	public static boolean hasImageExtension(String fileName) {
		return MediaTypes.byExtension(fileName) != null;
	}
}
