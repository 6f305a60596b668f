/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.server;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.oss.OssGateway;
import io.tiepoint.hub.internal.resource.Uploads;
import io.tiepoint.hub.internal.store.Database;

/**
 * The hub's test-only API: what the hub's own tests reach below {@link Hub} (the database to look at
 * what was stored, the OSS gateway's token issuer, the GridFS upload completion, the resource service's uploads), in one declared place
 * instead of casts to the implementation. Exported to {@code io.tiepoint.hub.tests} only.
 */
public final class HubInternals {

	private HubInternals() {
	}

	/** @param hub a hub of this bundle @return its database */
	public static Database database(Hub hub) {
		return server(hub).database();
	}

	/** @param hub a hub of this bundle @return its OSS gateway */
	public static OssGateway ossGateway(Hub hub) {
		return server(hub).ossGateway();
	}

	/** @param hub a hub of this bundle @return its GridFS upload completion */
	public static GridFsUploads gridFsUploads(Hub hub) {
		return server(hub).gridFsUploads();
	}

	/** @param hub a hub of this bundle @return its resource service's uploads */
	public static Uploads resourceUploads(Hub hub) {
		return server(hub).resourceUploads();
	}

	private static HubServer server(Hub hub) {
		if (hub instanceof HubServer s) {
			return s;
		}
		throw new IllegalArgumentException("not a hub of io.tiepoint.hub: " + hub);
	}
}
