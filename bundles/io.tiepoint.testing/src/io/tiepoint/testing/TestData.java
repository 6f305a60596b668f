/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared test data ({@code ../shared/data} beside the project root).
 * <p>
 * The build passes the location as the system property {@code tiepoint.shared.data}; when it is
 * absent the lookup walks up from the working directory. Tests call {@link #sharedData()} and skip
 * (JUnit {@code Assumptions}) when it is empty, so a checkout without the shared folder still builds.
 */
public final class TestData {

	/** System property naming the shared data directory. */
	public static final String PROPERTY = "tiepoint.shared.data";

	private TestData() {
	}

	/** @return the shared data directory, if it exists on this machine */
	public static Optional<Path> sharedData() {
		String prop = System.getProperty(PROPERTY);
		if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop))) {
			return Optional.of(Paths.get(prop).toAbsolutePath().normalize());
		}
		for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
			Path candidate = p.resolve("shared").resolve("data");
			if (Files.isDirectory(candidate.resolve("synthetic-survey"))) {
				return Optional.of(candidate.normalize());
			}
		}
		return Optional.empty();
	}

	/** @return {@code shared/data/synthetic-survey}, if present */
	public static Optional<Path> syntheticSurvey() {
		return sharedData().map(d -> d.resolve("synthetic-survey")).filter(Files::isDirectory);
	}

	/** @return {@code shared/data/real-cameras}, if present */
	public static Optional<Path> realCameras() {
		return sharedData().map(d -> d.resolve("real-cameras")).filter(Files::isDirectory);
	}

	/** System property naming the repository's {@code samples} directory (set by the poms). */
	public static final String SAMPLES_PROPERTY = "tiepoint.samples";

	/** @return the repository's sample survey images ({@code samples/survey/images}); skips the test when absent */
	public static Path sampleImages() {
		String dir = System.getProperty(SAMPLES_PROPERTY, "");
		Path images = dir.isBlank() ? null : Path.of(dir, "survey", "images");
		Assumptions.assumeTrue(images != null && Files.isDirectory(images),
				"sample survey absent: -D" + SAMPLES_PROPERTY + "=" + dir + " has no survey/images");
		return images;
	}

	/**
	 * Writes {@code copies} copies of every JPEG in {@code source} into {@code target}, each made distinct
	 * (another SHA-1) by a JPEG comment segment right after the SOI marker: still valid JPEGs with the same
	 * EXIF, GPS and pixels, so a survey of any size can be made from a small one.
	 *
	 * @param source a folder of JPEGs
	 * @param target the folder to write (created)
	 * @param copies copies of each file
	 * @return the files written, sorted
	 * @throws IOException when a file cannot be read or written
	 */
	public static List<Path> distinctCopies(Path source, Path target, int copies) throws IOException {
		List<Path> in;
		try (Stream<Path> s = Files.list(source)) {
			in = s.filter(p -> p.getFileName().toString().toUpperCase().endsWith(".JPG")).sorted().toList();
		}
		Files.createDirectories(target);
		List<Path> out = new ArrayList<>();
		for (int c = 0; c < copies; c++) {
			for (Path p : in) {
				byte[] bytes = Files.readAllBytes(p);
				String name = p.getFileName().toString();
				int dot = name.lastIndexOf('.');
				Path dst = target.resolve(name.substring(0, dot) + "_c" + c + name.substring(dot));
				byte[] comment = ("tiepoint test copy " + c + " of " + name).getBytes(StandardCharsets.US_ASCII);
				try (OutputStream o = Files.newOutputStream(dst)) {
					o.write(bytes, 0, 2); // SOI
					o.write(new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) ((comment.length + 2) >> 8),
							(byte) (comment.length + 2) });
					o.write(comment);
					o.write(bytes, 2, bytes.length - 2);
				}
				out.add(dst);
			}
		}
		return out;
	}

	/**
	 * A survey of exactly {@code count} distinct images made from the sample survey
	 * ({@link #distinctCopies(Path, Path, int)}, the extra copies removed).
	 *
	 * @param target the folder to write (created)
	 * @param count  how many images
	 * @return the files written, sorted
	 * @throws IOException when a file cannot be read or written
	 */
	public static List<Path> sampleSurvey(Path target, int count) throws IOException {
		List<Path> all = distinctCopies(sampleImages(), target, Math.max(1, (count + 15) / 16));
		for (Path extra : all.subList(Math.min(count, all.size()), all.size())) {
			Files.delete(extra);
		}
		return all.subList(0, Math.min(count, all.size()));
	}
}
