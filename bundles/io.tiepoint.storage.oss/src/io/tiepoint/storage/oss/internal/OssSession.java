/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.internal;

import java.util.Optional;
import java.util.Set;

import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageSession;

/**
 * A session on OSS: the platform flow (each object carries the platform's STS; SinglePut and MultipartPut, which a
 * write-only STS allows) or the direct flow (the user's AccessKey or STS; also ExistsByChecksum and RangedDownload).
 * Its SDK clients live as long as the session.
 */
public final class OssSession implements StorageSession {

	private static final Set<Class<?>> SEND = Set.of(SinglePut.class, MultipartPut.class);
	private static final Set<Class<?>> READ = Set.of(ExistsByChecksum.class, RangedDownload.class);
	private final OssConfig config;
	private final OssClients clients;
	private final OssLookup lookup;
	private final OssTransfer transfer;

	/** @param config the session's settings */
	public OssSession(OssConfig config) {
		this.config = config;
		this.clients = new OssClients(config);
		this.lookup = new OssLookup(clients);
		this.transfer = new OssTransfer(clients, lookup);
	}

	@Override
	public <T> Optional<T> feature(Class<T> capability) {
		if (SEND.contains(capability)) {
			return Optional.of(capability.cast(transfer));
		}
		return config.direct() && READ.contains(capability) ? Optional.of(capability.cast(lookup)) : Optional.empty();
	}

	@Override
	public void close() {
		clients.close();
	}

	@Override
	public String toString() {
		return "OSS session " + config;
	}
}
