/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

import java.util.List;

/** The hub's image states, as its clients see them ({@code IMAGE_STATE}); the client's journal has its own {@code ImageState}. */
public enum HubImageState {
	/** Registered, no bytes yet. */
	Pending,
	/** The client announced the upload. */
	Uploading,
	/** The bytes are stored; verification pending. */
	Uploaded,
	/** Verified. */
	Ready,
	/** Failed verification or expired; {@code error} says why. */
	Invalid;

	/** States of an image that is not finished. */
	public static final List<HubImageState> OPEN = List.of(Pending, Uploading, Uploaded);
	/** Every state. */
	public static final List<HubImageState> ALL = List.of(values());
	/** States before the bytes are stored. */
	public static final List<HubImageState> WAITING = List.of(Pending, Uploading);

	/** @param states some states @return their names, as the documents hold them */
	static List<String> names(List<HubImageState> states) {
		return states.stream().map(HubImageState::name).toList();
	}
}
