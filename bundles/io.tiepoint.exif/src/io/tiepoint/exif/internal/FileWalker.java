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

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageRecord;

/**
 * Lists the files under the given roots recursively, following links but never into a loop (the
 * JDK detects loops by file key). Problems (loops, unreadable directories, missing roots) become
 * records with a finding.
 */
public final class FileWalker {

	/**
	 * @param files    the files to inspect, sorted
	 * @param problems records for paths that cannot be walked
	 */
	public record Listing(List<Path> files, List<ImageRecord> problems) {
	}

	private FileWalker() {
	}

	/**
	 * @param roots    directories or files
	 * @param canceled polled per entry; when true the walk stops
	 * @return the listing
	 * @throws IOException only on an unexpected walk failure
	 */
	public static Listing walk(List<Path> roots, BooleanSupplier canceled) throws IOException {
		List<Path> files = new ArrayList<>();
		List<ImageRecord> problems = new ArrayList<>();
		for (Path root : roots) {
			if (!Files.exists(root)) {
				problems.add(problem(root, FindingIds.UNREADABLE, Files.isSymbolicLink(root) ? "dangling symbolic link"
						: "no such file or directory"));
				continue;
			}
			Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
					new SimpleFileVisitor<>() {
						@Override
						public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
							return canceled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
							files.add(file); // regular, special or dangling: the inspector reports which
							return canceled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path file, IOException e) {
							if (e instanceof FileSystemLoopException) {
								problems.add(problem(file, FindingIds.LINK_LOOP, "link leads back into a parent folder, not followed"));
							} else {
								problems.add(problem(file, FindingIds.UNREADABLE, "cannot read: " + e));
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult postVisitDirectory(Path dir, IOException e) {
							if (e != null) {
								problems.add(problem(dir, FindingIds.UNREADABLE, "folder cannot be listed: " + e));
							}
							return FileVisitResult.CONTINUE;
						}
					});
		}
		files.sort(null);
		return new Listing(files, problems);
	}

	private static ImageRecord problem(Path p, String id, String reason) {
		ImageRecord.Builder b = new ImageRecord.Builder(p.toString());
		b.add(Finding.of(id, FindingIds.LINK_LOOP.equals(id) ? Severity.WARNING : Severity.ERROR, p.toString(), reason));
		return b.build();
	}
}
