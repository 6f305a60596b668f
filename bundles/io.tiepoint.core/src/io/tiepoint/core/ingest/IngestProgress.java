/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

/**
 * A snapshot of a running ingest.
 *
 * @param phase          what runs now, e.g. {@code inspecting}, {@code uploading}, {@code verifying}
 * @param filesDone      images that reached a final state in this run
 * @param filesTotal     images this run handles
 * @param bytesDone      bytes sent in this run
 * @param bytesTotal     bytes this run has to send
 * @param bytesPerSecond the recent send rate
 * @param etaSeconds     the estimated time left, or -1 when unknown
 */
public record IngestProgress(String phase, int filesDone, int filesTotal, long bytesDone, long bytesTotal,
		double bytesPerSecond, long etaSeconds) {
}
