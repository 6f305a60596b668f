/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.util.Locale;
import java.util.Optional;

/**
 * What a storage provider can do, as its extension declares it (before any of its code is loaded). A
 * session's {@link StorageSession#feature(Class)} is the authority at run time; the declaration is for
 * listing and planning.
 */
public enum Capability {
	/** Sends a whole object in one request: {@link SinglePut}. */
	PUT(SinglePut.class),
	/** Sends an object in parts and resumes from the parts the destination lists: {@link MultipartPut}. */
	MULTIPART(MultipartPut.class),
	/** Resumes from the offset the destination reports: {@link OffsetResumable}. */
	OFFSET(OffsetResumable.class),
	/** Finds an object it already holds by checksum: {@link ExistsByChecksum}. */
	CHECKSUM(ExistsByChecksum.class),
	/** Downloads, resuming a partial file: {@link RangedDownload}. */
	DOWNLOAD(RangedDownload.class);

	private final Class<?> feature;

	Capability(Class<?> feature) {
		this.feature = feature;
	}

	/** @return the feature interface a session answers for this capability */
	public Class<?> feature() {
		return feature;
	}

	/** @return the name used in {@code plugin.xml} and in {@code tiepoint providers}, e.g. {@code multipart} */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param id a name as written in {@code plugin.xml}
	 * @return the capability, or empty when there is none of that name
	 */
	public static Optional<Capability> of(String id) {
		for (Capability c : values()) {
			if (c.id().equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}
}
