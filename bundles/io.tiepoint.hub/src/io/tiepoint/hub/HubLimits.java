/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub;

import java.time.Duration;
import java.util.Objects;

/**
 * What one caller may make a hub spend: the bounds that keep a user with a valid token (or a client with
 * the app key alone) from filling its disk or memory or holding its threads. {@link #DEFAULT} suits a
 * team's hub; change one bound with the {@code with...} methods.
 *
 * @param maxUploadBytes       the largest file the resource service accepts (Range + Content-Length of an
 *                             upload, or the {@code FileLenth} declared to GetUploadState)
 * @param maxOpenUploads       unfinished resource-service uploads one user may hold at a time
 * @param uploadExpiry         how long an unfinished upload without progress is kept before its chunks
 *                             are deleted
 * @param maxImagePixels       the largest image (width x height, read from its header) that Convert
 *                             decodes
 * @param maxQueryCost         the largest estimated cost of a GraphQL request: every field counts 1, a
 *                             list (connection) field reads its collection and counts
 *                             {@value #CONNECTION_COST} plus its rows times the cost of a row
 * @param queryTimeout         how long a GraphQL request may run; fields not resolved by then are
 *                             answered with a {@code TIMEOUT} error
 * @param downloadLinkValidity how long a download link handed out by GetDownloadUrl stays valid
 */
public record HubLimits(long maxUploadBytes, int maxOpenUploads, Duration uploadExpiry, long maxImagePixels,
		int maxQueryCost, Duration queryTimeout, Duration downloadLinkValidity) {

	/** What a list (connection) field costs besides its rows: a read of its collection. */
	public static final int CONNECTION_COST = 20_000;

	/**
	 * 8 GiB files, 200 unfinished uploads per user kept 24 hours, 100-megapixel images, queries up to a
	 * cost of 250,000 (one page of 10,000 images with a dozen fields, or a dozen smaller lists) and 10
	 * seconds, download links valid 1 hour.
	 */
	public static final HubLimits DEFAULT = new HubLimits(8L << 30, 200, Duration.ofHours(24), 100_000_000L, 250_000,
			Duration.ofSeconds(10), Duration.ofHours(1));

	/** Checks every bound is positive. */
	public HubLimits {
		Objects.requireNonNull(uploadExpiry, "uploadExpiry");
		Objects.requireNonNull(queryTimeout, "queryTimeout");
		Objects.requireNonNull(downloadLinkValidity, "downloadLinkValidity");
		if (maxUploadBytes < 1 || maxOpenUploads < 1 || maxImagePixels < 1 || maxQueryCost < 1
				|| !positive(uploadExpiry) || !positive(queryTimeout) || !positive(downloadLinkValidity)) {
			throw new IllegalArgumentException("every hub limit must be positive: " + this);
		}
	}

	private static boolean positive(Duration d) {
		return !d.isNegative() && !d.isZero();
	}

	/** @param value largest upload in bytes @return a copy with it */
	public HubLimits withMaxUploadBytes(long value) {
		return new HubLimits(value, maxOpenUploads, uploadExpiry, maxImagePixels, maxQueryCost, queryTimeout,
				downloadLinkValidity);
	}

	/** @param value unfinished uploads per user @return a copy with it */
	public HubLimits withMaxOpenUploads(int value) {
		return new HubLimits(maxUploadBytes, value, uploadExpiry, maxImagePixels, maxQueryCost, queryTimeout,
				downloadLinkValidity);
	}

	/** @param value how long unfinished uploads are kept @return a copy with it */
	public HubLimits withUploadExpiry(Duration value) {
		return new HubLimits(maxUploadBytes, maxOpenUploads, value, maxImagePixels, maxQueryCost, queryTimeout,
				downloadLinkValidity);
	}

	/** @param value largest image Convert decodes, in pixels @return a copy with it */
	public HubLimits withMaxImagePixels(long value) {
		return new HubLimits(maxUploadBytes, maxOpenUploads, uploadExpiry, value, maxQueryCost, queryTimeout,
				downloadLinkValidity);
	}

	/** @param value largest GraphQL cost @return a copy with it */
	public HubLimits withMaxQueryCost(int value) {
		return new HubLimits(maxUploadBytes, maxOpenUploads, uploadExpiry, maxImagePixels, value, queryTimeout,
				downloadLinkValidity);
	}

	/** @param value GraphQL time limit @return a copy with it */
	public HubLimits withQueryTimeout(Duration value) {
		return new HubLimits(maxUploadBytes, maxOpenUploads, uploadExpiry, maxImagePixels, maxQueryCost, value,
				downloadLinkValidity);
	}

	/** @param value validity of download links @return a copy with it */
	public HubLimits withDownloadLinkValidity(Duration value) {
		return new HubLimits(maxUploadBytes, maxOpenUploads, uploadExpiry, maxImagePixels, maxQueryCost, queryTimeout,
				value);
	}
}
