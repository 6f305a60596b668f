/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;

import io.tiepoint.hub.internal.oss.Policy;
import io.tiepoint.hub.spi.HubCloudContext;

/**
 * The OSS cloud on a team's real Aliyun OSS bucket: each STS is minted by STS's AssumeRole (the official
 * {@code aliyun-java-sdk-sts}) for the configured role, with an inline policy that allows only writing and the
 * multipart actions under {@code BUCKET/${pid}/}; the hub itself reads, checks and deletes objects with the official
 * OSS SDK and its own AccessKey, which never leaves it. Settings ({@code cloud.oss.*}): {@code endpoint},
 * {@code bucket}, {@code role.arn}, {@code access.key}, {@code secret.key}, {@code region} (default: the endpoint's,
 * else cn-hangzhou), {@code sts.endpoint} (default {@code sts.aliyuncs.com}; an {@code http://} URL for a local one).
 */
final class AliyunBackend implements OssCloud.Backend {

	private final String bucket;
	private final String endpoint;
	private final String roleArn;
	private final Duration validity;
	private final DefaultAcsClient sts;
	private final URI stsEndpoint;
	private final String region;
	private final OSS oss;

	private AliyunBackend(HubCloudContext c, Duration validity) throws IOException {
		this.endpoint = required(c, "endpoint");
		this.bucket = required(c, "bucket");
		this.roleArn = required(c, "role.arn");
		String access = required(c, "access.key");
		String secret = required(c, "secret.key");
		this.validity = validity;
		String host = URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint).getHost();
		var m = java.util.regex.Pattern.compile("oss-([a-z0-9-]+?)(?:-internal)?\\.aliyuncs\\.com").matcher(host == null ? "" : host);
		this.region = c.setting("region").orElse(m.find() ? m.group(1) : "cn-hangzhou");
		String se = c.setting("sts.endpoint").orElse("sts.aliyuncs.com");
		this.stsEndpoint = URI.create(se.contains("://") ? se : "https://" + se);
		this.sts = new DefaultAcsClient(DefaultProfile.getProfile(region, access, secret));
		ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
		conf.setSignatureVersion(SignVersion.V4);
		this.oss = OSSClientBuilder.create().endpoint(endpoint).credentialsProvider(new DefaultCredentialProvider(access,
				secret)).clientConfiguration(conf).region(region).build();
	}

	static AliyunBackend of(HubCloudContext c, Duration validity) throws IOException {
		if (validity.toSeconds() < 900) {
			throw new IOException("cloud oss: Aliyun's AssumeRole takes sts.validity of 900 s or more");
		}
		return new AliyunBackend(c, validity);
	}

	private static String required(HubCloudContext c, String key) throws IOException {
		return c.setting(key).filter(v -> !v.isBlank()).orElseThrow(() -> new IOException("cloud oss: the setting cloud.oss."
				+ key + " is missing (a real OSS needs endpoint, bucket, role.arn, access.key and secret.key)"));
	}

	@Override
	public List<String> buckets() {
		return List.of(bucket);
	}

	@Override
	public OssCloud.Sts mint(String projectId, String b) throws IOException {
		AssumeRoleRequest r = new AssumeRoleRequest();
		r.setRoleArn(roleArn);
		r.setRoleSessionName("tiepoint-" + projectId);
		r.setPolicy(Policy.writeOnly(b, projectId + "/"));
		r.setDurationSeconds(validity.toSeconds());
		r.setSysEndpoint(stsEndpoint.getAuthority());
		r.setSysProtocol("http".equals(stsEndpoint.getScheme()) ? ProtocolType.HTTP : ProtocolType.HTTPS);
		try {
			AssumeRoleResponse.Credentials c = sts.getAcsResponse(r).getCredentials();
			return new OssCloud.Sts(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken(), b, endpoint,
					Instant.parse(c.getExpiration()));
		} catch (ClientException | DateTimeParseException | NullPointerException e) {
			throw new IOException("Aliyun STS AssumeRole for " + roleArn + " failed: " + (e instanceof ClientException ce
					? ce.getErrCode() + ": " + ce.getErrMsg()
					: e.getClass().getSimpleName()), e);
		}
	}

	@Override
	public OptionalLong stored(String b, String key) throws IOException {
		try {
			return OptionalLong.of(oss.getObjectMetadata(b, key).getContentLength());
		} catch (OSSException e) {
			if ("NoSuchKey".equals(e.getErrorCode())) {
				return OptionalLong.empty();
			}
			throw new IOException("OSS HeadObject failed: " + e.getErrorCode(), e);
		} catch (com.aliyun.oss.ClientException e) {
			throw new IOException("OSS HeadObject failed: " + e.getErrorCode(), e);
		}
	}

	@Override
	public InputStream open(String b, String key) throws IOException {
		try {
			return oss.getObject(b, key).getObjectContent();
		} catch (OSSException | com.aliyun.oss.ClientException e) {
			throw new IOException("OSS GetObject failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void delete(String b, String key) throws IOException {
		try {
			oss.deleteObject(b, key);
		} catch (OSSException | com.aliyun.oss.ClientException e) {
			throw new IOException("OSS DeleteObject failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		oss.shutdown();
		sts.shutdown();
	}
}
