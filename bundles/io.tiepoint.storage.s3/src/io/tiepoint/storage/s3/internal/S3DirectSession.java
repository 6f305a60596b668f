/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SchemeClients;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageSession;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A session of the direct flow: one SDK client (explicit {@link UrlConnectionHttpClient}: ServiceLoader
 * discovery fails under OSGi; path-style; explicit endpoint and region) shared by the threads that use
 * the session.
 */
public final class S3DirectSession implements StorageSession {

	private static final Set<Class<?>> FEATURES = Set.of(SinglePut.class, MultipartPut.class, ExistsByChecksum.class,
			RangedDownload.class);
	private final S3Config config;
	private final SdkHttpClient http;
	private static final Duration CONNECT = Duration.ofSeconds(30);
	private static final Duration READ = Duration.ofMinutes(2);
	/** The clients of presigned PUTs, each made on first use: the direct flow sends with the SDK. */
	private final SchemeClients presignedHttp = PresignedPut.newClients();
	private final S3Client s3;
	private final S3Direct direct;

	/**
	 * @param config the settings (direct flow)
	 * @throws StorageException {@code PERMANENT} when the SDK refuses the settings
	 */
	public S3DirectSession(S3Config config) throws StorageException {
		this.config = config;
		this.http = httpClient(config.endpoint());
		try {
			AwsCredentials creds = config.sessionToken() == null
					? AwsBasicCredentials.create(config.accessKey(), config.secretKey())
					: AwsSessionCredentials.create(config.accessKey(), config.secretKey(), config.sessionToken());
			S3ClientBuilder b = S3Client.builder().region(Region.of(config.region()))
					.credentialsProvider(StaticCredentialsProvider.create(creds)).httpClient(http)
					.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
					.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
					.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
					.putAuthScheme(UnsignedPayload.scheme());
			if (config.endpoint() != null) {
				b.endpointOverride(config.endpoint());
			}
			this.s3 = b.build();
		} catch (SdkException | IllegalArgumentException e) {
			http.close();
			throw new StorageException(StorageException.Kind.PERMANENT, "S3 target " + config.bucket()
					+ ": the settings are refused: " + S3Errors.describe(e));
		}
		this.direct = new S3Direct(config, s3, this::presigned);
		probe();
	}

	/**
	 * The SDK's HTTP client. Over plain {@code http://} (S3Proxy, MinIO on a LAN) it opens its connections itself: the
	 * SDK's own factory builds a TLS context first, loading the JVM's trust store (~90 ms of a cold session's
	 * 0.37 s, before the first byte); over TLS that context is needed, and the SDK's builder makes it.
	 */
	static SdkHttpClient httpClient(URI endpoint) {
		if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme())) {
			return UrlConnectionHttpClient.create(uri -> {
				try {
					HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
					c.setConnectTimeout((int) CONNECT.toMillis());
					c.setReadTimeout((int) READ.toMillis());
					return c;
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT).socketTimeout(READ).build();
	}

	/** A presigned URL's PUT. */
	private PresignedPut presigned() {
		return new PresignedPut(presignedHttp, config.stall());
	}

	/**
	 * Asks for the bucket once: a bucket that does not exist is refused at once, not image by image after their
	 * inspection; and the SDK's request path is ready (its classes loaded) before the first image is, while the
	 * images are still being inspected. No permission to ask (403: a key allowed to write objects only) or a
	 * failed connection is left to the transfers, which retry as they always do.
	 */
	private void probe() throws StorageException {
		try {
			s3.headBucket(r -> r.bucket(config.bucket()));
		} catch (S3Exception e) {
			if (e.statusCode() == 404) {
				close();
				throw new StorageException(StorageException.Kind.PERMANENT, "S3 target " + config.bucket()
						+ ": the bucket does not exist (404 on HeadBucket)");
			}
		} catch (SdkException e) {
			// the transfers meet it again and retry
		}
	}

	@Override
	public <T> Optional<T> feature(Class<T> capability) {
		return FEATURES.contains(capability) ? Optional.of(capability.cast(direct)) : Optional.empty();
	}

	@Override
	public void close() {
		s3.close();
		http.close();
		presignedHttp.close();
	}

	@Override
	public String toString() {
		return "S3 session " + config;
	}
}
