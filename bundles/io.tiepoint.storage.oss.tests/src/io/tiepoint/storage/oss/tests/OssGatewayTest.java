/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.UploadPartRequest;

import io.tiepoint.testing.storage.StorageProviderConformance;

/**
 * The hub's OSS gateway against the official SDK, signature V1 and V4: what the hub's STS may do (write and the
 * multipart requests under its project's prefix) works and is stored; what OSS refuses is refused with OSS's code, and
 * nothing of it is stored.
 */
public class OssGatewayTest {

	@TempDir
	static Path dir;
	private static GatewayFixture fixture;
	private static String pid;

	@BeforeAll
	static void start() throws Exception {
		fixture = new GatewayFixture(dir.resolve("hub"), 8);
		pid = fixture.platform.createProject("gateway");
	}

	@AfterAll
	static void stop() {
		fixture.close();
	}

	@ParameterizedTest
	@EnumSource(value = SignVersion.class, names = { "V1", "V4" })
	void stsWritesItsProjectOnlyAndOssRefusalsStoreNothing(SignVersion v) throws Exception {
		Map<String, String> sts = fixture.sts(pid);
		assertTrue(Instant.parse(sts.get("sts.expire")).isAfter(Instant.now()), sts.get("sts.expire"));
		assertEquals(GatewayFixture.BUCKET, sts.get("sts.bucket"));
		OSS oss = fixture.stsClient(sts, v);
		OSS owner = fixture.owner(v);
		List<String> refused = new ArrayList<>();
		try {
			byte[] bytes = StorageProviderConformance.randomBytes(300_000, 7);
			String key = pid + "/" + v + "-a.jpg";
			oss.putObject(GatewayFixture.BUCKET, key, new ByteArrayInputStream(bytes));
			try (var in = owner.getObject(GatewayFixture.BUCKET, key).getObjectContent()) {
				assertArrayEquals(bytes, in.readAllBytes());
			}
			// multipart, with ListParts
			String mp = pid + "/" + v + "-mp.jpg";
			String id = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(GatewayFixture.BUCKET, mp)).getUploadId();
			List<PartETag> tags = new ArrayList<>();
			for (int n = 1; n <= 2; n++) {
				byte[] part = StorageProviderConformance.randomBytes(n == 1 ? 200_000 : 1234, n);
				UploadPartRequest r = new UploadPartRequest(GatewayFixture.BUCKET, mp, id, n, new ByteArrayInputStream(part), part.length);
				r.setMd5Digest(md5(part));
				tags.add(oss.uploadPart(r).getPartETag());
			}
			assertEquals(2, oss.listParts(new ListPartsRequest(GatewayFixture.BUCKET, mp, id)).getParts().size());
			oss.completeMultipartUpload(new CompleteMultipartUploadRequest(GatewayFixture.BUCKET, mp, id, tags));
			assertEquals(201_234, owner.getObjectMetadata(GatewayFixture.BUCKET, mp).getContentLength());

			Map<String, String> s2 = fixture.sts(pid);
			OSS r = fixture.stsClient(s2, v);
			OSS wrong = GatewayFixture.client(s2.get("sts.endpoint"), s2.get("sts.id"), "not-the-secret", s2.get("sts.token"), v, 0);
			refused.add(pid + "/" + v + "-wrong.jpg");
			assertCode("SignatureDoesNotMatch", () -> wrong.putObject(GatewayFixture.BUCKET, pid + "/" + v + "-wrong.jpg", small()));
			wrong.shutdown();
			refused.add("other/" + v + "-outside.jpg");
			assertCode("AccessDenied", () -> r.putObject(GatewayFixture.BUCKET, "other/" + v + "-outside.jpg", small()));
			assertCode("AccessDenied", () -> r.getObject(GatewayFixture.BUCKET, key));
			assertCode("AccessDenied", () -> r.listObjects(GatewayFixture.BUCKET, pid + "/"));
			ObjectMetadata invalid = new ObjectMetadata();
			invalid.setContentMD5("not-an-md5");
			refused.add(pid + "/" + v + "-invalid-digest.jpg");
			assertCode("InvalidDigest", () -> r.putObject(new PutObjectRequest(GatewayFixture.BUCKET, pid + "/" + v
					+ "-invalid-digest.jpg", small(), invalid)));
			ObjectMetadata bad = new ObjectMetadata();
			bad.setContentMD5(md5(new byte[] { 1, 2, 3 }));
			refused.add(pid + "/" + v + "-bad-digest.jpg");
			assertCode("BadDigest", () -> r.putObject(new PutObjectRequest(GatewayFixture.BUCKET, pid + "/" + v
					+ "-bad-digest.jpg", small(), bad)));
			OSS skewed = GatewayFixture.client(s2.get("sts.endpoint"), s2.get("sts.id"), s2.get("sts.secret"),
					s2.get("sts.token"), v, 20 * 60 * 1000L);
			refused.add(pid + "/" + v + "-skewed.jpg");
			assertCode("RequestTimeTooSkewed", () -> skewed.putObject(GatewayFixture.BUCKET, pid + "/" + v + "-skewed.jpg", small()));
			skewed.shutdown();
			r.shutdown();
			Map<String, String> s3 = fixture.sts(pid);
			OSS late = fixture.stsClient(s3, v);
			Thread.sleep(Math.max(0, Instant.parse(s3.get("sts.expire")).toEpochMilli() - System.currentTimeMillis()) + 1100);
			refused.add(pid + "/" + v + "-expired.jpg");
			assertCode("SecurityTokenExpired", () -> late.putObject(GatewayFixture.BUCKET, pid + "/" + v + "-expired.jpg", small()));
			late.shutdown();
			for (String k : refused) {
				assertFalse(owner.doesObjectExist(GatewayFixture.BUCKET, k), k + " was stored by a refused request");
			}
		} finally {
			oss.shutdown();
			owner.shutdown();
		}
	}

	private static ByteArrayInputStream small() {
		return new ByteArrayInputStream("a small body".getBytes());
	}

	private static String md5(byte[] b) throws Exception {
		return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(b));
	}

	private static void assertCode(String code, Runnable call) {
		OSSException e = assertThrows(OSSException.class, call::run);
		assertEquals(code, e.getErrorCode(), e.getMessage());
	}
}
