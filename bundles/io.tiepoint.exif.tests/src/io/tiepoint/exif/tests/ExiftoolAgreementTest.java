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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.exif.ImageInspector;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.testing.TestData;

/**
 * Compares what the inspector reads with exiftool's values, committed in
 * {@code data/exiftool-expected.json} and {@code data/checksums-expected.txt} by
 * {@code data/gen-expected.sh} (so this test needs no exiftool).
 */
class ExiftoolAgreementTest {

	private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private final ImageInspector inspector = new ImageInspector();

	static Path dataDir() {
		Path p = Paths.get("data");
		for (Path c : List.of(p, Paths.get("bundles/io.tiepoint.exif.tests/data"))) {
			if (Files.isRegularFile(c.resolve("exiftool-expected.json"))) {
				return c;
			}
		}
		String prop = System.getProperty("tiepoint.exif.tests.data");
		return prop == null ? p : Paths.get(prop);
	}

	static Path shared() {
		Optional<Path> survey = TestData.syntheticSurvey();
		assumeTrue(survey.isPresent(), "shared test data (shared/data) not present");
		return survey.get().getParent();
	}

	@Test
	void metadataAgreesWithExiftool() throws IOException {
		Path shared = shared();
		JsonNode expected;
		try (InputStream in = Files.newInputStream(dataDir().resolve("exiftool-expected.json"))) {
			expected = new ObjectMapper().readTree(in);
		}
		int compared = 0;
		int withGps = 0;
		int withDji = 0;
		List<String> problems = new ArrayList<>();
		for (JsonNode e : expected) {
			String rel = e.get("SourceFile").asText();
			Path file = shared.resolve(rel);
			if (!Files.isRegularFile(file) || e.path("System:FileSize").asLong() == 0) {
				continue;
			}
			ImageRecord r = inspector.inspect(file);
			compared++;
			check(problems, rel, "size", e.get("System:FileSize").asLong(), r.size());
			check(problems, rel, "mediaType", e.path("File:MIMEType").asText(null), r.mediaType());
			if (e.has("File:ImageWidth")) { // exiftool reports PNG dimensions under PNG:, not File:
				check(problems, rel, "width", e.get("File:ImageWidth").asInt(), r.width());
				check(problems, rel, "height", e.get("File:ImageHeight").asInt(), r.height());
			}
			text(problems, rel, "make", e, "IFD0:Make", r.make());
			text(problems, rel, "model", e, "IFD0:Model", r.model());
			text(problems, rel, "serial", e, "ExifIFD:SerialNumber", r.serial());
			text(problems, rel, "lens", e, "ExifIFD:LensModel", r.lens());
			num(problems, rel, "orientation", e, "IFD0:Orientation", r.orientation(), 0);
			num(problems, rel, "focalLength", e, "ExifIFD:FocalLength", r.focalLength(), 1e-3);
			num(problems, rel, "focalLength35", e, "ExifIFD:FocalLengthIn35mmFormat", r.focalLength35(), 1e-3);
			num(problems, rel, "exposureTime", e, "ExifIFD:ExposureTime", r.exposureTime(), 1e-6);
			num(problems, rel, "iso", e, "ExifIFD:ISO", r.iso(), 0);
			num(problems, rel, "fNumber", e, "ExifIFD:FNumber", r.fNumber(), 1e-3);
			num(problems, rel, "latitude", e, "Composite:GPSLatitude", r.latitude(), 1e-7);
			num(problems, rel, "longitude", e, "Composite:GPSLongitude", r.longitude(), 1e-7);
			num(problems, rel, "altitude", e, "Composite:GPSAltitude", r.altitude(), 1e-3);
			num(problems, rel, "relativeAltitude", e, "XMP-drone-dji:RelativeAltitude", r.relativeAltitude(), 1e-6);
			num(problems, rel, "absoluteAltitude", e, "XMP-drone-dji:AbsoluteAltitude", r.absoluteAltitude(), 1e-6);
			num(problems, rel, "gimbalYaw", e, "XMP-drone-dji:GimbalYawDegree", r.gimbalYaw(), 1e-6);
			num(problems, rel, "gimbalPitch", e, "XMP-drone-dji:GimbalPitchDegree", r.gimbalPitch(), 1e-6);
			num(problems, rel, "gimbalRoll", e, "XMP-drone-dji:GimbalRollDegree", r.gimbalRoll(), 1e-6);
			num(problems, rel, "flightYaw", e, "XMP-drone-dji:FlightYawDegree", r.flightYaw(), 1e-6);
			num(problems, rel, "flightPitch", e, "XMP-drone-dji:FlightPitchDegree", r.flightPitch(), 1e-6);
			num(problems, rel, "flightRoll", e, "XMP-drone-dji:FlightRollDegree", r.flightRoll(), 1e-6);
			if (e.has("ExifIFD:DateTimeOriginal")) {
				LocalDateTime want = LocalDateTime.parse(e.get("ExifIFD:DateTimeOriginal").asText().substring(0, 19), EXIF);
				LocalDateTime got = r.dateTimeOriginal() == null ? null : r.dateTimeOriginal().truncatedTo(ChronoUnit.SECONDS);
				check(problems, rel, "dateTimeOriginal", want, got);
			}
			text(problems, rel, "offsetTimeOriginal", e, "ExifIFD:OffsetTimeOriginal", r.offsetTimeOriginal());
			withGps += e.has("Composite:GPSLatitude") ? 1 : 0;
			withDji += e.has("XMP-drone-dji:RelativeAltitude") ? 1 : 0;
		}
		assertTrue(compared >= 60, "compared only " + compared + " files");
		assertTrue(withGps >= 40 && withDji >= 38, "ground truth lost its GPS/DJI values: " + withGps + "/" + withDji);
		assertEquals(List.of(), problems);
	}

