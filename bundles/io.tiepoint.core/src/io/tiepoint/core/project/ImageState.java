/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.project;

import java.util.Locale;

/**
 * The client-side state of one image, as the journal records it:
 * {@code Discovered -> Inspected | Rejected -> Existing | Registered -> Uploading(offset) -> Uploaded ->
 * Ready | Invalid(reasons) | Failed(error, retryable)}.
 */
public enum ImageState {
	/** Found in a folder, not inspected yet. */
	DISCOVERED,
	/** Inspected: checksums and metadata known, no error finding. */
	INSPECTED,
	/** Inspected with an error finding (unreadable, truncated, not an image...): not sent unless asked. */
	REJECTED,
	/** The platform already has an image with this checksum in the project. */
	EXISTING,
	/** Registered on the platform; the upload target is known. */
	REGISTERED,
	/** Bytes are being sent; {@code offset} is what the destination acknowledged. */
	UPLOADING,
	/** All bytes sent; the platform verifies them. */
	UPLOADED,
	/** Verified by the platform. */
	READY,
	/** The platform refused the image; {@code error} has its reasons. */
	INVALID,
	/** The client gave up for now; {@code error} says why, {@code retryable} whether trying again helps. */
	FAILED;

	/** @return the name users see, e.g. {@code Ready} */
	public String label() {
		String n = name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(n.charAt(0)) + n.substring(1);
	}

	/**
	 * @param label a label or name in any case
	 * @return the state
	 * @throws IllegalArgumentException when there is no such state
	 */
	public static ImageState parse(String label) {
		return valueOf(label.trim().toUpperCase(Locale.ROOT));
	}

	/** @return whether nothing more happens to the image without a user's action */
	public boolean terminal() {
		return this == READY || this == INVALID || this == REJECTED || this == EXISTING;
	}
}
