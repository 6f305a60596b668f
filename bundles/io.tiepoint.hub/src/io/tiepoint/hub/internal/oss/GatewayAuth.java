/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.oss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Who a gateway request comes from, checked as OSS checks it: the signature (V1 or V4, V4 for the gateway's region),
 * the request's time within 15 minutes of the gateway's, and for an STS its token (issued here, for that AccessKeyId,
 * not expired) whose policy then decides what the request may do. A long-lived AccessKey (the hub's settings) may do
 * anything on the gateway's buckets.
 */
final class GatewayAuth {

	/** The largest difference between a request's time and the gateway's. */
	static final Duration SKEW = Duration.ofMinutes(15);
	private final StsTokens sts;
	private final Map<String, String> accessKeys;
	private final String region;

	/**
	 * @param sts        the issuer of the gateway's STS
	 * @param accessKeys long-lived AccessKey ids and their secrets
	 * @param region     the region V4 requests must be signed for
	 */
	GatewayAuth(StsTokens sts, Map<String, String> accessKeys, String region) {
		this.sts = sts;
		this.accessKeys = Map.copyOf(accessKeys);
		this.region = region;
	}

	/**
	 * @param r a request
	 * @return the policy of its STS, or null for a long-lived AccessKey
	 * @throws OssError OSS's refusal: {@code AccessDenied}, {@code InvalidArgument}, {@code RequestTimeTooSkewed},
	 *                  {@code InvalidAccessKeyId}, {@code InvalidSecurityToken}, {@code SecurityTokenExpired},
	 *                  {@code SignatureDoesNotMatch}
	 */
	Policy check(OssRequest r) throws OssError {
		Signatures.Claim claim = Signatures.claim(r);
		Instant now = Instant.now();
		Instant at = Signatures.time(claim, r);
		if (Duration.between(at, now).abs().compareTo(SKEW) > 0) {
			throw new OssError(403, "RequestTimeTooSkewed", "The difference between the request time and the current"
					+ " time is too large.");
		}
		if (claim.v4() && !claim.region().equals(region)) {
			throw new OssError(400, "InvalidArgument", "Invalid signing region in Authorization header: the request was"
					+ " signed for " + claim.region() + ", this endpoint is " + region + ".");
		}
		String token = r.header("x-oss-security-token");
		String secret;
		Policy policy;
		if (token != null) {
			try {
				StsTokens.Credential c = sts.check(claim.accessKeyId(), token, now);
				secret = c.secret();
				policy = c.policy();
			} catch (StsTokens.Refused e) {
				throw new OssError(403, e.code(), e.getMessage());
			}
		} else {
			secret = accessKeys.get(claim.accessKeyId());
			policy = null;
			if (secret == null) {
				throw new OssError(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our"
						+ " records.");
			}
		}
		String expected = Signatures.expected(claim, r, secret);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				claim.signature().getBytes(StandardCharsets.UTF_8))) {
			throw new OssError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
					+ " signature you provided. Check your key and signing method.");
		}
		return policy;
	}
}
