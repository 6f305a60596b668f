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

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageCheck;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.SetCheck;
import io.tiepoint.exif.internal.BuiltinChecks;

/** The built-in checks on records built by hand: each rule fires where it should and nowhere else. */
class ChecksTest {

	private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 9, 0, 0);

	/** A DJI-like record on a 20 m grid, one shot every 2 s. */
	private static ImageRecord.Builder shot(int i) {
		return new ImageRecord.Builder(String.format("/set/DJI_%04d.JPG", i + 1)).mediaType("image/jpeg")
				.sha1(String.format("%040d", i)).size(1000).width(4000).height(3000).make("DJI").model("FC6310")
				.focalLength(8.8).latitude(47.0 + (i % 10) * 20 / 111_200.0).longitude(8.0 + (i / 10) * 20 / 75_800.0)
				.relativeAltitude(60.0).gimbalPitch(-90.0).gimbalYaw(0.0)
				.dateTimeOriginal(T0.plusSeconds(2L * i));
	}

	private static List<Finding> runAll(List<ImageRecord> images) {
		List<Finding> out = new ArrayList<>();
		CheckConfig c = CheckConfig.defaults();
		for (ImageRecord r : images) {
			for (ImageCheck check : BuiltinChecks.imageChecks()) {
				check.check(r, c, out::add);
			}
		}
		for (SetCheck check : BuiltinChecks.setChecks()) {
			check.check(images, c, out::add);
		}
		return out.stream().filter(f -> f.severity() != Finding.Severity.INFO).toList();
	}

	private static Set<String> findings(List<Finding> all, String name) {
		return all.stream().filter(f -> f.path().endsWith("/" + name)).map(Finding::id).collect(Collectors.toSet());
	}

	@Test
	void cleanSetHasNoFindings() {
		List<ImageRecord> set = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			set.add(shot(i).build());
		}
		assertEquals(List.of(), runAll(set));
	}

	@Test
	void eachRuleFiresOnItsImageOnly() {
		List<ImageRecord> set = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ImageRecord.Builder b = shot(i);
			switch (i) {
			case 3 -> b.latitude(0.0).longitude(0.0); // GPS (0,0)
			case 5 -> b.relativeAltitude(-1.5); // below take-off
			case 7 -> b.latitude(47.05); // 5.5 km north of the rest
			case 20 -> b.dateTimeOriginal(T0.plusSeconds(2L * i + 3600)); // an hour's pause before it
			case 21, 22, 23, 24 -> b.dateTimeOriginal(T0.plusSeconds(2L * i + 3600));
			case 30 -> b.latitude(null).longitude(null);
			default -> {
			}
			}
			set.add(b.build());
		}
		// same spot and moment as image 10, other bytes
		ImageRecord ten = set.get(10);
		set.add(new ImageRecord.Builder("/set/DJI_0999.JPG").mediaType("image/jpeg").sha1("e".repeat(40))
				.size(1000).width(4000).height(3000).make("DJI").model("FC6310").focalLength(8.8).latitude(ten.latitude())
				.longitude(ten.longitude() + 0.5 / 75_800.0).relativeAltitude(60.0).gimbalPitch(-90.0).gimbalYaw(0.0)
				.dateTimeOriginal(ten.dateTimeOriginal().plusNanos(400_000_000)).build());
		List<Finding> all = runAll(set);
		assertEquals(Set.of(FindingIds.GPS_ZERO, FindingIds.POSITION_OUTLIER), findings(all, "DJI_0004.JPG"));
		assertEquals(Set.of(FindingIds.ALTITUDE_NOT_POSITIVE), findings(all, "DJI_0006.JPG"));
		assertEquals(Set.of(FindingIds.POSITION_OUTLIER), findings(all, "DJI_0008.JPG"));
		assertEquals(Set.of(FindingIds.TIME_GAP), findings(all, "DJI_0021.JPG"));
		assertEquals(Set.of(FindingIds.NO_GPS), findings(all, "DJI_0031.JPG"));
		assertEquals(Set.of(FindingIds.NEAR_DUPLICATE, FindingIds.NUMBERING_GAP), findings(all, "DJI_0999.JPG"));
		assertEquals(8, all.size(), all.toString());
		assertTrue(all.stream().allMatch(f -> f.message().startsWith(Finding.displayName(f.path()) + ": ")));
	}
}
