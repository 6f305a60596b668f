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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.testing.TestData;

/**
 * {@code tiepoint plugins} on a copy of the materialized product: the example third-party plug-in (the local folder
 * storage provider, in its own p2 repository and in no product feature) installed, listed by {@code providers},
 * used by {@code ingest --to folder:///...}, uninstalled and gone; the product's own files the same before and
 * after. A feature whose requirement cannot be met is refused, naming the requirement, and changes nothing.
 */
class PluginsProductTest {

	private static final String FEATURE = "io.tiepoint.storage.folder.feature";

	@TempDir
	Path tmp;

	@Test
	void installUseAndUninstallTheFolderProvider() throws Exception {
		Path product = copyOfProduct();
		Map<String, String> env = Map.of("TIEPOINT_PRODUCT", product.toString());
		Map<String, String> own = checksums(product, "plugins", "features");
		Launcher.Result before = Launcher.run(env, "providers");
		assertEquals(0, before.code(), before.err());
		assertFalse(before.out().contains("folder://"), "no folder provider before: " + before.out());

		Launcher.Result install = Launcher.run(env, "plugins", "install", "--repository", repository().toString(), FEATURE);
		assertEquals(0, install.code(), install.out() + install.err());
		assertTrue(install.out().contains("installed " + FEATURE), install.out());
		assertTrue(install.err().contains("%] "), "progress is shown: " + install.err());
		Launcher.Result list = Launcher.run(env, "plugins", "list");
		assertTrue(list.out().contains(FEATURE), list.out());
		Launcher.Result update = Launcher.run(env, "plugins", "update");
		assertEquals(0, update.code(), update.out() + update.err());
		assertTrue(update.out().contains("nothing to update"), "the repository has no newer version: " + update.out());
		Launcher.Result usage = Launcher.run(env, "plugins", "install", "--repository", repository().toString());
		assertEquals(2, usage.code(), "no feature named: a usage error\n" + usage.err());
		Launcher.Result providers = Launcher.run(env, "providers");
		assertTrue(providers.out().contains("folder  Local folder") && providers.out().contains("folder://"),
				providers.out());

		Path nas = Files.createDirectories(tmp.resolve("nas"));
		Path ws = tmp.resolve("ws");
		Launcher.Result ingest = Launcher.run(env, "ingest", TestData.sampleImages().toString(), "--project", "flight",
				"--to", "folder://" + nas, "--workspace", ws.toString());
		assertEquals(0, ingest.code(), ingest.out() + ingest.err());
		long images;
		try (Stream<Path> s = Files.list(TestData.sampleImages())) {
			images = s.filter(Files::isRegularFile).count();
		}
		Map<String, String> states = Launcher.states("flight", ws);
		assertEquals(images, states.size(), states.toString());
		states.forEach((name, state) -> assertEquals("Stored", state, name));
		try (Stream<Path> s = Files.walk(nas)) { // filed by day and checksum: YYYY/MM/DD/ab/ab...-NAME
			assertEquals(images, s.filter(p -> nas.relativize(p).toString()
					.matches("\\d{4}/\\d{2}/\\d{2}/[0-9a-f]{2}/[0-9a-f]{40}-.+")).count());
		}
		assertUnchanged(own, subset(checksums(product, "plugins", "features"), own), "the product's own files");

		Launcher.Result uninstall = Launcher.run(env, "plugins", "uninstall", FEATURE);
		assertEquals(0, uninstall.code(), uninstall.out() + uninstall.err());
		Launcher.Result after = Launcher.run(env, "providers");
		assertEquals(0, after.code(), after.err());
		assertFalse(after.out().contains("folder://"), "the folder provider is gone: " + after.out());
		// the uninstalling process still had the plug-in's jar open: the next plugins command deletes it
		assertTrue(Launcher.run(env, "plugins", "list").out().contains("no plug-ins installed"));
		assertUnchanged(own, checksums(product, "plugins", "features"),
				"the product's files after the uninstall (the plug-in's gone)");
		// the installation's update site (the setting plugins.repositories; config.ini's tiepoint.plugins.repositories
		// likewise): install without --repository, then uninstall again
		Map<String, String> withSite = Map.of("TIEPOINT_PRODUCT", product.toString(), "TIEPOINT_PLUGINS_REPOSITORIES",
				repository().toString());
		Launcher.Result fromSite = Launcher.run(withSite, "plugins", "install", FEATURE);
		assertEquals(0, fromSite.code(), fromSite.out() + fromSite.err());
		assertTrue(Launcher.run(env, "providers").out().contains("folder://"));
		assertEquals(0, Launcher.run(env, "plugins", "uninstall", FEATURE).code());
		Launcher.Result other = Launcher.run(env, "plugins", "install", "io.tiepoint.other");
		assertEquals(1, other.code());
		assertTrue(other.err().contains("no update site has the feature io.tiepoint.other"), other.err());
		Launcher.Result again = Launcher.run(env, "ingest", TestData.sampleImages().toString(), "--project", "other",
				"--to", "folder://" + nas, "--workspace", tmp.resolve("ws2").toString());
		assertEquals(2, again.code(), again.out() + again.err());
		assertTrue(again.err().contains("no installed storage provider takes folder://"), again.err());
	}

