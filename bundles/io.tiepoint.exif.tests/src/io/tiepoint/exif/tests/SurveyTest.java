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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.Footprint;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.InspectionRun;
import io.tiepoint.testing.TestData;

/** The synthetic survey: truth from meta/, the broken inputs in bad/, overlap of the flight plan. */
class SurveyTest {

	private static Path survey;
	private static InspectionResult result;

	@BeforeAll
	static void scan() throws IOException {
		assumeTrue(TestData.syntheticSurvey().isPresent(), "shared/data/synthetic-survey not present");
		survey = TestData.syntheticSurvey().get();
		result = new InspectionRun(CheckConfig.defaults(), 3, null).run(
				List.of(survey.resolve("images"), survey.resolve("bad")), null);
	}

	private static ImageRecord byName(String name) {
		return result.records().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
				() -> new AssertionError(name + " not in the result"));
	}

	private static Set<String> ids(ImageRecord r, Severity... severities) {
		Set<Severity> s = Set.of(severities);
		return r.findings().stream().filter(f -> s.contains(f.severity())).map(Finding::id)
				.collect(Collectors.toCollection(TreeSet::new));
	}

	@Test
	void everyFileIsReported() {
		assertEquals(44, result.records().size());
	}

	@Test
	void threadsChangedDuringARunInspectEveryFileOnMoreThreads() throws IOException {
		InspectionRun run = new InspectionRun(CheckConfig.defaults(), 1, null);
		Set<String> inspecting = ConcurrentHashMap.newKeySet();
		AtomicInteger seen = new AtomicInteger();
		List<ImageRecord> records = run.inspectFiles(List.of(survey.resolve("images"), survey.resolve("bad")), null, r -> {
			if (seen.incrementAndGet() == 1) {
				run.threads(3); // as an ingest does once its destination is open
			}
			Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("tiepoint-inspect-"))
					.forEach(inspecting::add);
		});
		assertEquals(result.records().stream().map(ImageRecord::path).collect(Collectors.toCollection(TreeSet::new)),
				records.stream().map(ImageRecord::path).collect(Collectors.toCollection(TreeSet::new)));
		assertTrue(inspecting.size() >= 2, "inspection threads seen: " + inspecting);
		assertThrows(IllegalArgumentException.class, () -> run.threads(0));
	}

	@Test
	void badFilesGetExactlyTheirFindings() {
		// the ERROR and WARNING findings each broken input deserves; nothing more, nothing less
		Map<String, Set<String>> expected = new TreeMap<>(Map.of(
				"DJI_0901_truncated.JPG", Set.of(FindingIds.TRUNCATED, FindingIds.NUMBERING_GAP),
				"DJI_0902_empty.JPG", Set.of(FindingIds.EMPTY),
				// a PNG without any metadata: the extension lies, and it indeed has no position
				"DJI_0903_png.JPG", Set.of(FindingIds.EXTENSION_MISMATCH, FindingIds.NO_GPS),
				"DJI_0904_nogps.JPG", Set.of(FindingIds.NO_GPS),
				"DJI_0905_dup_of_0007.JPG", Set.of(FindingIds.DUPLICATE),
				"IMG_0906_canon.JPG", Set.of(FindingIds.CAMERA_MISMATCH)));
		Map<String, Set<String>> actual = new TreeMap<>();
		expected.keySet().forEach(n -> actual.put(n, ids(byName(n), Severity.ERROR, Severity.WARNING)));
		assertEquals(expected, actual);
		assertEquals(Set.of(FindingIds.TRUNCATED), ids(byName("DJI_0901_truncated.JPG"), Severity.ERROR));
		assertEquals(Set.of(FindingIds.EMPTY), ids(byName("DJI_0902_empty.JPG"), Severity.ERROR));
		ImageRecord png = byName("DJI_0903_png.JPG");
		assertEquals("image/png", png.mediaType());
		assertEquals(1200, png.width());
		assertNotNull(png.blurVariance(), "the PNG is still decoded");
		assertTrue(byName("DJI_0905_dup_of_0007.JPG").findings().stream()
				.anyMatch(f -> f.message().contains("DJI_0007.JPG")), "duplicate names its original");
	}

	@Test
	void messagesNameTheFile() {
		for (ImageRecord r : result.records()) {
			for (Finding f : r.findings()) {
				assertTrue(f.message().startsWith(r.name() + ": "), f.message());
				assertEquals(r.path(), f.path());
			}
		}
	}

	@Test
	void goodImagesHaveNoErrorsOrWarnings() {
		List<ImageRecord> good = result.records().stream().filter(r -> r.path().contains("images")).toList();
		assertEquals(38, good.size());
		for (ImageRecord r : good) {
			assertEquals(Set.of(), ids(r, Severity.ERROR, Severity.WARNING), r.name());
		}
	}

	@Test
	void valuesMatchWhatTheGeneratorWrote() throws IOException {
		List<String> lines = Files.readAllLines(survey.resolve("meta/exif_written.csv"), StandardCharsets.UTF_8);
		int n = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] c = line.split(",");
			ImageRecord r = byName(c[0]);
			assertEquals(Double.parseDouble(c[2]), r.latitude(), 1e-7, c[0]);
			assertEquals(Double.parseDouble(c[3]), r.longitude(), 1e-7, c[0]);
			assertEquals(Double.parseDouble(c[4]), r.altitude(), 1e-2, c[0]);
			assertEquals(Double.parseDouble(c[5]), r.relativeAltitude(), 1e-6, c[0]);
			assertEquals(java.time.LocalDateTime.parse(c[6], java.time.format.DateTimeFormatter.ofPattern(
					"yyyy:MM:dd HH:mm:ss")), r.dateTimeOriginal().withNano(0), c[0]);
			assertEquals(Double.parseDouble(c[7]), r.gimbalPitch(), 1e-6, c[0]);
			assertEquals(Double.parseDouble(c[8]), r.gimbalYaw(), 1e-6, c[0]);
			assertEquals(Double.parseDouble(c[9]), r.flightYaw(), 1e-6, c[0]);
			String view = c[1].equals("nadir") ? FindingIds.NADIR : FindingIds.OBLIQUE;
			assertEquals(Set.of(view), ids(r, Severity.INFO), c[0]);
			assertEquals("DJI", r.make());
			assertEquals("FC6310", r.model());
			assertEquals("0K8TG4R0030241", r.serial());
			assertEquals(24.0, r.focalLength35());
			assertEquals(1.08, r.megapixels(), 1e-9);
			assertEquals(1.0 / 640, r.exposureTime(), 1e-9);
			assertEquals(100, r.iso());
			assertEquals(5.6, r.fNumber(), 1e-9);
			assertEquals(13.2, r.sensorWidth(), 1e-3);
			assertTrue(r.dateTimeOriginal().getNano() > 0, "SubSecTimeOriginal applied");
			n++;
		}
		assertEquals(38, n);
	}

	@Test
	void overlapMatchesTheFlightPlan() {
		// generate.sh plans 80 % forward and 70 % side overlap for the 30 nadir images on 5 lines
		assertEquals(30, result.overlap().nadirImages());
		assertEquals(5, result.overlap().flightLines());
		assertEquals(0.80, result.overlap().medianForward(), 0.10);
		assertEquals(0.70, result.overlap().medianSide(), 0.10);
		for (Footprint f : result.overlap().footprints()) {
			assertNotNull(f.forwardOverlap(), f.path());
			assertNotNull(f.sideOverlap(), f.path());
			assertEquals(0.80, f.forwardOverlap(), 0.10, f.path());
			assertEquals(0.70, f.sideOverlap(), 0.10, f.path());
			assertEquals(5, f.ring().size());
		}
		assertFalse(result.findings().stream().anyMatch(f -> f.id().equals(FindingIds.LOW_OVERLAP)));
	}

	@Test
	void sparseSurveyIsFlaggedForLowOverlap() throws IOException {
		// every other image of lines 1 and 4: forward 60 %, side 10 % by the plan
		List<Path> sparse = result.records().stream().filter(r -> r.path().contains("images"))
				.map(r -> Path.of(r.path())).filter(p -> {
					int n = Integer.parseInt(p.getFileName().toString().substring(4, 8));
					int line = (n - 1) / 6;
					return n <= 30 && (line == 0 || line == 3) && n % 2 == 1;
				}).toList();
		InspectionResult r = new InspectionRun(CheckConfig.defaults(), 2, null).run(sparse, null);
		assertEquals(0.60, r.overlap().medianForward(), 0.05);
		assertEquals(0.10, r.overlap().medianSide(), 0.05);
		long low = r.findings().stream().filter(f -> f.id().equals(FindingIds.LOW_OVERLAP))
				.filter(f -> f.message().contains(": side overlap")).count();
		assertEquals(sparse.size(), low, "every image has a side gap");
	}

	@Test
	void stackedCopiesAtOneSpotDoNotBreakTheOverlapEstimate(@org.junit.jupiter.api.io.TempDir Path tmp)
			throws IOException {
		// the same three images copied many times (different bytes, same positions): found by the benchmark
		for (int i = 0; i < 12; i++) {
			String src = String.format("DJI_%04d.JPG", 1 + i % 3);
			byte[] b = Files.readAllBytes(survey.resolve("images").resolve(src));
			byte[] c = new byte[b.length + 6];
			c[0] = b[0];
			c[1] = b[1];
			c[2] = (byte) 0xff;
			c[3] = (byte) 0xfe;
			c[4] = 0;
			c[5] = 4;
			c[6] = (byte) i;
			c[7] = (byte) i;
			System.arraycopy(b, 2, c, 8, b.length - 2);
			Files.write(tmp.resolve(String.format("C_%03d.JPG", i)), c);
		}
		InspectionResult r = new InspectionRun(CheckConfig.defaults(), 2, null).run(List.of(tmp), null);
		assertEquals(12, r.records().size());
		assertFalse(r.findings().stream().anyMatch(f -> f.id().equals(FindingIds.CHECK_FAILED)), r.findings().toString());
		assertEquals(9, r.findings().stream().filter(f -> f.id().equals(FindingIds.NEAR_DUPLICATE))
				.map(Finding::path).distinct().count(), "all but the first copy of each spot");
	}

	@Test
	void cameraGroups() {
		assertEquals(2, result.cameras().size());
		assertEquals(40, result.cameras().get(0).count());
		assertEquals("FC6310", result.cameras().get(0).model());
		assertEquals("Canon EOS 5D Mark IV", result.cameras().get(1).model());
	}
}