	@Test
	void checksumsAgreeWithCoreutils() throws IOException {
		Path shared = shared();
		List<String> lines = Files.readAllLines(dataDir().resolve("checksums-expected.txt"), StandardCharsets.UTF_8);
		assertTrue(lines.size() >= 60);
		for (String line : lines) {
			String[] f = line.split(" ", 4);
			ImageRecord r = inspector.inspect(shared.resolve(f[3]));
			assertEquals(f[0], r.sha1(), "sha1 of " + f[3]);
			assertEquals(f[1], r.md5(), "md5 of " + f[3]);
			assertEquals(Long.parseLong(f[2]), r.size(), "size of " + f[3]);
		}
	}

	private static void check(List<String> problems, String file, String what, Object want, Object got) {
		if (want == null ? got != null : !want.equals(got)) {
			problems.add(file + ": " + what + " exiftool=" + want + " tiepoint=" + got);
		}
	}

	private static void text(List<String> problems, String file, String what, JsonNode e, String key, String got) {
		String want = e.has(key) ? e.get(key).asText().trim() : null;
		if (want != null && want.isEmpty()) {
			want = null;
		}
		check(problems, file, what, want, got);
	}

	private static void num(List<String> problems, String file, String what, JsonNode e, String key, Number got,
			double tol) {
		// DJI XMP values are text such as "+80.10" (exiftool keeps them as strings even with -n);
		// a 35 mm equivalent of 0 means "unknown" in EXIF and is reported as absent
		Double want = null;
		if (e.has(key)) {
			want = e.get(key).isNumber() ? e.get(key).asDouble() : Double.parseDouble(e.get(key).asText().trim());
			if (want == 0 && key.endsWith("In35mmFormat")) {
				want = null;
			}
		}
		if (want == null) {
			if (got != null) {
				problems.add(file + ": " + what + " exiftool=absent tiepoint=" + got);
			}
			return;
		}
		if (got == null || Math.abs(want - got.doubleValue()) > tol) {
			problems.add(file + ": " + what + " exiftool=" + want + " tiepoint=" + got);
		}
	}
}
