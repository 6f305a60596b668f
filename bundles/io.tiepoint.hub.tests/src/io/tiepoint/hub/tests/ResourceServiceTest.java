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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.internal.server.HubInternals;

/**
 * The GridFS resource service of seed 003 over HTTP: every JSON example of the seed checked field by
 * field against the hub's answers (names as in the seed, {@code FileLenth} included), bad requests,
 * leases, conversion, ranged downloads and the platform flow.
 */
class ResourceServiceTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	/** The seed's examples, verbatim but for the line breaks of the document (3.10 is cut off at "code":3). */
	static final String SEED_COMPLETE = "{\"message\":\"OK\",\"data\":{\"AllowUpload\":2,\"FileLenth\":107617611,\"FileID\":\"934a8b9df8084d049e149829e09f1f8b\",\"UploadLength\":107617611,\"ExecuteCode\":1},\"code\":200}";
	static final String SEED_NOT_STARTED = "{\"message\":\"OK\",\"data\":{\"AllowUpload\":1,\"FileLenth\":0,\"FileID\":\"\",\"UUrl\":\"http://10.10.20.31:13232/Resource/Upload?uid=06725c6641484a9ba10b850dd86150bf\",\"UploadLength\":0,\"ExecuteCode\":1},\"code\":200}";
	static final String SEED_UPLOADING = "{\"message\":\"OK\",\"data\":{\"AllowUpload\":0,\"FileLenth\":22908621,\"FileID\":\"\",\"UploadLength\":275456,\"ExecuteCode\":1},\"code\":200}";
	static final String SEED_UPLOAD = "{\"message\":\"OK\",\"code\":200}";
	static final String SEED_DOWNLOAD_URL = "{\"message\":\"OK\",\"data\":\"http://10.10.201.200:13232/Resource/DownloadUrl?id=0d361c020c4e47e9b58f989a233940b2\",\"code\":200}";
	static final String SEED_CONVERT = "{\"message\":\"OK\",\"data\":{\"Type\":\"Video\",\"Waiting\":-1,\"FileID\":\"324cd26d289c4532951aab9d56df3bf0\",\"FileList\":[{\"FileID\":\"b2d1aab958f345cfade37e1f15643074\",\"Level\":1},{\"FileID\":\"c0783f5f9e514fec80e54fa9e231d8a1\",\"Level\":2},{\"FileID\":\"1078dc7d344b4b43af8e71ada7ed562d\",\"Level\":3}],\"ExecuteCode\":1},\"code\":200}";
	static final String SEED_FILE_INFO = "{\"message\":\"OK\",\"data\":{\"FileName\":\"1456125605509.141846.mp4\",\"FileInfo\":\"这是一个ios测试文件\",\"MD5\":\"6c2636c3b552b4c477e44a072b5a17ea\",\"FileID\":\"0fcdad4cd91245ba8cbd6ee7bcb814c6\",\"UpdateTime\":\"1456125602911\",\"ExecuteCode\":1,\"Size\":1007364},\"code\":200}";
	static final String SEED_USER_FILES = "{\"message\":\"OK\",\"data\":{\"Count\":2,\"FileList\":[{\"FileName\":\"1455786414013modified.jpg\",\"FileInfo\":\"post://baea23bc2602430ea57778d581567e6f:5f6c0797220f43ebb1dc60f52421045e@Resource/Resource/Upload\",\"MD5\":\"99a7d7fce85e16db93908bf191224bec\",\"FileID\":\"47aa23541a634d4d899da2942e9189f2\"},{\"FileName\":\"1456036675324modified.jpg\",\"FileInfo\":\"post://baea23bc2602430ea57778d581567e6f:56dc422c4ae94d4db178f6cb57ca0d22@Resource/Resource/Upload\",\"MD5\":\"a56e57bd5a9884a0ff76d3328d21e5de\",\"FileID\":\"4f887362e5cb43f499937c60568377dd\"}],\"ExecuteCode\":1},\"code\":200}";
	static final String SEED_REDIRECT = "{\"message\":\"Multiple Choices\",\"data\":{\"Port\":\"13232\",\"HostName\":\"10.10.201.201\"},\"code\":300}";

	@TempDir
	static Path dir;
	static Hub hub;
	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void start() throws Exception {
		hub = Hub.start(HubConfig.builder(dir.resolve("hub")).resourceLease(Duration.ofSeconds(2)).build());
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	// ---- HTTP helpers

	record Answer(int status, JsonNode body) {
	}

	static Answer get(String pathAndQuery, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(hub.uri().resolve(pathAndQuery)).GET();
		if (headers.length == 0) {
			b.header("APPID", hub.appKey()).header("License", hub.userToken()).header("PackageName", hub.packageName());
		}
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(r.statusCode(), JSON.readTree(r.body()));
	}

	static Answer state(String md5, String filename) throws Exception {
		return get("Resource/GetUploadState?md5=" + md5
				+ (filename == null ? "" : "&filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8) + "&directory=d"));
	}

	static Answer post(String uurl, long range, byte[] body, int from) throws Exception {
		HttpRequest r = HttpRequest.newBuilder(URI.create(uurl)).header("Range", String.valueOf(range))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body, from, body.length - from)).build();
		HttpResponse<byte[]> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(resp.statusCode(), JSON.readTree(resp.body()));
	}

	static String md5(byte[] b) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
	}

	static byte[] random(int n, long seed) {
		byte[] b = new byte[n];
		new Random(seed).nextBytes(b);
		return b;
	}

	/** Uploads bytes completely. @return the FileID */
	static String upload(String name, byte[] bytes) throws Exception {
		Answer s = state(md5(bytes), name);
		assertEquals(1, s.body().path("data").path("AllowUpload").asInt(), s.body().toString());
		Answer p = post(s.body().path("data").path("UUrl").asText(), 0, bytes, 0);
		assertEquals(200, p.status(), p.body().toString());
		Answer done = state(md5(bytes), null);
		assertEquals(2, done.body().path("data").path("AllowUpload").asInt());
		return done.body().path("data").path("FileID").asText();
	}

	/** Fields the hub adds after the seed's: the directory of a file (the seed's FileInfo is its description). */
	static final java.util.Set<String> EXTENSIONS = java.util.Set.of("Directory", "Conversions");

	/**
	 * The seed's field names in the same order (then only {@link #EXTENSIONS}), same JSON types, recursively
	 * (arrays: element by element shape).
	 */
	static void assertSameShape(String where, JsonNode seed, JsonNode got) {
		assertEquals(seed.getNodeType(), got.getNodeType(), where + ": type of " + got);
		if (seed.isObject()) {
			List<String> a = new ArrayList<>();
			seed.fieldNames().forEachRemaining(a::add);
			List<String> b = new ArrayList<>();
			got.fieldNames().forEachRemaining(b::add);
			assertEquals(a, b.subList(0, Math.min(a.size(), b.size())), where + ": field names");
			assertTrue(EXTENSIONS.containsAll(b.subList(a.size(), b.size())), where + ": extra fields " + b);
			for (String f : a) {
				assertSameShape(where + "." + f, seed.get(f), got.get(f));
			}
		} else if (seed.isArray() && seed.size() > 0 && got.size() > 0) {
			for (Iterator<JsonNode> i = got.elements(); i.hasNext();) {
				assertSameShape(where + "[]", seed.get(0), i.next());
			}
		} else if (seed.isNumber()) {
			assertTrue(got.isIntegralNumber() == seed.isIntegralNumber(), where);
		}
	}

	static void conforms(String where, String seed, JsonNode got) throws Exception {
		JsonNode s = JSON.readTree(seed);
		assertSameShape(where, s, got);
		assertEquals(s.get("message"), got.get("message"), where + ".message");
		assertEquals(s.get("code"), got.get("code"), where + ".code");
		if (s.path("data").has("ExecuteCode")) {
			assertEquals(1, got.path("data").path("ExecuteCode").asInt(), where + ".ExecuteCode");
		}
	}

	// ---- conformance, field by field

	@Test
	void uploadStatesConformToTheSeed() throws Exception {
		byte[] bytes = random(700_000, 11);
		String md5 = md5(bytes);
		Answer notStarted = state(md5, "a.bin");
		conforms("3.1 not started", SEED_NOT_STARTED, notStarted.body());
		JsonNode d = notStarted.body().path("data");
		assertEquals(1, d.path("AllowUpload").asInt());
		assertEquals(0, d.path("FileLenth").asLong());
		assertEquals("", d.path("FileID").asText());
		assertTrue(d.path("UUrl").asText().matches("http://127\\.0\\.0\\.1:\\d+/Resource/Upload\\?uid=[0-9a-f]{32}"),
				d.toString());
		// another client while the first holds the lease: 0, "being uploaded"
		Answer other = state(md5, "a.bin");
		conforms("3.1 uploading", SEED_UPLOADING, other.body());
		assertEquals(0, other.body().path("data").path("AllowUpload").asInt());
		// a first part arrives (Range 0, the body cut short by the client: Content-Length of 300000 only)
		String uurl = d.path("UUrl").asText();
		Answer part = post(uurl, 0, java.util.Arrays.copyOf(bytes, 300_000), 0);
		assertEquals(422, part.status(), "Range + Content-Length declare the file: a short body fails the md5 and is discarded");
		Answer complete = post(uurl, 0, bytes, 0);
		conforms("3.2 upload", SEED_UPLOAD, complete.body());
		Answer done = state(md5, null);
		conforms("3.1 complete", SEED_COMPLETE, done.body());
		assertEquals(bytes.length, done.body().path("data").path("FileLenth").asLong());
		assertEquals(bytes.length, done.body().path("data").path("UploadLength").asLong());
		assertTrue(done.body().path("data").path("FileID").asText().matches("[0-9a-f]{32}"));
	}

	@Test
	void partialUploadReportsItsOffsetAndResumes() throws Exception {
		byte[] bytes = random(1_000_000, 12);
		String md5 = md5(bytes);
		String uurl = state(md5, "partial.bin").body().path("data").path("UUrl").asText();
		// a slow POST: the server commits whole chunks while it arrives, another client sees AllowUpload 0
		HttpRequest slow = HttpRequest.newBuilder(URI.create(uurl)).header("Range", "0")
				.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
						() -> new java.io.InputStream() {
							int pos;

							@Override
							public int read() {
								return pos < bytes.length ? bytes[pos++] & 0xff : -1;
							}

							@Override
							public int read(byte[] b, int off, int len) {
								if (pos >= 600_000) {
									throw new java.io.UncheckedIOException(new java.io.IOException("client dies"));
								}
								try {
									Thread.sleep(5);
								} catch (InterruptedException e) {
									Thread.currentThread().interrupt();
								}
								int n = Math.min(Math.min(len, 16 * 1024), 600_000 - pos);
								System.arraycopy(bytes, pos, b, off, n);
								pos += n;
								return n;
							}
						}), bytes.length))
				.build();
		var future = HTTP.sendAsync(slow, HttpResponse.BodyHandlers.ofByteArray());
		HubTests.await("first chunk", Duration.ofSeconds(20), () -> {
			try {
				JsonNode s = state(md5, null).body().path("data");
				return s.path("UploadLength").asLong() > 0;
			} catch (Exception e) {
				return false;
			}
		});
		JsonNode during = state(md5, null).body().path("data");
		conforms("3.1 uploading (live)", SEED_UPLOADING, state(md5, null).body());
		assertEquals(0, during.path("AllowUpload").asInt());
		assertEquals(bytes.length, during.path("FileLenth").asLong());
		try {
			future.get();
		} catch (Exception expected) {
			// the client died
		}
		long offset = state(md5, null).body().path("data").path("UploadLength").asLong();
		assertEquals(2L * 255 * 1024, offset, "whole chunks of the first 600000 bytes");
		String uid = URI.create(uurl).getQuery().substring(4);
		Answer resumed = get("Resource/GetUploadState?md5=" + md5 + "&filename=partial.bin&uid=" + uid);
		assertEquals(1, resumed.body().path("data").path("AllowUpload").asInt(), "the holder resumes at once");
		assertEquals(offset, resumed.body().path("data").path("UploadLength").asLong());
		Answer wrongRange = post(uurl, offset + 5, bytes, (int) offset + 5);
		assertEquals(416, wrongRange.status());
		assertEquals(416, wrongRange.body().path("code").asInt());
		Answer rest = post(uurl, offset, bytes, (int) offset);
		assertEquals(200, rest.status(), rest.body().toString());
		String fid = state(md5, null).body().path("data").path("FileID").asText();
		byte[] back = download(fid, null);
		assertEquals(md5, md5(back));
	}

	@Test
	void downloadsFileInfoUserFilesConform() throws Exception {
		byte[] bytes = random(800_000, 13);
		String fid = upload("info.bin", bytes);
		Answer url = get("Resource/GetDownloadUrl?FID=" + fid);
		conforms("3.3 download url", SEED_DOWNLOAD_URL, url.body());
		assertTrue(url.body().path("data").asText().contains("/Resource/DownloadUrl?id=" + fid));
		Answer info = get("Resource/GetFileInfo?fileid=" + fid);
		conforms("3.6 file info", SEED_FILE_INFO, info.body());
		assertEquals("info.bin", info.body().path("data").path("FileName").asText());
		assertEquals(md5(bytes), info.body().path("data").path("MD5").asText());
		assertEquals(bytes.length, info.body().path("data").path("Size").asLong());
		Answer files = get("Resource/GetUserFiles");
		conforms("3.7 user files", SEED_USER_FILES, files.body());
		assertEquals(files.body().path("data").path("FileList").size(), files.body().path("data").path("Count").asInt());
		assertFalse(files.body().toString().contains(hub.userToken()), "no licence in FileInfo");
		// ranged downloads: 206 with Content-Range
		String dl = url.body().path("data").asText();
		HttpResponse<byte[]> part = HTTP.send(HttpRequest.newBuilder(URI.create(dl)).header("Range", "bytes=300000-")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertEquals(206, part.statusCode());
		assertEquals("bytes 300000-799999/800000", part.headers().firstValue("Content-Range").orElseThrow());
		assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(bytes, 300_000, 800_000), part.body()));
		HttpResponse<byte[]> mid = HTTP.send(HttpRequest.newBuilder(URI.create(dl)).header("Range", "bytes=261119-261121")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(bytes, 261_119, 261_122), mid.body()));
		HttpResponse<byte[]> past = HTTP.send(HttpRequest.newBuilder(URI.create(dl)).header("Range", "bytes=800000-")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertEquals(416, past.statusCode());
		assertEquals("bytes */800000", past.headers().firstValue("Content-Range").orElseThrow());
		assertEquals(md5(bytes), md5(download(fid, null)));
		// the seed's user-info form, as HTTP Basic and as the UserAction header
		String basic = Base64.getEncoder().encodeToString((hub.appKey() + ":" + hub.userToken() + "@" + hub.packageName()).getBytes());
		assertEquals(200, get("Resource/GetFileInfo?fileid=" + fid, "Authorization", "Basic " + basic).status());
		assertEquals(200, get("Resource/GetFileInfo?fileid=" + fid, "UserAction",
				hub.appKey() + ":" + hub.userToken() + "@" + hub.packageName()).status());
	}

	static byte[] download(String fid, String range) throws Exception {
		String dl = get("Resource/GetDownloadUrl?FID=" + fid).body().path("data").asText();
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dl));
		if (range != null) {
			b.header("Range", range);
		}
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	@Test
	void convertMakesPngAndThumbnail() throws Exception {
		BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 800; y++) {
			for (int x = 0; x < 1200; x++) {
				img.setRGB(x, y, (x * 255 / 1200) << 16 | (y * 255 / 800) << 8 | 80);
			}
		}
		ByteArrayOutputStream jpg = new ByteArrayOutputStream();
		ImageIO.write(img, "jpg", jpg);
		String fid = upload("photo.jpg", jpg.toByteArray());
		HubTests.await("conversion", Duration.ofSeconds(30), () -> {
			try {
				return get("Resource/Convert?fileid=" + fid + "&ConverType=3").body().path("data").path("Waiting")
						.asInt() == -1;
			} catch (Exception e) {
				return false;
			}
		});
		Answer c = get("Resource/Convert?fileid=" + fid + "&ConverType=3");
		conforms("3.5 convert", SEED_CONVERT, c.body());
		JsonNode data = c.body().path("data");
		assertEquals("Image", data.path("Type").asText());
		assertEquals(2, data.path("FileList").size());
		for (JsonNode f : data.path("FileList")) {
			BufferedImage png = ImageIO.read(new ByteArrayInputStream(download(f.path("FileID").asText(), null)));
			int level = f.path("Level").asInt();
			assertEquals(level == 1 ? 256 : 1200, png.getWidth(), "level " + level);
		}
		Answer video = get("Resource/Convert?fileid=" + fid + "&ConverType=2");
		assertEquals("NoSupport", video.body().path("data").path("Type").asText(), "a JPEG is no document");
		String bin = upload("noimage.bin", random(1000, 14));
		HubTests.await("no-support conversion", Duration.ofSeconds(30), () -> {
			try {
				return get("Resource/Convert?fileid=" + bin).body().path("data").path("Waiting").asInt() == -1;
			} catch (Exception e) {
				return false;
			}
		});
		assertEquals("NoSupport", get("Resource/Convert?fileid=" + bin).body().path("data").path("Type").asText());
	}

	// ---- bad requests

	@Test
	void badRequestsGetJsonErrorsAndNoHalfFile() throws Exception {
		Answer badMd5 = state("XYZ", "x.bin");
		assertEquals(400, badMd5.status());
		assertEquals(400, badMd5.body().path("code").asInt());
		assertTrue(badMd5.body().path("message").asText().contains("md5"));
		Answer noLicence = get("Resource/GetUploadState?md5=" + md5(new byte[1]), "APPID", hub.appKey(), "PackageName", hub.packageName());
		assertEquals(401, noLicence.status());
		assertTrue(noLicence.body().path("message").asText().contains("License"));
		Answer badLicence = get("Resource/GetUploadState?md5=" + md5(new byte[1]), "APPID", hub.appKey(), "License",
				"nope", "PackageName", hub.packageName());
		assertEquals(401, badLicence.status());
		assertFalse(badLicence.body().toString().contains("nope"));
		Answer unknown = post(hub.uri() + "Resource/Upload?uid=0123456789abcdef0123456789abcdef", 0, new byte[10], 0);
		assertEquals(404, unknown.status());
		assertEquals(404, unknown.body().path("code").asInt());
		Answer unknownFile = get("Resource/GetFileInfo?fileid=0123456789abcdef0123456789abcdef");
		assertEquals(404, unknownFile.status());

		byte[] bytes = random(600_000, 15);
		String md5 = md5(bytes);
		String uurl = state(md5, "bad.bin").body().path("data").path("UUrl").asText();
		assertEquals(416, post(uurl, -5, bytes, 0).status(), "negative Range");
		assertEquals(416, post(uurl, 700_000, bytes, 0).status(), "Range past the end");
		assertEquals(200, post(uurl, 0, bytes, 0).status(), "a good request after bad ones still works");
		// md5 mismatch: another file's content under this md5
		byte[] other = random(600_000, 16);
		byte[] md5b = random(1, 1);
		String md5Other = md5(md5b);
		String uurl2 = state(md5Other, "mismatch.bin").body().path("data").path("UUrl").asText();
		Answer mismatch = post(uurl2, 0, other, 0);
		assertEquals(422, mismatch.status());
		assertTrue(mismatch.body().path("message").asText().contains("mismatch.bin")
				&& mismatch.body().path("message").asText().contains("md5"), mismatch.body().toString());
		JsonNode after = state(md5Other, null).body().path("data");
		assertNotEquals(2, after.path("AllowUpload").asInt(), "never marked complete");
		assertEquals(0, after.path("UploadLength").asLong(), "the upload was discarded");
		long files = HubInternals.database(hub).database().getCollection("gridfs.files")
				.countDocuments(new Document("metadata.md5", md5Other));
		assertEquals(0, files);
		Answer missingFilename = state(md5(random(10, 17)), null);
		assertEquals(404, missingFilename.status());
	}

	@Test
	void leaseExpiresSoADeadClientCannotBlock() throws Exception {
		byte[] bytes = random(300_000, 18);
		String md5 = md5(bytes);
		String uurlA = state(md5, "lease.bin").body().path("data").path("UUrl").asText();
		assertEquals(0, state(md5, "lease.bin").body().path("data").path("AllowUpload").asInt());
		Thread.sleep(2300);
		JsonNode b = state(md5, "lease.bin").body().path("data");
		assertEquals(1, b.path("AllowUpload").asInt(), "the lease of the silent client expired");
		String uurlB = b.path("UUrl").asText();
		assertNotEquals(uurlA, uurlB);
		int stale = post(uurlA, 0, bytes, 0).status();
		assertTrue(stale == 404 || stale == 409, "the expired holder's UUrl is refused: " + stale);
		assertEquals(200, post(uurlB, 0, bytes, 0).status());
		assertEquals(1, HubInternals.database(hub).database().getCollection("gridfs.files")
				.countDocuments(new Document("metadata.md5", md5)));
	}

	@Test
	void platformFlowCompletesTheImage() throws Exception {
		Gql gql = Gql.of(hub);
		String pid = gql.data(Docs.CREATE_PROJECT, "name", "resource-flow").path("createProject").path("id").asText();
		BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream jpg = new ByteArrayOutputStream();
		ImageIO.write(img, "jpg", jpg);
		byte[] bytes = jpg.toByteArray();
		JsonNode up = gql.data(Docs.UPLOAD_GRIDFS, "pid", pid, "filename", "p.jpg").path("uploadImageGridFS");
		String url = up.path("url").asText();
		String uid = URI.create(url).getQuery().substring(4);
		Answer s = get("Resource/GetUploadState?md5=" + md5(bytes) + "&uid=" + uid);
		assertEquals(1, s.body().path("data").path("AllowUpload").asInt(), s.body().toString());
		assertEquals(url, s.body().path("data").path("UUrl").asText());
		assertEquals(200, post(url, 0, bytes, 0).status());
		assertEquals(2, get("Resource/GetUploadState?md5=" + md5(bytes) + "&uid=" + uid).body().path("data")
				.path("AllowUpload").asInt());
		String iid = up.path("image").path("id").asText();
		JsonNode image = HubTests.awaitSettled(gql, pid, iid, Duration.ofSeconds(30));
		assertNotEquals("Pending", image.path("state").asText());
	}
}
