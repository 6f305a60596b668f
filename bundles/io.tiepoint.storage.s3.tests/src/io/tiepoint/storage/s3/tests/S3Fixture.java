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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.testing.s3.S3ProxyProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One S3Proxy for the whole test run (started on first use, stopped when the test JVM exits), and the
 * test side's own SDK client and presigner to prepare and inspect buckets.
 */
final class S3Fixture {

	private static final AtomicInteger BUCKETS = new AtomicInteger();
	private static S3ProxyProcess proxy;
	private static SdkHttpClient http;
	private static S3Client admin;
	private static S3Presigner presigner;

	private S3Fixture() {
	}

	/** @return the running S3Proxy (skips the test when its jar is not configured) */
	static synchronized S3ProxyProcess proxy() throws Exception {
		if (proxy == null) {
			Path dir = Files.createTempDirectory("tiepoint-s3proxy");
			S3ProxyProcess p = S3ProxyProcess.start(dir);
			proxy = p;
			var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(p.accessKey(), p.secretKey()));
			var config = S3Configuration.builder().pathStyleAccessEnabled(true).build();
			http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build();
			admin = S3Client.builder().endpointOverride(p.endpoint()).region(Region.of(p.region()))
					.credentialsProvider(creds).httpClient(http).serviceConfiguration(config)
					.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
					.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
			presigner = S3Presigner.builder().endpointOverride(p.endpoint()).region(Region.of(p.region()))
					.credentialsProvider(creds).serviceConfiguration(config).build();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					presigner.close();
					admin.close();
					http.close();
					p.close();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				} finally {
					deleteTree(dir);
				}
			}, "s3proxy-stop"));
		}
		return proxy;
	}

	/** @return the test side's client */
	static S3Client admin() throws Exception {
		proxy();
		return admin;
	}

	/** @return the test side's presigner */
	static S3Presigner presigner() throws Exception {
		proxy();
		return presigner;
	}

	/** @return a new, empty bucket */
	static String freshBucket() throws Exception {
		String bucket = "tp-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
		admin().createBucket(b -> b.bucket(bucket));
		return bucket;
	}

	/**
	 * @param bucket  the bucket
	 * @param prefix  the key prefix
	 * @param options provider options
	 * @return a direct-flow target on S3Proxy
	 */
	static StorageTarget direct(String bucket, String prefix, Map<String, String> options) throws Exception {
		S3ProxyProcess p = proxy();
		return new StorageTarget(p.endpoint(), bucket, prefix, options,
				Map.of("accessKey", p.accessKey(), "secretKey", p.secretKey()));
	}

	/** @return S3Proxy's endpoint */
	static URI endpoint() throws Exception {
		return proxy().endpoint();
	}

	private static void deleteTree(Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// a temporary directory
		}
	}
}
