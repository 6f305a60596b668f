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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hub decides nothing by a cloud's name: outside the clouds themselves ({@code internal/cloud}) no source
 * names one, so a new cloud needs no edit to the GraphQL wiring, the image service or the access rules.
 */
class NoCloudNamesTest {

	private static final Pattern NAME = Pattern.compile("\"(s3|gridfs|oss|gphotos|minio|memory)\"");
	/** The GridFS collections' name (a MongoDB collection prefix, not a cloud). */
	/**
	 * Database: the GridFS bucket's name; S3Settings: the API's settings of the S3 cloud ({@code HubConfig.s3}),
	 * which names its cloud so that the API does not import the implementation.
	 */
	private static final Set<String> CONSTANTS = Set.of("Database.java", "S3Settings.java");

	@Test
	void onlyTheCloudsNameClouds() throws IOException {
		Path src = Path.of(System.getProperty("tiepoint.hub.bundle", "../io.tiepoint.hub"), "src");
		Assumptions.assumeTrue(Files.isDirectory(src), "the hub's sources are not beside this fragment");
		List<String> hits = new ArrayList<>();
		try (Stream<Path> files = Files.walk(src)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String rel = src.relativize(f).toString().replace('\\', '/');
				// the clouds, and the OSS gateway (the OSS protocol names its service "oss" in its V4 scope)
				if (rel.contains("/internal/cloud/") || rel.contains("/internal/oss/")
						|| CONSTANTS.contains(f.getFileName().toString())) {
					continue;
				}
				Matcher m = NAME.matcher(Files.readString(f));
				while (m.find()) {
					hits.add(rel + ": " + m.group());
				}
			}
		}
		assertEquals(List.of(), hits, "ask the cloud (or its features) instead of naming it");
	}
}
