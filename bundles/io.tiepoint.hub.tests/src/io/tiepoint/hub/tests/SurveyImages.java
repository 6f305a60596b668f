/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.tiepoint.testing.TestData;

/** The real images of the synthetic survey, skipping the test when the shared data is absent. */
public final class SurveyImages {

	private SurveyImages() {
	}

	/** @param max at most this many @return image files, sorted */
	public static List<Path> list(int max) {
		Path dir = TestData.syntheticSurvey().map(d -> d.resolve("images")).filter(Files::isDirectory).orElse(null);
		Assumptions.assumeTrue(dir != null, "shared data synthetic-survey/images absent");
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().toUpperCase().endsWith(".JPG")).sorted().limit(max).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @param bytes content @return hex sha1 */
	public static String sha1(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @param file a file @return its bytes */
	public static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
