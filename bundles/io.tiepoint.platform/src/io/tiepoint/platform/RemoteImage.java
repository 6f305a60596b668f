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

import java.util.List;

/**
 * An image as the platform shows it.
 *
 * @param id       its id
 * @param state    {@code Pending}, {@code Uploading}, {@code Uploaded}, {@code Ready} or {@code Invalid}
 * @param name     the client's file name
 * @param filename the server-assigned unique file name
 * @param checksum its SHA-1, or null
 * @param error    reasons for Invalid
 */
public record RemoteImage(String id, String state, String name, String filename, String checksum, List<String> error) {

	/** @return whether the platform verified it */
	public boolean ready() {
		return "Ready".equals(state);
	}

	/** @return whether the platform refused it */
	public boolean invalid() {
		return "Invalid".equals(state);
	}
}
