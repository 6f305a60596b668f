/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.tiepoint.storage.s3.internal.UnsignedPayload;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The S3 client's signer over plain HTTP: the request is signed (who may write what where) but the bytes
 * are not read for a SHA-256; they are checked by Content-MD5 and the ETag instead (the S3 tests against
 * S3Proxy, which verifies every signature, upload through it over http://).
 */
class UnsignedPayloadTest {

	private static final byte[] BODY = "the bytes of a photo".getBytes(StandardCharsets.UTF_8);
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void overHttpThePayloadIsNotReadForTheSignature() {
		AtomicInteger reads = new AtomicInteger();
		SignedRequest signed = sign(UnsignedPayload.scheme().signer(), "http://127.0.0.1:9000/bucket/a.jpg", reads);
		SdkHttpRequest r = signed.request();
		assertEquals("UNSIGNED-PAYLOAD", r.firstMatchingHeader("x-amz-content-sha256").orElse(null));
		assertEquals("http", r.protocol(), "sent as it was asked");
		assertEquals(9000, r.port());
		assertEquals(0, reads.get(), "the payload was read to sign it");
		assertTrue(r.firstMatchingHeader("Authorization").orElse("").startsWith("AWS4-HMAC-SHA256 Credential=AKID/"));
	}

	@Test
	void theSignatureIsTheOneTheSdkGivesTheSameRequestOverHttps() {
		String ours = sign(UnsignedPayload.scheme().signer(), "http://127.0.0.1:9000/bucket/a.jpg", new AtomicInteger())
				.request().firstMatchingHeader("Authorization").orElseThrow();
		String sdk = sign(AwsV4HttpSigner.create(), "https://127.0.0.1:9000/bucket/a.jpg", new AtomicInteger()).request()
				.firstMatchingHeader("Authorization").orElseThrow();
		assertEquals(sdk, ours);
	}

	@Test
	void onTheDefaultPortThePayloadIsSignedAsTheSdkDoes() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		SdkHttpRequest r = sign(UnsignedPayload.scheme().signer(), "http://127.0.0.1/bucket/a.jpg", reads).request();
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
		assertEquals(sha256, r.firstMatchingHeader("x-amz-content-sha256").orElse(null));
		assertTrue(reads.get() > 0);
	}

	private static SignedRequest sign(HttpSigner<AwsCredentialsIdentity> signer, String uri, AtomicInteger reads) {
		SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT).uri(URI.create(uri))
				.putHeader("Content-Length", String.valueOf(BODY.length)).build();
		ContentStreamProvider payload = () -> {
			reads.incrementAndGet();
			return new ByteArrayInputStream(BODY);
		};
		return signer.sign(r -> r.identity(AwsBasicCredentials.create("AKID", "SECRET")).request(request).payload(payload)
				.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
				.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
				.putProperty(HttpSigner.SIGNING_CLOCK, CLOCK));
	}
}
