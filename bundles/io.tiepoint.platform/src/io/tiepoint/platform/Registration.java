/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.platform;

import java.net.URI;
import java.time.Instant;

/**
 * The answer to an {@code uploadImage*} mutation: where to send the bytes.
 *
 * @param image   the registered image
 * @param url     the upload target (presigned PUT, resumable upload URL), or null when the image needs
 *                no upload (already Uploaded or Ready)
 * @param expires when the target stops working (S3: 3 hours), or null
 */
public record Registration(RemoteImage image, URI url, Instant expires) {

	@Override
	public String toString() {
		return "Registration[" + image + ", url=" + (url == null ? null : url.getScheme() + "://" + url.getAuthority() + url.getPath())
				+ ", expires=" + expires + "]";
	}
}
