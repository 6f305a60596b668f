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
import java.util.Map;

/**
 * The answer to an {@code uploadImage*} mutation: where to send the bytes.
 *
 * @param image   the registered image
 * @param url     the upload target (presigned PUT, resumable upload URL), or null when the image needs
 *                no upload (already Uploaded or Ready)
 * @param expires when the target stops working, when the platform says so, or null
 * @param grant   the other scalar fields of the answer's payload (e.g. {@code sts.id}, {@code sts.token}):
 *                may hold temporary credentials, never shown
 */
public record Registration(RemoteImage image, URI url, Instant expires, Map<String, String> grant) {

	/** Copies the grant. */
	public Registration {
		grant = grant == null ? Map.of() : Map.copyOf(grant);
	}

	/**
	 * A registration without a grant.
	 *
	 * @param image   the image
	 * @param url     the upload target, or null
	 * @param expires when it stops working, or null
	 */
	public Registration(RemoteImage image, URI url, Instant expires) {
		this(image, url, expires, Map.of());
	}

	@Override
	public String toString() {
		return "Registration[" + image + ", url=" + (url == null ? null : url.getScheme() + "://" + url.getAuthority() + url.getPath())
				+ ", expires=" + expires + "]";
	}
}
