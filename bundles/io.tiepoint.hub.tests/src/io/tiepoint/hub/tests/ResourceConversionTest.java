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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.internal.server.HubInternals;

/**
 * Convert of seed 003 (3.5, 2.3) with the real FFmpeg: media made by FFmpeg's own sources (a 1080p and a
 * 720p test pattern of 2 s, where the issue says 10 s (a system property makes it 10): the levels and
 * codecs are the same, CI time is not; a sine tone), checked by ffprobe; text charsets; documents kept; a conversion interrupted by a
 * stop finished after the restart. Skipped, saying so, where FFmpeg is not installed.
 */
class ResourceConversionTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Duration CONVERSION = Duration.ofSeconds(180);
	/** The 1080p pattern's length: 2 s; the 10 s with {@code -Dtiepoint.conversion.seconds=10} in {@code tiepoint.test.vmargs}. */
	private static final int SECONDS = Integer.getInteger("tiepoint.conversion.seconds", 2);
	@TempDir
	static Path dir;
	static Hub hub;
	static ResourceUser user;
	static boolean ffmpeg;

	@BeforeAll
	static void start() throws Exception {
		ffmpeg = onPath("ffmpeg") && onPath("ffprobe");
		hub = Hub.start(HubConfig.builder(dir.resolve("hub")).build());
		user = new ResourceUser(hub, hub.userToken());
	}

	@AfterAll
	static void stop() {
		if (hub != null) {
			hub.close();
		}
	}

	private static boolean onPath(String program) {
		for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
				return true;
			}
		}
		return false;
	}

	private static void needFfmpeg() {
		Assumptions.assumeTrue(ffmpeg, "FFmpeg is not installed (Debian package ffmpeg; ./tiepoint test installs it)");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] out = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + String.join(" ", command));
		String text = new String(out, StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), () -> String.join(" ", command) + ": " + text);
		return text;
	}

	/** @return a test pattern video (MPEG-4 part 2 in AVI, with a tone) of that size */
	private static byte[] video(int width, int height, int seconds) throws Exception {
		Path f = dir.resolve("src" + width + "x" + height + "-" + seconds + ".avi");
		run("ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i",
				"testsrc=size=" + width + "x" + height + ":rate=25:duration=" + seconds, "-f", "lavfi", "-i",
				"sine=frequency=440:duration=" + seconds, "-c:v", "mpeg4", "-q:v", "4", "-c:a", "pcm_s16le",
				f.toString());
		return Files.readAllBytes(f);
	}

	private static JsonNode probe(byte[] bytes, String name) throws Exception {
		Path f = dir.resolve(name);
		Files.write(f, bytes);
		return JSON.readTree(run("ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
				f.toString()));
	}

	private static JsonNode stream(JsonNode probe, String type) {
		for (JsonNode s : probe.path("streams")) {
			if (type.equals(s.path("codec_type").asText())) {
				return s;
			}
		}
		throw new AssertionError("no " + type + " stream in " + probe);
	}

	private static JsonNode convert(String fid, String type) {
		ResourceUser.Answer a = user.get("Resource/Convert?fileid=" + fid + "&ConverType=" + type);
		assertEquals(200, a.status(), a.body()::toString);
		return a.data();
	}

	private static JsonNode converted(String fid, String type) {
		HubTests.await("conversion of " + fid, CONVERSION, () -> convert(fid, type).path("Waiting").asInt() == -1);
		return convert(fid, type);
	}

	private static byte[] download(String fid) {
		return ResourceUser.bytes(user.get("Resource/GetDownloadUrl?FID=" + fid).data().asText());
	}

	/** Checks each level's MP4: H.264 of the level's height, the index (moov) before the media (faststart). */
	private static List<Integer> checkVideoLevels(JsonNode data) throws Exception {
		List<Integer> heights = new ArrayList<>();
		for (JsonNode f : data.path("FileList")) {
			int level = f.path("Level").asInt();
			byte[] mp4 = download(f.path("FileID").asText());
			JsonNode v = stream(probe(mp4, "level" + level + ".mp4"), "video");
			assertEquals("h264", v.path("codec_name").asText(), "level " + level);
			assertEquals(new int[] { 360, 720, 1080 }[level - 1], v.path("height").asInt(), "height of level " + level);
			String head = new String(mp4, 0, Math.min(mp4.length, 4096), StandardCharsets.ISO_8859_1);
			assertTrue(head.contains("moov") && !head.substring(0, head.indexOf("moov")).contains("mdat"),
					"level " + level + " is faststart (moov before mdat)");
			heights.add(v.path("height").asInt());
		}
		return heights;
	}

	@Test
	void a1080pVideoConvertsToThreeH264Levels() throws Exception {
		needFfmpeg();
		String fid = user.upload("pattern1080.avi", video(1920, 1080, SECONDS));
		JsonNode first = convert(fid, "0");
		assertEquals("Video", first.path("Type").asText());
		assertTrue(first.path("Waiting").asInt() >= 0, "queued or converting at first: " + first);
		HubTests.await("the conversion to start", CONVERSION, () -> convert(fid, "0").path("Waiting").asInt() == 0);
		JsonNode queued = convert(fid, "1");
		assertEquals(1, queued.path("Waiting").asInt(), "behind the running video, first in the queue: " + queued);
		JsonNode done = converted(fid, "0");
		assertEquals("Video", done.path("Type").asText());
		assertEquals(fid, done.path("FileID").asText());
		assertEquals(List.of(360, 720, 1080), checkVideoLevels(done));
		assertEquals("Audio", converted(fid, "1").path("Type").asText(), "the video's sound track, once its turn came");
	}

	@Test
	void a720pVideoIsNotUpscaled() throws Exception {
		needFfmpeg();
		String fid = user.upload("pattern720.avi", video(1280, 720, 1));
		JsonNode done = converted(fid, "0");
		assertEquals(List.of(360, 720), checkVideoLevels(done), "no 1080p level from a 720p source");
		String play = user.get("Resource/GetOnlinePlayUrl?FID=" + fid + "&host=127.0.0.1").data().asText();
		assertTrue(play.contains("id=" + done.path("FileList").get(1).path("FileID").asText() + "&"),
				"online play streams the best converted MP4: " + play);
	}

	@Test
	void aToneBecomesA320kbpsMp3ByDefault() throws Exception {
		needFfmpeg();
		Path wav = dir.resolve("tone.wav");
		run("ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=1000:duration=2", wav.toString());
		String fid = user.upload("tone.wav", Files.readAllBytes(wav));
		JsonNode done = converted(fid, "1");
		assertEquals("Audio", done.path("Type").asText());
		assertEquals(1, done.path("FileList").size());
		assertEquals(3, done.path("FileList").get(0).path("Level").asInt(), "the high level");
		JsonNode a = stream(probe(download(done.path("FileList").get(0).path("FileID").asText()), "tone.mp3"), "audio");
		assertEquals("mp3", a.path("codec_name").asText());
		assertEquals(320_000, a.path("bit_rate").asInt());
		JsonNode low = user.get("Resource/Convert?fileid=" + fid + "&ConverType=1&Level=1").data();
		HubTests.await("128 kbps", CONVERSION, () -> user.get("Resource/Convert?fileid=" + fid + "&ConverType=1&Level=1")
				.data().path("Waiting").asInt() == -1);
		low = user.get("Resource/Convert?fileid=" + fid + "&ConverType=1&Level=1").data();
		JsonNode l = stream(probe(download(low.path("FileList").get(0).path("FileID").asText()), "low.mp3"), "audio");
		assertEquals(128_000, l.path("bit_rate").asInt());
		assertEquals("NoSupport", converted(fid, "0").path("Type").asText(), "a tone has no video");
	}

	@Test
	void textComesBackAsUtf8WithoutBom() throws Exception {
		String text = "资源管理模块设计说明书\r\n第二行: Tiepoint 转换 UTF-8 无 BOM\r\n";
		byte[] expected = text.getBytes(StandardCharsets.UTF_8);
		String gbk = user.upload("gbk.txt", text.getBytes(Charset.forName("GBK")));
		JsonNode done = converted(gbk, "2");
		assertEquals("Document", done.path("Type").asText());
		assertEquals(1, done.path("FileList").size());
		byte[] back = download(done.path("FileList").get(0).path("FileID").asText());
		assertArrayEquals(expected, back, "GBK -> UTF-8 without BOM, byte for byte");
		byte[] utf16 = new byte[2 + text.getBytes(StandardCharsets.UTF_16LE).length];
		utf16[0] = (byte) 0xFF;
		utf16[1] = (byte) 0xFE;
		System.arraycopy(text.getBytes(StandardCharsets.UTF_16LE), 0, utf16, 2, utf16.length - 2);
		String u16 = user.upload("utf16.txt", utf16);
		assertArrayEquals(expected, download(converted(u16, "2").path("FileList").get(0).path("FileID").asText()),
				"UTF-16 LE with BOM -> UTF-8 without BOM");
		byte[] bom = new byte[3 + expected.length];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(expected, 0, bom, 3, expected.length);
		String u8 = user.upload("bom.txt", bom);
		assertArrayEquals(expected, download(converted(u8, "2").path("FileList").get(0).path("FileID").asText()),
				"the UTF-8 BOM is dropped");
	}

	@Test
	void aPdfIsADocumentLeftUntouched() throws Exception {
		byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
				+ "/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
		String fid = user.upload("spec.pdf", pdf);
		JsonNode data = convert(fid, "2");
		assertEquals("Document", data.path("Type").asText());
		assertEquals(-1, data.path("Waiting").asInt(), "nothing to do: answered at once");
		assertEquals(1, data.path("FileList").size());
		assertEquals(fid, data.path("FileList").get(0).path("FileID").asText(), "the result is the file itself");
		assertArrayEquals(pdf, download(fid));
		String bin = user.upload("data.bin", ResourceUser.random(100, 40));
		JsonNode none = user.get("Resource/GetFileInfo?fileid=" + bin).data().path("Conversions");
		assertTrue(none.isArray() && none.isEmpty(), "nothing asked, nothing listed: " + none);
		assertEquals("NoSupport", convert(bin, "2").path("Type").asText());
		JsonNode listed = user.get("Resource/GetFileInfo?fileid=" + fid).data().path("Conversions");
		assertEquals(1, listed.size(), listed::toString);
		assertEquals("Document", listed.get(0).path("Type").asText());
		assertEquals(-1, listed.get(0).path("Waiting").asInt());
		assertEquals(fid, listed.get(0).path("FileList").get(0).path("FileID").asText());
		boolean inUserFiles = false;
		for (JsonNode f : user.get("Resource/GetUserFiles").data().path("FileList")) {
			if (fid.equals(f.path("FileID").asText())) {
				inUserFiles = "Document".equals(f.path("Conversions").path(0).path("Type").asText());
			}
		}
		assertTrue(inUserFiles, "GetUserFiles lists the conversions too");
	}

	@Test
	void aHubWithoutFfmpegSaysWhatIsMissing() throws Exception {
		try (Hub bare = Hub.start(HubConfig.builder(dir.resolve("bare")).cloudSetting("gridfs", "ffmpeg",
				dir.resolve("no-such-dir/ffmpeg").toString()).build())) {
			ResourceUser u = new ResourceUser(bare, bare.userToken());
			String fid = u.upload("clip.avi", ResourceUser.random(1000, 41));
			ResourceUser.Answer a = u.get("Resource/Convert?fileid=" + fid + "&ConverType=0");
			assertEquals(503, a.status(), a.body()::toString);
			String message = a.body().path("message").asText();
			assertTrue(message.contains("clip.avi") && message.contains("ffmpeg") && message.contains("cloud.gridfs.ffmpeg"),
					message);
			assertEquals(503, u.get("Resource/Convert?fileid=" + fid + "&ConverType=1").status());
			String txt = u.upload("plain.txt", "plain".getBytes(StandardCharsets.UTF_8));
			HubTests.await("text without ffmpeg", CONVERSION, () -> u.get("Resource/Convert?fileid=" + txt + "&ConverType=2")
					.data().path("Waiting").asInt() == -1);
		}
	}

	@Test
	void aJobQueuedBeforeFfmpegWentMissingFailsSayingSoAndRunsOnceItIsBack() throws Exception {
		needFfmpeg();
		Path data = dir.resolve("missing");
		byte[] clip = video(1920, 1080, 2);
		String fid;
		try (Hub first = Hub.start(HubConfig.builder(data).build())) {
			ResourceUser u = new ResourceUser(first, first.userToken());
			fid = u.upload("later.avi", clip);
			assertEquals(200, u.get("Resource/Convert?fileid=" + fid + "&ConverType=0").status());
		} // stopped at once: the job is queued or running
		try (Hub bare = Hub.start(HubConfig.builder(data).cloudSetting("gridfs", "ffmpeg",
				dir.resolve("no-such-dir/ffmpeg").toString()).build())) {
			ResourceUser u = new ResourceUser(bare, bare.userToken());
			HubTests.await("the job to fail", CONVERSION, () -> u.get("Resource/Convert?fileid=" + fid + "&ConverType=0")
					.status() == 422);
			String message = u.get("Resource/Convert?fileid=" + fid + "&ConverType=0").body().path("message").asText();
			assertTrue(message.contains(fid) && message.contains("ffmpeg"), message);
		}
		try (Hub back = Hub.start(HubConfig.builder(data).build())) {
			ResourceUser u = new ResourceUser(back, back.userToken());
			HubTests.await("the job to run again", CONVERSION, () -> {
				ResourceUser.Answer a = u.get("Resource/Convert?fileid=" + fid + "&ConverType=0");
				return a.status() == 200 && a.data().path("Waiting").asInt() == -1;
			});
			assertEquals(3, u.get("Resource/Convert?fileid=" + fid + "&ConverType=0").data().path("FileList").size());
		}
	}

	@Test
	void aConversionInterruptedByAStopIsFinishedAfterTheRestart() throws Exception {
		needFfmpeg();
		Path data = dir.resolve("restart");
		byte[] clip = video(1920, 1080, 3);
		String fid;
		List<String> before = new ArrayList<>();
		try (Hub first = Hub.start(HubConfig.builder(data).build())) {
			ResourceUser u = new ResourceUser(first, first.userToken());
			fid = u.upload("restart.avi", clip);
			assertEquals(200, u.get("Resource/Convert?fileid=" + fid + "&ConverType=0").status());
			HubTests.await("the first level", CONVERSION, () -> {
				JsonNode d = u.get("Resource/Convert?fileid=" + fid + "&ConverType=0").data();
				return d.path("Waiting").asInt() == 0 && d.path("FileList").size() >= 1; // at least 1080p still to make
			});
			for (JsonNode f : u.get("Resource/Convert?fileid=" + fid + "&ConverType=0").data().path("FileList")) {
				before.add(f.path("FileID").asText());
			}
		} // stopped in the middle: FFmpeg killed, the job left as it was
		try (Hub second = Hub.start(HubConfig.builder(data).build())) {
			ResourceUser u = new ResourceUser(second, second.userToken());
			HubTests.await("the conversion to finish after the restart", CONVERSION, () -> u.get("Resource/Convert?fileid="
					+ fid + "&ConverType=0").data().path("Waiting").asInt() == -1);
			JsonNode done = u.get("Resource/Convert?fileid=" + fid + "&ConverType=0").data();
			assertEquals(3, done.path("FileList").size(), done::toString);
			Document job = HubInternals.database(second).database().getCollection("resource.conversions")
					.find(new Document("_id", fid + ":video")).first();
			assertEquals(2, job.getInteger("attempts"), "run once before the stop, once after");
			List<String> after = new ArrayList<>();
			done.path("FileList").forEach(f -> after.add(f.path("FileID").asText()));
			assertFalse(before.isEmpty(), "stopped after the first level");
			assertTrue(after.containsAll(before), "the levels made before the stop are kept, not made again: " + before);
			System.out.println("conversion resumed after a stop: " + before.size() + " level(s) kept, "
					+ (3 - before.size()) + " made after the restart");
			for (JsonNode f : done.path("FileList")) {
				assertEquals(200, ResourceUser.fetch(u.get("Resource/GetDownloadUrl?FID=" + f.path("FileID").asText())
						.data().asText()).status());
			}
			assertFalse(Files.exists(data.resolve("convert").resolve(fid + "-video")), "the work directory is cleaned");
		}
	}
}
