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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.internal.server.HubInternals;
import io.tiepoint.hub.internal.oss.Policy;
import io.tiepoint.hub.internal.oss.StsTokens;
import io.tiepoint.platform.PlatformClient;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.Registration;
import io.tiepoint.platform.RemoteImage;
import io.tiepoint.platform.UploadRequest;
import io.tiepoint.testing.aliyun.AssumeRoleStandIn;

/**
 * A team's hub on "real" OSS ({@code cloud.oss.endpoint}): its STS come from Aliyun's AssumeRole, called with the
 * official SDK (aliyun-java-sdk-sts) against a protocol-faithful stand-in that checks the RPC signature, and the
 * objects live in another hub's OSS gateway playing Aliyun OSS. The stand-in mints, for the inline policy the hub
 * asked for, credentials the gateway then enforces: the hub's policy (PutObject and the multipart actions on
 * {@code BUCKET/PID/*}, 3600 s) lets the client write under its project and nothing else; the hub verifies the object
 * with the official OSS SDK and its own AccessKey, and the image ends Ready.
 */
class AliyunStsTest {

	private static final String ACCESS = "LTAI5tTeamHubAccessKey";
	private static final String SECRET = "the-team-hubs-secret";
	private static final String ROLE = "acs:ram::1234567890123456:role/tiepoint-upload";
	private static final String BUCKET = "team-bucket";
	private static final String PAYLOAD = "sts { id secret token bucket endpoint expire }";

	@TempDir
	Path tmp;

	@Test
	void assumeRoleMintsTheStsWhosePolicyTheStoreEnforcesAndTheImageEndsReady() throws Exception {
		try (Hub store = Hub.start(HubConfig.builder(tmp.resolve("oss")).cloudSetting("oss", "bucket", BUCKET)
				.cloudSetting("oss", "gateway.access.key", ACCESS).cloudSetting("oss", "gateway.secret.key", SECRET).build());
				AssumeRoleStandIn sts = AssumeRoleStandIn.start(Map.of(ACCESS, SECRET), (policy, duration) -> {
					StsTokens.Credential c = HubInternals.ossGateway(store).issue(Policy.parse(policy), duration);
					return new AssumeRoleStandIn.Credentials(c.accessKeyId(), c.secret(), c.token(), c.expires());
				});
				Hub team = Hub.start(team(tmp.resolve("team"), endpoint(store), sts.uri().toString(), SECRET));
				PlatformClient client = new PlatformClient(team.uri(), team.appKey(), team.userToken())) {
			assertEquals(List.of(BUCKET), List.of(client.nearestBucket("oss").orElseThrow()));
			String pid = client.createProject("aliyun");
			byte[] bytes = SurveyImages.read(SurveyImages.list(1).get(0));
			Registration reg = client.register(new UploadRequest("uploadImageOSS", "BucketOSS", pid, BUCKET, "a.jpg", "JPEG",
					SurveyImages.sha1(bytes), PAYLOAD));
			Map<String, String> g = reg.grant();

			// the AssumeRole call: signed, for the role, with the write-only inline policy on the project, an hour
			assertEquals(1, sts.calls().size(), sts.calls().toString());
			AssumeRoleStandIn.Call call = sts.calls().get(0);
			assertNull(call.error(), "the stand-in took the SDK's signature");
			assertEquals(ROLE, call.get("RoleArn"));
			assertEquals("3600", call.get("DurationSeconds"));
			JsonNode policy = new ObjectMapper().readTree(call.get("Policy"));
			JsonNode statement = policy.path("Statement").get(0);
			assertEquals("Allow", statement.path("Effect").asText());
			assertEquals("[\"oss:PutObject\",\"oss:ListParts\",\"oss:AbortMultipartUpload\"]",
					statement.path("Action").toString());
			assertEquals("[\"acs:oss:*:*:" + BUCKET + "/" + pid + "/*\"]", statement.path("Resource").toString());
			assertEquals(1, policy.path("Statement").size());
			System.out.println("AliyunStsTest: AssumeRole " + call.get("RoleArn") + " session " + call.get("RoleSessionName")
					+ " for " + call.get("DurationSeconds") + " s with " + call.get("Policy"));

			// the client's STS: Aliyun's credentials, the team's bucket and endpoint, about an hour
			assertEquals(BUCKET, g.get("sts.bucket"));
			assertEquals(endpoint(store), g.get("sts.endpoint"));
			assertTrue(g.get("sts.id").startsWith("STS."), g.get("sts.id"));
			Duration left = Duration.between(Instant.now(), Instant.parse(g.get("sts.expire")));
			assertTrue(left.compareTo(Duration.ofMinutes(58)) > 0 && left.compareTo(Duration.ofMinutes(61)) < 0, left.toString());

			// what the policy asked for is what the store enforces
			String key = pid + "/" + reg.image().filename();
			OSS oss = client(g, SignVersion.V4);
			try {
				client.startImageUpload(reg.image().id());
				oss.putObject(BUCKET, key, new ByteArrayInputStream(bytes));
				assertEquals("AccessDenied", assertThrows(OSSException.class, () -> oss.putObject(BUCKET, "other/a.jpg",
						new ByteArrayInputStream(bytes))).getErrorCode());
				assertEquals("AccessDenied", assertThrows(OSSException.class, () -> oss.getObject(BUCKET, key)).getErrorCode());
				assertEquals("AccessDenied", assertThrows(OSSException.class, () -> oss.listObjects(BUCKET, pid + "/"))
						.getErrorCode());
			} finally {
				oss.shutdown();
			}
			// the hub reads it back with the official SDK and its own AccessKey: Ready
			client.doneImageUpload(reg.image().id());
			RemoteImage image = ready(client, pid, reg.image().id());
			assertTrue(image.ready(), image.toString());

			// while it is valid, a registration asking only for the image mints nothing
			assertEquals(1, sts.calls().size());
		}
	}

