/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.InspectionRun;

/**
 * Hostile inputs: corrupted, truncated and random files, links (dangling, loop), odd names and a
 * sparse file over 4 GB. The run must finish in time and give each bad file one clear finding.
 */
class FuzzTest {

	private static final long FOUR_GB_PLUS = (1L << 32) + 4096;

	@TempDir
	Path dir;

	private static Set<String> problems(ImageRecord r) {
		return r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::id)
				.collect(Collectors.toSet());
	}

	@Test
	void hostileFilesGiveOneClearFindingEach() throws Exception {
		Random rnd = new Random(42);
		byte[] base = Images.sharpJpeg(7, 640, 480);
		byte[] corrupt = base.clone();
		for (int i = 20; i < 400; i++) {
			corrupt[i] = (byte) rnd.nextInt(256);
		}
		Files.write(dir.resolve("corrupt.jpg"), corrupt);
		Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(base, base.length / 3));
		Files.write(dir.resolve("header-only.jpg"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });
		byte[] noise = new byte[50_000];
		rnd.nextBytes(noise);
		Files.write(dir.resolve("random.jpg"), noise);
		Files.write(dir.resolve("random.bin"), Arrays.copyOf(noise, 777));
		Files.write(dir.resolve("empty.jpg"), new byte[0]);
		Files.createSymbolicLink(dir.resolve("dangling.jpg"), dir.resolve("does-not-exist.jpg"));
		Path sub = Files.createDirectories(dir.resolve("sub"));
		Files.createSymbolicLink(sub.resolve("loop"), dir);
		try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.jpg").toFile(), "rw")) {
			huge.write(base, 0, 2000); // a JPEG head, then 4 GB of holes: no end marker
			huge.setLength(FOUR_GB_PLUS);
		}
		Files.write(dir.resolve("with space.jpg"), Images.sharpJpeg(8, 320, 240));
		Files.write(sub.resolve("ünïcødé-画像.jpg"), Images.sharpJpeg(9, 320, 240));
		Files.write(sub.resolve("new\nline.jpg"), Images.sharpJpeg(10, 320, 240));

		InspectionResult result = assertTimeoutPreemptively(Duration.ofMinutes(4),
				() -> new InspectionRun(CheckConfig.defaults(), 3, null).run(List.of(dir), null));

		Map<String, Set<String>> actual = new TreeMap<>();
		for (ImageRecord r : result.records()) {
			actual.put(dir.relativize(Path.of(r.path())).toString(), problems(r));
		}
		Map<String, Set<String>> expected = new TreeMap<>();
		expected.put("corrupt.jpg", Set.of(FindingIds.CORRUPT));
		expected.put("truncated.jpg", Set.of(FindingIds.TRUNCATED));
		expected.put("header-only.jpg", Set.of(FindingIds.TRUNCATED));
		expected.put("random.jpg", Set.of(FindingIds.NOT_AN_IMAGE));
		expected.put("random.bin", Set.of(FindingIds.NOT_AN_IMAGE));
		expected.put("empty.jpg", Set.of(FindingIds.EMPTY));
		expected.put("dangling.jpg", Set.of(FindingIds.UNREADABLE));
		expected.put("sub/loop", Set.of(FindingIds.LINK_LOOP));
		expected.put("huge.jpg", Set.of(FindingIds.TRUNCATED));
		// readable images without EXIF: only the missing position is worth a warning
		expected.put("with space.jpg", Set.of(FindingIds.NO_GPS));
		expected.put("sub/ünïcødé-画像.jpg", Set.of(FindingIds.NO_GPS));
		expected.put("sub/new\nline.jpg", Set.of(FindingIds.NO_GPS));
		assertEquals(expected, actual);

		ImageRecord huge = result.records().stream().filter(r -> r.name().equals("huge.jpg")).findFirst().orElseThrow();
		assertEquals(FOUR_GB_PLUS, huge.size());
		assertEquals(40, huge.sha1().length());
		ImageRecord newline = result.records().stream().filter(r -> r.name().startsWith("new")).findFirst().orElseThrow();
		assertTrue(newline.findings().get(0).message().startsWith("new\\nline.jpg: "), "control characters escaped");
		assertEquals(Severity.WARNING, severity(result, "random.bin"));
		assertEquals(Severity.ERROR, severity(result, "random.jpg"));
	}

	private static Severity severity(InspectionResult r, String name) {
		return r.records().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().findings().get(0)
				.severity();
	}

	@Test
	void unreadableFileIsAFinding() throws Exception {
		Path f = dir.resolve("secret.jpg");
		Files.write(f, Images.sharpJpeg(11, 64, 64));
		Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
		try {
			assumeFalse(Files.isReadable(f), "running as root: chmod 000 does not stop root from reading, so an "
					+ "unreadable file cannot be simulated here");
			InspectionResult result = assertTimeoutPreemptively(Duration.ofMinutes(1),
					() -> new InspectionRun(CheckConfig.defaults(), 1, null).run(List.of(dir), null));
			ImageRecord r = result.records().get(0);
			assertEquals(Set.of(FindingIds.UNREADABLE), problems(r));
			assertTrue(r.findings().get(0).message().contains("permission denied"), r.findings().toString());
		} finally {
			Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
		}
	}

	@Test
	void randomBytesNeverCrashTheInspector() throws IOException {
		Random rnd = new Random(1234);
		byte[] base = Images.sharpJpeg(12, 200, 150);
		for (int i = 0; i < 60; i++) {
			byte[] b = base.clone();
			for (int k = 0; k < 1 + rnd.nextInt(40); k++) {
				b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
			}
			b = Arrays.copyOf(b, 3 + rnd.nextInt(b.length));
			Files.write(dir.resolve("f" + i + ".jpg"), b);
		}
		InspectionResult result = assertTimeoutPreemptively(Duration.ofMinutes(2),
				() -> new InspectionRun(CheckConfig.defaults(), 4, null).run(List.of(dir), null));
		assertEquals(60, result.records().size());
		for (ImageRecord r : result.records()) {
			assertFalse(r.sha1() == null, r.path());
			long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
			assertTrue(errors <= 1, "at most one error per file: " + r.findings());
		}
	}

	@Test
	void missingRootIsAFinding() {
		assumeTrue(Files.isDirectory(dir));
		InspectionResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> new InspectionRun(CheckConfig.defaults(), 1, null).run(List.of(dir.resolve("nope")), null));
		assertEquals(1, result.records().size());
		assertTrue(result.records().get(0).has(FindingIds.UNREADABLE));
	}
}
