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
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.tiepoint.hub.S3Settings;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubImage;
import io.tiepoint.hub.spi.UploadTarget;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An S3-compatible store: explicit endpoint, path-style, explicit HTTP client (no ServiceLoader
 * discovery, which fails under OSGi). SDK errors become {@link IOException} here. Registration hands out a
 * presigned PUT bound to the image's key and Content-Type; clients need not call {@code doneImageUpload}, so
 * the hub sweeps for arrivals; Ready images get a presigned GET.
 */
public final class S3Cloud implements HubCloud, HubCloud.Swept, HubCloud.Downloads {

	/** The cloud's id. */
	public static final String ID = io.tiepoint.hub.S3Settings.CLOUD;
	private static final Duration GET_VALIDITY = Duration.ofHours(1);
	private final S3Settings settings;
	private final SdkHttpClient http;
	private final S3Client s3;
	private final S3Presigner presigner;

	/** @param settings endpoint, bucket, region and keys */
	public S3Cloud(S3Settings settings) {
		this.settings = settings;
		var creds = StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		var config = S3Configuration.builder().pathStyleAccessEnabled(true).build();
		Region region = Region.of(settings.region());
		this.http = httpClient(settings.endpoint());
		this.s3 = S3Client.builder().endpointOverride(settings.endpoint()).region(region).credentialsProvider(creds)
				.httpClient(http).serviceConfiguration(config)
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
		this.presigner = S3Presigner.builder().endpointOverride(settings.endpoint()).region(region)
				.credentialsProvider(creds).serviceConfiguration(config).build();
	}

	/**
	 * Over plain {@code http://} (S3Proxy, MinIO on a LAN) the connections are opened here: the SDK's own factory
	 * builds a TLS context first, loading the JVM's trust store, a tenth of a cold hub's start.
	 */
	private static SdkHttpClient httpClient(URI endpoint) {
		if ("http".equalsIgnoreCase(endpoint.getScheme())) {
			return UrlConnectionHttpClient.create(uri -> {
				try {
					HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
					c.setConnectTimeout((int) Duration.ofSeconds(2).toMillis()); // as the SDK's builder below
					c.setReadTimeout((int) Duration.ofMinutes(2).toMillis());
					return c;
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		return UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String mutation() {
		return "uploadImageS3";
	}

	@Override
	public String region() {
		return settings.region();
	}

	@Override
	public String endpoint() {
		return settings.endpoint().toString();
	}

	@Override
	public List<String> buckets() {
		return List.of(settings.bucket());
	}

	@Override
	public UploadTarget register(HubImage image) {
		return UploadTarget.url(presignPut(image.key(), image.contentType()));
	}

	@Override
	public Optional<String> downloadUrl(HubImage image) {
		return Optional.of(presignGet(image.key()));
	}

	/**
	 * @param key         object key ({@code {pid}/{filename}})
	 * @param contentType the Content-Type the PUT must carry
	 * @return a presigned PUT URL valid {@link S3Settings#putValidity()}
	 */
	private String presignPut(String key, String contentType) {
		return presigner.presignPutObject(r -> r.signatureDuration(settings.putValidity())
				.putObjectRequest(p -> p.bucket(settings.bucket()).key(key).contentType(contentType))).url().toString();
	}

	/** @param key object key @return a presigned GET URL valid one hour */
	private String presignGet(String key) {
		return presigner.presignGetObject(
				r -> r.signatureDuration(GET_VALIDITY).getObjectRequest(g -> g.bucket(settings.bucket()).key(key)))
				.url().toString();
	}

	@Override
	public OptionalLong stored(HubImage image) throws IOException {
		try {
			return OptionalLong.of(s3.headObject(r -> r.bucket(settings.bucket()).key(image.key()))
					.contentLength());
		} catch (NoSuchKeyException e) {
			return OptionalLong.empty();
		} catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return OptionalLong.empty();
			}
			throw new IOException("S3 HeadObject failed: " + e.getMessage(), e);
		} catch (SdkException e) {
			throw new IOException("S3 HeadObject failed: " + e.getMessage(), e);
		}
	}

	@Override
	public InputStream open(HubImage image) throws IOException {
		try {
			return s3.getObject(r -> r.bucket(settings.bucket()).key(image.key()));
		} catch (SdkException e) {
			throw new IOException("S3 GetObject failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void delete(HubImage image) throws IOException {
		try {
			s3.deleteObject(r -> r.bucket(settings.bucket()).key(image.key()));
		} catch (SdkException e) {
			throw new IOException("S3 DeleteObject failed: " + e.getMessage(), e);
		}
	}

	/**
	 * Creates the bucket when it does not exist (a fresh S3Proxy).
	 *
	 * @throws IOException when the bucket can neither be seen nor created
	 */
	public void ensureBucket() throws IOException {
		try {
			s3.headBucket(r -> r.bucket(settings.bucket()));
		} catch (NoSuchBucketException e) {
			createBucket();
		} catch (S3Exception e) {
			if (e.statusCode() != 404) {
				throw new IOException("S3 HeadBucket failed: " + e.getMessage(), e);
			}
			createBucket();
		} catch (SdkException e) {
			throw new IOException("S3 HeadBucket failed: " + e.getMessage(), e);
		}
	}

	private void createBucket() throws IOException {
		try {
			s3.createBucket(r -> r.bucket(settings.bucket()));
		} catch (SdkException e) {
			throw new IOException("S3 CreateBucket failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		presigner.close();
		s3.close();
		http.close();
	}
}
