/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.hub.Hub;
import io.tiepoint.storage.gridfs.internal.FilesCommand;
import io.tiepoint.testing.net.FaultProxy;
import picocli.CommandLine;

/**
 * {@code tiepoint files} against a real hub: put (resumable upload, with a description), list, info, and
 * a get broken off at about 40 % by a proxy that cuts the connection, resumed by the next get from the
 * bytes on disk, md5 checked. The file is 16 MB where the issue says 50 MB (a system property makes it
 * 50): the resume is the same, CI time is not. Secrets never appear in the output.
 */
class FilesCommandTest {

	/** 16 MB; the 50 MB with {@code -Dtiepoint.files.bytes=52428800} added to {@code tiepoint.test.vmargs}. */
	private static final int SIZE = Integer.getInteger("tiepoint.files.bytes", 16 << 20);
	@TempDir
	Path dir;

	record Run(int code, String out, String err) {
	}

	private Run files(Path workspace, String server, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cl = new CommandLine(new FilesCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
		String[] all = new String[args.length + 4];
		all[0] = "--server";
		all[1] = server;
		all[2] = "--workspace";
		all[3] = workspace.toString();
		System.arraycopy(args, 0, all, 4, args.length);
		int code = cl.execute(all);
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void putListInfoAndAGetResumedAfterABreak() throws Exception {
		try (FaultProxy proxy = FaultProxy.start(); Hub hub = Fixture.behind(proxy, dir.resolve("hub"))) {
			Path ws = dir.resolve("ws");
			Files.createDirectories(ws.resolve(".tiepoint"));
			Files.writeString(ws.resolve(".tiepoint/config.properties"), "gridfs.appid=" + hub.appKey()
					+ "\ngridfs.license=" + hub.userToken() + "\ngridfs.package=" + hub.packageName() + "\n");
			String server = "http://127.0.0.1:" + proxy.port() + "/";
			byte[] bytes = new byte[SIZE];
			new Random(7).nextBytes(bytes);
			Path local = dir.resolve("survey.bin");
			Files.write(local, bytes);

			proxy.cutPostAfter(SIZE / 3, 1);
			Run cut = files(ws, server, "put", local.toString(), "--directory", "flights/2026", "--info", "flight 3 log");
			assertEquals(1, cut.code(), cut.out());
			io.tiepoint.hub.HubDiagnostics uploads = hub.diagnostics();
			long before = -1;
			while (before != uploads.resourceBytesReceived()) { // the hub reads what the proxy let through after the client saw the cut
				before = uploads.resourceBytesReceived();
				Thread.sleep(300);
			}
			Run put = files(ws, server, "put", local.toString(), "--directory", "flights/2026", "--info", "flight 3 log");
			assertEquals(0, put.code(), put.err());
			long resent = uploads.resourceBytesReceived() - before;
			assertTrue(resent < SIZE - SIZE / 3 + 256 * 1024, "the second put sent the rest only: " + resent);
			assertFalse(Files.exists(ws.resolve(".tiepoint/uploads")) && Files.list(ws.resolve(".tiepoint/uploads"))
					.findAny().isPresent(), "the finished upload's URL is dropped");
			System.out.println("files put: cut after " + SIZE / 3 + " bytes, the second put sent " + resent + " bytes");
			String fid = put.out().trim();
			assertTrue(fid.matches("[0-9a-f]{32}"), put.out());
			Run list = files(ws, server, "list");
			assertEquals(0, list.code(), list.err());
			assertTrue(list.out().contains(fid + "  /flights/2026/survey.bin  (flight 3 log)"), list.out());
			Run info = files(ws, server, "info", fid);
			assertTrue(info.out().contains("Size: " + SIZE) && info.out().contains("FileInfo: flight 3 log"), info.out());

			Path notes = dir.resolve("notes.txt");
			Files.write(notes, "\uFEFFflight notes".getBytes(StandardCharsets.UTF_8));
			String txt = files(ws, server, "put", notes.toString()).out().trim();
			Run convert = files(ws, server, "convert", txt, "--type", "document", "--wait");
			assertEquals(0, convert.code(), convert.err());
			java.util.List<String> lines = convert.out().lines().toList();
			assertEquals("Document: done", lines.get(0), convert.out());
			assertTrue(lines.get(1).matches("  level 1: [0-9a-f]{32}"), convert.out());
			java.util.List<String> listed = files(ws, server, "list").out().lines().toList();
			int at = listed.indexOf(txt + "  /notes.txt");
			assertTrue(at >= 0, listed::toString);
			assertEquals("    Document: done", listed.get(at + 1), "the list shows the conversion under its file");
			assertEquals(lines.get(1), listed.get(at + 2).substring(4));

			Path out = dir.resolve("back.bin");
			proxy.cutAnswerAfter(SIZE * 2L / 5, 1);
			Run broken = files(ws, server, "get", fid, "-o", out.toString());
			assertEquals(1, broken.code(), broken.out());
			assertTrue(broken.err().contains("broke off"), broken.err());
			long partial = Files.size(out);
			assertTrue(partial > SIZE / 4 && partial < SIZE / 2, "about 40 % on disk: " + partial);

			Run resumed = files(ws, server, "get", fid, "-o", out.toString());
			assertEquals(0, resumed.code(), resumed.err());
			long fetched = SIZE - partial;
			assertTrue(resumed.out().contains("fetched " + fetched + " bytes now (resumed at " + partial + ")"), resumed.out());
			assertArrayEquals(MessageDigest.getInstance("MD5").digest(bytes), MessageDigest.getInstance("MD5").digest(
					Files.readAllBytes(out)));
			assertTrue(resumed.out().contains(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes))));
			System.out.println("files get: " + SIZE + " bytes; the first get broke off at " + partial + " bytes, the resumed"
					+ " one fetched " + fetched + ": " + (partial + fetched) + " bytes fetched in total, md5 matches");

			for (Run r : new Run[] { put, list, info, broken, resumed }) {
				String all = r.out() + r.err();
				assertFalse(all.contains(hub.appKey()) || all.contains(hub.userToken()), "no secret in the output");
			}
		}
	}

	@Test
	void missingSettingsAreNamed() {
		Run r = files(dir, "http://127.0.0.1:9/", "list");
		assertEquals(1, r.code());
		assertTrue(r.err().contains("gridfs.appid") && r.err().contains("TIEPOINT_GRIDFS_APPID"), r.err());
		assertTrue(new String(r.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).isEmpty());
	}
}