	@Test
	void aFeatureWhoseRequirementCannotBeMetIsRefusedAndChangesNothing() throws Exception {
		Path product = copyOfProduct();
		Map<String, String> env = Map.of("TIEPOINT_PRODUCT", product.toString());
		// the first p2 command in a copied installation records where it now is (a new snapshot of the profile)
		assertTrue(Launcher.run(env, "plugins", "list").out().contains("no plug-ins installed"));
		Map<String, String> before = checksums(product, "plugins", "features", "configuration", "p2");
		Path repo = brokenRepository();
		Launcher.Result install = Launcher.run(env, "plugins", "install", "--repository", repo.toString(),
				"io.tiepoint.example.broken");
		assertEquals(1, install.code(), install.out() + install.err());
		assertTrue(install.err().contains("io.tiepoint.no.such.bundle"), "the message names the missing requirement: "
				+ install.err());
		assertUnchanged(before, checksums(product, "plugins", "features", "configuration", "p2"), "the installation");
		Launcher.Result unknown = Launcher.run(env, "plugins", "install", "--repository", repository().toString(),
				"io.tiepoint.no.such.feature");
		assertEquals(1, unknown.code());
		assertTrue(unknown.err().contains("has no feature io.tiepoint.no.such.feature (its features: " + FEATURE + ")"),
				unknown.err());
		Launcher.Result own = Launcher.run(env, "plugins", "uninstall", "io.tiepoint.feature");
		assertEquals(1, own.code());
		assertTrue(own.err().contains("part of Tiepoint itself"), own.err());
		assertUnchanged(before, checksums(product, "plugins", "features", "configuration", "p2"), "the installation");
	}

	private static Path repository() {
		Path repo = Path.of(System.getProperty("tiepoint.plugin.repository", "")).toAbsolutePath();
		assertTrue(Files.isRegularFile(repo.resolve("content.jar")) || Files.isRegularFile(repo.resolve("content.xml.xz")),
				"the example plug-in's repository was not built: " + repo);
		return repo;
	}

	/** @return a repository whose one feature requires a bundle that exists nowhere */
	private Path brokenRepository() throws IOException {
		Path repo = Files.createDirectories(tmp.resolve("broken-repository"));
		Files.writeString(repo.resolve("content.xml"), """
				<?xml version='1.0' encoding='UTF-8'?>
				<?metadataRepository version='1.2.0'?>
				<repository name='broken' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
				  <properties size='1'><property name='p2.timestamp' value='1'/></properties>
				  <units size='1'>
				    <unit id='io.tiepoint.example.broken.feature.group' version='1.0.0'>
				      <properties size='2'>
				        <property name='org.eclipse.equinox.p2.name' value='Broken example'/>
				        <property name='org.eclipse.equinox.p2.type.group' value='true'/>
				      </properties>
				      <provides size='1'>
				        <provided namespace='org.eclipse.equinox.p2.iu' name='io.tiepoint.example.broken.feature.group' version='1.0.0'/>
				      </provides>
				      <requires size='1'>
				        <required namespace='osgi.bundle' name='io.tiepoint.no.such.bundle' range='[1.0.0,2.0.0)'/>
				      </requires>
				      <touchpoint id='null' version='0.0.0'/>
				    </unit>
				  </units>
				</repository>
				""");
		Files.writeString(repo.resolve("artifacts.xml"), """
				<?xml version='1.0' encoding='UTF-8'?>
				<?artifactRepository version='1.1.0'?>
				<repository name='broken' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>
				  <properties size='1'><property name='p2.timestamp' value='1'/></properties>
				  <artifacts size='0'/>
				</repository>
				""");
		return repo;
	}

	private Path copyOfProduct() throws IOException {
		return Launcher.copyOfProduct(tmp.resolve("tiepoint"));
	}

	/** @return relative path to SHA-256 of every file under the folders */
	private static Map<String, String> checksums(Path root, String... folders) throws IOException, NoSuchAlgorithmException {
		Map<String, String> out = new TreeMap<>();
		for (String folder : folders) {
			if (!Files.isDirectory(root.resolve(folder))) {
				continue;
			}
			try (Stream<Path> s = Files.walk(root.resolve(folder))) {
				for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
					if (p.toString().contains("/.settings/") && !Files.readString(p).contains("broken-repository")) {
						continue; // p2's preferences: the known repositories, checked to hold no trace of a failed one
					}
					MessageDigest d = MessageDigest.getInstance("SHA-256");
					try (InputStream in = Files.newInputStream(p)) {
						d.update(in.readAllBytes());
					}
					out.put(root.relativize(p).toString(), HexFormat.of().formatHex(d.digest()));
				}
			}
		}
		return out;
	}

	/** Fails naming the files added, removed or changed, not with two maps of a few hundred checksums. */
	private static void assertUnchanged(Map<String, String> before, Map<String, String> after, String what) {
		java.util.List<String> diff = new java.util.ArrayList<>();
		after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> diff.add("added " + k));
		before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> diff.add("removed " + k));
		before.keySet().stream().filter(k -> after.containsKey(k) && !before.get(k).equals(after.get(k)))
				.forEach(k -> diff.add("changed " + k));
		assertTrue(diff.isEmpty(), what + " are not as they were: " + diff);
		assertEquals(before.size(), after.size());
	}

	private static Map<String, String> subset(Map<String, String> all, Map<String, String> keys) {
		Map<String, String> out = new TreeMap<>();
		keys.keySet().forEach(k -> {
			if (all.containsKey(k)) {
				out.put(k, all.get(k));
			}
		});
		return out;
	}
}
