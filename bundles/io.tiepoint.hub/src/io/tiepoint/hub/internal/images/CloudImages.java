/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.images;

import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.spi.HubImage;

/** Images as clouds see them ({@link HubImage}). */
public final class CloudImages {

	private CloudImages() {
	}

	/** @param image an image @return it as clouds see it */
	public static HubImage of(ImageRecord image) {
		return new HubImage(image.id(), image.pid(), image.name(), image.filename(), image.key(), image.bucket(),
				image.contentType(), image.knownChecksum(), image.size() != null ? image.size() : HubImage.UNKNOWN,
				image.uploadId(), image.gridFsId());
	}
}
