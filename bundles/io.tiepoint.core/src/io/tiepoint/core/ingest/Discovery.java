/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.exif.ImageInspector;

/**
 * Finds the image files under folders (hidden folders skipped, links followed) and records them in a
 * project's journal. {@link #walk(List)} validates before anything is recorded: a missing folder or a set
 * without a single image file is an error naming it.
 */
public final class Discovery {

	/**
	 * The image files under some folders.
	 *
	 * @param files   absolute, normalized paths of image files (by their extension), sorted
	 * @param ignored files without an image extension
	 */
	public record Files(List<Path> files, int ignored) {
		/** @return a note about the files left out, or null */
		public String note() {
			return ignored == 0 ? null : ignored + " file(s) without an image extension ignored";
		}
	}

	private Discovery() {
	}

	/**
	 * Lists the image files under the roots, recording nothing.
	 *
	 * @param roots folders or files
	 * @return the files
	 * @throws IOException naming a root that does not exist or cannot be walked, or saying that none of the
	 *                     roots holds an image file
	 */
	public static Files walk(List<Path> roots) throws IOException {
		if (roots.isEmpty()) {
			throw new IOException("no folder or file given");
		}
		List<Path> files = new ArrayList<>();
		int ignored = 0;
		for (Path root : roots) {
			if (!java.nio.file.Files.exists(root)) {
				throw new IOException(root + ": no such file or folder");
			}
			ignored += walk(root.toAbsolutePath().normalize(), files);
		}
		if (files.isEmpty()) {
			throw new IOException(
					(roots.size() == 1 ? roots.get(0) + " holds" : String.join(", ", roots.stream().map(Path::toString).toList()) + " hold")
							+ " no image file (none named .jpg, .tif, .png...)" + (ignored > 0 ? "; " + ignored
									+ " other file(s)" : ""));
		}
		Collections.sort(files);
		return new Files(List.copyOf(files), ignored);
	}

	/**
	 * Records the files in the project: new ones {@code Discovered}, changed ones back to {@code Discovered}.
	 *
	 * @param journal the journal
	 * @param project the project (must exist)
	 * @param found   what {@link #walk(List)} found
	 * @return the images among them still to inspect (new or changed)
	 * @throws JournalException when the journal fails
	 */
	public static List<ImageEntry> record(Journal journal, String project, Files found) throws JournalException {
		journal.discover(project, found.files());
		Set<String> wanted = new HashSet<>();
		found.files().forEach(f -> wanted.add(f.toString()));
		return journal.images(project, ImageState.DISCOVERED).stream().filter(e -> wanted.contains(e.path())).toList();
	}

	/**
	 * Records the files in the project, like {@link #record}, and returns every one of them.
	 *
	 * @param journal the journal
	 * @param project the project (must exist)
	 * @param found   what {@link #walk(List)} found
	 * @return the images of those files
	 * @throws JournalException when the journal fails
	 */
	public static List<ImageEntry> recordAll(Journal journal, String project, Files found) throws JournalException {
		journal.discover(project, found.files());
		Set<String> wanted = new HashSet<>();
		found.files().forEach(f -> wanted.add(f.toString()));
		return journal.images(project).stream().filter(e -> wanted.contains(e.path())).toList();
	}

	private static int walk(Path root, List<Path> files) throws IOException {
		if (java.nio.file.Files.isRegularFile(root)) {
			files.add(root);
			return 0;
		}
		int[] ignored = { 0 };
		java.nio.file.Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {
					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
						Path n = dir.getFileName();
						return !dir.equals(root) && n != null && n.toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
								: FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
						if (ImageInspector.hasImageExtension(file.getFileName().toString())) {
							files.add(file.toAbsolutePath().normalize());
						} else {
							ignored[0]++;
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException e) {
						// an unreadable entry with an image name is still recorded: inspection rejects it with the reason
						if (ImageInspector.hasImageExtension(file.getFileName().toString())) {
							files.add(file.toAbsolutePath().normalize());
						}
						return FileVisitResult.CONTINUE;
					}
				});
		return ignored[0];
	}
}
