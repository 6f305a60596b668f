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

import java.io.IOException;
import java.util.Optional;

import io.tiepoint.hub.S3Settings;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubCloudContext;
import io.tiepoint.hub.spi.HubCloudFactory;

/**
 * The S3 cloud when the hub has settings for it ({@link S3Settings#fromSettings}); its bucket is created when
 * missing (a fresh S3Proxy).
 */
public final class S3CloudFactory implements HubCloudFactory {

	@Override
	public Optional<HubCloud> create(HubCloudContext context) throws IOException {
		if (context.settings().isEmpty()) {
			return Optional.empty();
		}
		S3Settings settings;
		try {
			settings = S3Settings.fromSettings(context.settings());
		} catch (IllegalArgumentException e) {
			throw new IOException("cloud " + context.id() + ": " + e.getMessage(), e);
		}
		S3Cloud cloud = new S3Cloud(settings);
		try {
			cloud.ensureBucket();
		} catch (IOException | RuntimeException e) {
			cloud.close();
			throw e;
		}
		return Optional.of(cloud);
	}
}
