/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.jobs;

/**
 * What the Upload wizard asks for.
 *
 * @param hub             {@code embedded} or a hub URL
 * @param cloud           storage provider id
 * @param bucket          bucket, or null for the provider's default
 * @param threads         parallel transfers
 * @param limitRate       bytes per second, 0 for no limit
 * @param includeRejected send images with error findings too
 * @param retryFailed     send failed images again
 */
public record UploadRequest(String hub, String cloud, String bucket, int threads, long limitRate,
		boolean includeRejected, boolean retryFailed) {
}
