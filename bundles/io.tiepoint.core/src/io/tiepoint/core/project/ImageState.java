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

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The client-side state of one image, as the journal records it. Platform flow:
 * {@code Discovered -> Inspected | Rejected -> Existing | Registered -> Uploading(offset) -> Uploaded ->
 * Ready | Invalid(reasons) | Failed(error, retryable)}; direct flow (the user's own destination):
 * {@code Inspected -> Existing | Uploading(offset) -> Stored | Failed}. The journal refuses any other
 * change of state ({@link #canMoveTo(ImageState)}): it never records what did not happen.
 */
public enum ImageState {
	/** Found in a folder, not inspected yet. */
	DISCOVERED,
	/** Inspected: checksums and metadata known, no error finding. */
	INSPECTED,
	/** Inspected with an error finding (unreadable, truncated, not an image...): not sent unless asked. */
	REJECTED,
	/** The destination already has this content (the platform project, or the direct destination by checksum). */
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
	FAILED,
	/**
	 * Stored at a direct destination, its integrity checked by the destination (Content-MD5, ETag, the
	 * resource service's md5); {@code location} says where.
	 */
	STORED;

	/** States an image may be sent from: the client holds its checksum and nothing has left it yet, or may again. */
	private static final Set<ImageState> SENDABLE = EnumSet.of(INSPECTED, REJECTED, FAILED);
	/** Where sending (or following) an image can lead. */
	private static final Set<ImageState> ON_THE_WAY = EnumSet.of(EXISTING, REGISTERED, UPLOADING, UPLOADED, READY,
			INVALID, FAILED, STORED);

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
		return this == READY || this == INVALID || this == REJECTED || this == EXISTING || this == STORED;
	}

	/** @return whether the image reached its destination (verified there, or already there) */
	public boolean arrived() {
		return this == READY || this == EXISTING || this == STORED;
	}

	/**
	 * The journal's state machine. Staying in a state is always allowed (a change of its fields); a file
	 * that changed on disk goes back to {@code Discovered} by {@code Journal.discover}, not by an update.
	 *
	 * @param next the state to change to
	 * @return whether an image in this state may change to {@code next}
	 */
	public boolean canMoveTo(ImageState next) {
		if (next == this) {
			return true;
		}
		return switch (this) {
		case DISCOVERED -> next == INSPECTED || next == REJECTED;
		// inspected again (a re-check), or on its way; a failed one may be inspected again or retried
		case INSPECTED, REJECTED, FAILED -> next == INSPECTED || next == REJECTED || ON_THE_WAY.contains(next);
		// a registration or an upload can end anywhere on the way, or go back when the platform lost it
		case REGISTERED, UPLOADING -> next == INSPECTED || ON_THE_WAY.contains(next);
		case UPLOADED -> next == READY || next == INVALID || next == FAILED || next == INSPECTED;
		// refused by the platform: only a retry (back to Inspected) changes it
		case INVALID -> next == INSPECTED;
		// arrived: nothing undoes that
		case READY, EXISTING, STORED -> false;
		};
	}

	/** @return whether an image in this state may be sent (with its checksum known) */
	public boolean sendable() {
		return SENDABLE.contains(this);
	}
}
