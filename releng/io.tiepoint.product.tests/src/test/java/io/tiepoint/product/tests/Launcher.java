/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

/** Starts {@code ./tiepoint} on the product this build materialized, as a user would. */
final class Launcher {

	record Result(int code, String out, String err) {
	}

	static Path root() {
		return Path.of(System.getProperty("tiepoint.root", "../..")).toAbsolutePath().normalize();
	}

	static Path product() {
		Path p = Path.of(System.getProperty("tiepoint.product")).toAbsolutePath().normalize();
		assertTrue(Files.isDirectory(p.resolve("plugins")), "the product was not materialized: " + p);
		return p;
	}

	/** @return a process builder for {@code ./tiepoint ARGS} bound to this build's product */
	static ProcessBuilder builder(Map<String, String> extraEnv, String... args) {
		List<String> cmd = new ArrayList<>();
		cmd.add(root().resolve("tiepoint").toString());
		cmd.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(cmd);
		pb.environment().put("TIEPOINT_PRODUCT", product().toString());
		pb.environment().putAll(extraEnv);
		return pb;
	}

	static Result run(String... args) throws IOException, InterruptedException {
		return run(Map.of(), args);
	}

	static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
		Path out = Files.createTempFile("tiepoint-out", ".txt");
		Path err = Files.createTempFile("tiepoint-err", ".txt");
		try {
			Process p = builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new AssertionError("tiepoint " + String.join(" ", args) + " did not finish in 120 s");
			}
			return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		} finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/**
	 * @param target where to copy this build's product (left out: the command line's configurations, which the
	 *               launcher makes again from the product's)
	 * @return the copy, to change (install plug-ins) without touching the build's product
	 */
	static Path copyOfProduct(Path target) throws IOException {
		Path source = product();
		try (java.util.stream.Stream<Path> s = Files.walk(source)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				String rel = source.relativize(p).toString();
				if (rel.matches("\\.?configuration-(cli|p2).*")) {
					continue;
				}
				Path to = target.resolve(rel);
				if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
					Files.createDirectories(to);
				} else {
					Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		return target;
	}

	private static final Pattern IMAGE = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\",\\s*\"sha1\"\\s*:\\s*"
			+ "(?:\"[0-9a-f]*\"|null),\\s*\"state\"\\s*:\\s*\"([A-Za-z]+)\"");

	/** @return image name to state, from {@code tiepoint status --json} */
	static Map<String, String> states(String project, Path ws) throws IOException, InterruptedException {
		Result r = run("status", "--project", project, "--workspace", ws.toString(), "--json");
		assertTrue(r.code() == 0, r.err());
		Map<String, String> out = new java.util.HashMap<>();
		Matcher m = IMAGE.matcher(r.out());
		while (m.find()) {
			out.put(m.group(1), m.group(2));
		}
		return out;
	}

	private Launcher() {
	}
}