	@Test
	void aWrongSecretIsRefusedBySignatureAndTheHubSaysWhy() throws Exception {
		try (Hub store = Hub.start(HubConfig.builder(tmp.resolve("oss")).cloudSetting("oss", "bucket", BUCKET)
				.cloudSetting("oss", "gateway.access.key", ACCESS).cloudSetting("oss", "gateway.secret.key", SECRET).build());
				AssumeRoleStandIn sts = AssumeRoleStandIn.start(Map.of(ACCESS, SECRET), (policy, duration) -> {
					throw new AssertionError("no credentials for a badly signed request");
				});
				Hub team = Hub.start(team(tmp.resolve("team"), endpoint(store), sts.uri().toString(), "not-the-secret"));
				PlatformClient client = new PlatformClient(team.uri(), team.appKey(), team.userToken())) {
			String pid = client.createProject("aliyun");
			PlatformException e = assertThrows(PlatformException.class, () -> client.refreshGrant(new UploadRequest(
					"uploadImageOSS", "BucketOSS", pid, BUCKET, "random.jpg", null, null, PAYLOAD)));
			// the client is told to try later; the hub's log says why, for its operator, without the secret
			assertTrue(e.getMessage().contains("storage cannot be reached"), e.getMessage());
			assertEquals("SignatureDoesNotMatch", sts.calls().get(0).error());
			String log = Files.readString(tmp.resolve("team/hub.log"));
			assertTrue(log.contains("AssumeRole for " + ROLE + " failed: SignatureDoesNotMatch"), log);
			assertFalse(log.contains("not-the-secret") || e.getMessage().contains("not-the-secret"), "the secret is never shown");
		}
	}

	private static HubConfig team(Path dir, String endpoint, String stsEndpoint, String secret) {
		return HubConfig.builder(dir).cloudSetting("oss", "endpoint", endpoint).cloudSetting("oss", "bucket", BUCKET)
				.cloudSetting("oss", "role.arn", ROLE).cloudSetting("oss", "access.key", ACCESS)
				.cloudSetting("oss", "secret.key", secret).cloudSetting("oss", "sts.endpoint", stsEndpoint).build();
	}

	private static String endpoint(Hub hub) {
		String u = hub.uri().toString();
		return u.substring(0, u.length() - 1);
	}

	private static OSS client(Map<String, String> g, SignVersion v) {
		ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
		conf.setMaxErrorRetry(0);
		conf.setSignatureVersion(v);
		return OSSClientBuilder.create().endpoint(g.get("sts.endpoint")).credentialsProvider(new DefaultCredentialProvider(
				g.get("sts.id"), g.get("sts.secret"), g.get("sts.token"))).clientConfiguration(conf).region("cn-hangzhou")
				.build();
	}

	private static RemoteImage ready(PlatformClient client, String pid, String iid) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		RemoteImage image = null;
		while (System.nanoTime() < deadline) {
			image = client.image(pid, iid).orElseThrow();
			if (!image.state().equals("Uploaded") && !image.state().equals("Uploading")) {
				return image;
			}
			Thread.sleep(100);
		}
		assertNotNull(image);
		return image;
	}
}
