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

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.spi.HubCloud;

/**
 * Periodic image work: notices the bytes of waiting images of {@link HubCloud.Swept swept} clouds (S3:
 * clients need not call {@code doneImageUpload}), queues Uploaded images no worker holds, and forces images
 * not finished within the expiry to Invalid.
 */
public final class ImageSweeper {

	private static final HubLog LOG = HubLog.of(ImageSweeper.class);
	private final ImageStore images;
	private final ImageService service;
	private final Access access;
	private final Verifier verifier;
	private final Duration expiry;
	private final Consumer<String> settled;

	/**
	 * @param images   image store
	 * @param service  lifecycle
	 * @param access   clouds
	 * @param verifier verification pool
	 * @param expiry   how long an image may stay unfinished after registration
	 * @param settled  told the project id when an image expired
	 */
	public ImageSweeper(ImageStore images, ImageService service, Access access, Verifier verifier, Duration expiry,
			Consumer<String> settled) {
		this.images = images;
		this.service = service;
		this.access = access;
		this.verifier = verifier;
		this.expiry = expiry;
		this.settled = settled;
	}

	/** One pass: arrivals, queueing, expiry. */
	public void sweep() {
		for (HubCloud cloud : access.clouds().with(HubCloud.Swept.class)) {
			poll(cloud);
		}
		for (String id : images.unclaimed()) {
			verifier.enqueue(id);
		}
		expire();
	}

	private void poll(HubCloud cloud) {
		for (ImageRecord image : images.waiting(cloud.id())) {
			try {
				OptionalLong size = cloud.stored(CloudImages.of(image));
				if (size.isPresent()) {
					service.markStored(image.id(), size.getAsLong(), null);
				}
			} catch (IOException e) {
				LOG.warn("cannot ask cloud " + cloud.id() + " for image " + image.id(), e);
				return;
			}
		}
	}

	private void expire() {
		Instant cutoff = Instant.ofEpochMilli(System.currentTimeMillis() - expiry.toMillis());
		String limit = expiry.toMinutes() >= 1 ? expiry.toMinutes() + " minutes" : expiry.toSeconds() + " seconds";
		String reason = "not uploaded and verified within " + limit + " of registration";
		for (ImageRecord image : images.unfinishedBefore(cutoff)) {
			if (images.setState(image.id(), HubImageState.OPEN, HubImageState.Invalid, List.of(reason)) != null) {
				settled.accept(image.pid());
			}
		}
	}
}
