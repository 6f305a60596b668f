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

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 with {@code x-amz-content-sha256: UNSIGNED-PAYLOAD} over {@code http://} too, as over
 * {@code https://}: the SDK otherwise hashes every byte with SHA-256 for the signature when the endpoint is
 * plain HTTP (a MinIO or S3Proxy on the survey team's network), and that hashing was the largest part of an
 * upload's CPU time (46 % of the direct flow's samples over loopback). What the signature then covers is the
 * request (method, path, headers: who may write what where); the bytes are checked as on HTTPS: the
 * {@code Content-MD5} of every PUT and the ETag of every part against the MD5 of what was streamed
 * ({@link S3Direct}). rclone sends S3 uploads the same way ({@code use_unsigned_payload}).
 * <p>
 * The request is signed as if it were HTTPS (the SDK's own rule for an unsigned payload) and sent as it
 * was; the canonical request holds no scheme, only the host and its port, so the signature is the same.
 * An endpoint without an explicit port other than 80 and 443 is signed as the SDK does (its host header
 * would differ between the schemes).
 */
public final class UnsignedPayload implements HttpSigner<AwsCredentialsIdentity> {

	private final HttpSigner<AwsCredentialsIdentity> delegate;

	private UnsignedPayload(HttpSigner<AwsCredentialsIdentity> delegate) {
		this.delegate = delegate;
	}

	/** @return SigV4 with this signer, for {@code S3ClientBuilder.putAuthScheme} */
	public static AuthScheme<AwsCredentialsIdentity> scheme() {
		AwsV4AuthScheme sigV4 = AwsV4AuthScheme.create();
		UnsignedPayload signer = new UnsignedPayload(sigV4.signer());
		return new AwsV4AuthScheme() {
			@Override
			public String schemeId() {
				return sigV4.schemeId();
			}

			@Override
			public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
				return sigV4.identityProvider(providers);
			}

			@Override
			public AwsV4HttpSigner signer() {
				return new AwsV4HttpSigner() {
					@Override
					public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
						return signer.sign(request);
					}

					@Override
					public CompletableFuture<AsyncSignedRequest> signAsync(
							AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
						return signer.signAsync(request);
					}
				};
			}
		};
	}

	/** @return whether a request to this endpoint is signed as HTTPS and sent as HTTP */
	static boolean applies(SdkHttpRequest request) {
		int port = request.port();
		return "http".equals(request.protocol()) && port > 0 && port != 80 && port != 443;
	}

	@Override
	public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
		SdkHttpRequest http = request.request();
		if (!applies(http)) {
			return delegate.sign(request);
		}
		SignedRequest signed = delegate.sign(request.copy(r -> r.request(http.toBuilder().protocol("https").build())
				.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)));
		return signed.copy(s -> s.request(signed.request().toBuilder().protocol("http").port(http.port()).build()));
	}

	@Override
	public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
		return delegate.signAsync(request); // this provider's client is synchronous
	}
}
