/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.io.IOException;
import java.util.List;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.platform.PlatformException;

/**
 * Where a run takes its images: the platform flow (a hub registers each image and verifies it) or the
 * direct flow (the user's own destination). The {@link Transfers} schedule the images and the
 * {@link ImageSender} retries them; a flow does one attempt at a time.
 */
interface Flow extends AutoCloseable {

	/**
	 * Brings the images an earlier run left half-way in line with what the destination says, before anything
	 * is sent.
	 *
	 * @param candidates the images this run will take
	 * @throws IOException when the destination or the journal cannot be asked
	 */
	void reconcile(List<ImageEntry> candidates) throws IOException;

	/** Starts what runs beside the transfers (the follow-up of the platform's verification). */
	default void start() {
	}

	/**
	 * @param e an image handed to the run
	 * @return true when the flow only follows it (sent already, the platform verifies it), false to send it
	 */
	default boolean follow(ImageEntry e) {
		return false;
	}

	/**
	 * One attempt to take an image as far as this flow goes; every step is committed to the journal before
	 * the next starts. Counts the image in the run's {@code done} when it is settled.
	 *
	 * @param e the image as the journal holds it
	 * @throws PlatformException when the platform fails (its kind says whether to retry)
	 * @throws StorageException  when the destination fails (its kind says whether to retry)
	 * @throws IOException       when the journal or the local file fails
	 */
	void sendOnce(ImageEntry e) throws PlatformException, StorageException, IOException;

	/**
	 * Waits until what follows the transfers is over: every image verified, the verification timed out, or
	 * the run canceled.
	 *
	 * @throws InterruptedException when interrupted
	 */
	default void awaitSettled() throws InterruptedException {
	}

	/** Releases the session and the platform connection. */
	@Override
	void close();
}
