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

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * Runs one SDK call for an object: with the client of its destination, the failure mapped at the edge, and in the
 * platform flow once more with a fresh STS when OSS answers {@code SecurityTokenExpired} (the engine asks the
 * platform for it, or hands out the one another transfer already got), so that an upload goes on where it was.
 */
final class OssCalls {

	/** An SDK call. */
	@FunctionalInterface
	interface Call<T> {
		T run(OSS oss);
	}

	private final OssClients clients;

	OssCalls(OssClients clients) {
		this.clients = clients;
	}

	/**
	 * @param <T>      the answer
	 * @param object   the object the call is for
	 * @param listener where a fresh grant comes from
	 * @param what     names the operation and the object
	 * @param m        cancellation
	 * @param call     the call; it opens its own streams (it may run twice)
	 * @return its answer
	 * @throws StorageException the mapped failure
	 */
	<T> T run(StorageObject object, TransferListener listener, String what, IProgressMonitor m, Call<T> call)
			throws StorageException {
		OssClients.Client client = clients.client(object);
		boolean renewed = false;
		while (true) {
			if (m.isCanceled()) {
				throw new StorageException(StorageException.Kind.CANCELED, what + " canceled");
			}
			try {
				return call.run(client.oss);
			} catch (OSSException e) {
				if (renewed || !clients.platform() || !OssErrors.expired(e) || m.isCanceled()) {
					throw OssErrors.map(e, what, m);
				}
				Map<String, String> stale = client.grant();
				client.offer(listener.renewGrant(stale == null ? object.grant() : stale));
				renewed = true;
			} catch (RuntimeException e) {
				throw OssErrors.map(e, what, m);
			}
		}
	}
}
