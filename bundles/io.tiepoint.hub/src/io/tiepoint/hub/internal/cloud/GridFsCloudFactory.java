/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.util.Optional;

import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubCloudContext;
import io.tiepoint.hub.spi.HubCloudFactory;

/** The hub's own GridFS cloud, served by every hub (it needs no settings, only the hub's database). */
public final class GridFsCloudFactory implements HubCloudFactory {

	@Override
	public Optional<HubCloud> create(HubCloudContext context) {
		return context.service(Database.class).map(db -> new GridFsCloud(db, context::baseUri));
	}
}
