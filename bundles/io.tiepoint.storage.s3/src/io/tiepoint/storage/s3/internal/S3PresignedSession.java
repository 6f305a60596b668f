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

import java.util.Optional;

import io.tiepoint.core.storage.SchemeClients;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageSession;

/**
 * A session of the platform flow: no credentials, only {@link SinglePut} to presigned URLs.
 */
public final class S3PresignedSession implements StorageSession {

	private final SchemeClients http = PresignedPut.newClients();
	private final PresignedPut put;

	/**
	 * Opens the session (no network yet).
	 *
	 * @param config the settings (of them, only the stall time matters without credentials)
	 */
	public S3PresignedSession(S3Config config) {
		this.put = new PresignedPut(http, config.stall());
	}

	@Override
	public <T> Optional<T> feature(Class<T> capability) {
		return capability == SinglePut.class ? Optional.of(capability.cast(put)) : Optional.empty();
	}

	@Override
	public void close() {
		http.close();
	}

	@Override
	public String toString() {
		return "S3 session (presigned URLs)";
	}
}
