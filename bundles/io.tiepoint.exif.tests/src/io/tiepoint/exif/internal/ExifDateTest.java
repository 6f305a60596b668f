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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-read EXIF date agrees with the {@code DateTimeFormatter} it replaced, field by field and on noise. */
class ExifDateTest {

	private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private static LocalDateTime reference(String s) {
		if (s == null || s.length() < 19) {
			return null;
		}
		try {
			return LocalDateTime.parse(s.substring(0, 19), EXIF);
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	@Test
	void agreesWithTheFormatterOnEveryFieldsEdges() {
		List<String> cases = new ArrayList<>();
		for (String y : List.of("0000", "0001", "1999", "2023", "2024", "2100", "9999", "20a4", " 202")) {
			for (String mo : List.of("00", "01", "02", "04", "12", "13", "1 ")) {
				for (String d : List.of("00", "01", "28", "29", "30", "31", "32", "-1")) {
					for (String t : List.of("00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "1a:00:00")) {
						cases.add(y + ":" + mo + ":" + d + " " + t);
					}
				}
			}
		}
		cases.addAll(List.of("2023:06:14 10:21:05.123", "2023:06:14 10:21:05+02:00", "2023-06-14 10:21:05",
				"2023:06:14T10:21:05", "2023:06:14 10:21:0", "", "                   ", "2023:06:14 10:21:05\0"));
		Random r = new Random(24);
		String alphabet = "0123456789: -+T\u0661";
		for (int i = 0; i < 20_000; i++) {
			char[] c = "2024:02:29 23:59:59".toCharArray();
			for (int k = r.nextInt(3); k >= 0; k--) {
				c[r.nextInt(c.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
			}
			cases.add(new String(c));
		}
		int dates = 0;
		for (String s : cases) {
			LocalDateTime want = reference(s);
			assertEquals(want, MetadataMapper.exifDate(s), s);
			dates += want == null ? 0 : 1;
		}
		assertTrue(dates > 1000, "too few valid dates among the cases: " + dates);
		assertEquals(LocalDateTime.of(2023, 2, 28, 1, 2, 3), MetadataMapper.exifDate("2023:02:31 01:02:03"));
	}
}
